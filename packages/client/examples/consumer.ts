// A consumer's program, in strict TypeScript, that uses every method of the client. The tests
// type-check it and run it against the mock: `SO_BASE_URL=http://127.0.0.1:4010 node examples/consumer.ts`.
import { createBatchClient, type BatchTaskInfo } from '@so-batch/client';

const baseUrl = process.env.SO_BASE_URL ?? 'http://127.0.0.1:4010';
const client = createBatchClient({
  baseUrl,
  auth: { scheme: 'SOTicket', ticket: process.env.SO_TICKET ?? '7T:example==' },
  language: 'en',
});

function show(label: string, task: Pick<BatchTaskInfo, 'Id' | 'Name' | 'State'> | null): void {
  console.log(`${label}: ${task ? `#${task.Id} ${task.Name} (${task.State})` : 'none'}`);
}

const one = await client.getBatchTaskInfo(189);
if (one.error) throw one.error;
show('getBatchTaskInfo', one.data);

const slim = await client.getBatchTaskInfo(189, { select: ['Id', 'Name', 'State'] });
if (slim.error) throw slim.error;
show('getBatchTaskInfo select', slim.data);

const mine = await client.getBatchTaskInfosByAssociates([497, 840]);
if (mine.error) throw mine.error;
console.log(`getBatchTaskInfosByAssociates: ${mine.data.length} task(s)`);

const running = await client.getBatchTaskInfosByState('Started');
if (running.error) throw running.error;
console.log(`getBatchTaskInfosByState: ${running.data.length} task(s)`);

const started = await client.startBatchJob({ Name: 'ExportJob', ParameterObject: { Folder: 'exports' } });
if (started.error) throw started.error;
console.log(`startBatchJob: task ${started.data}`);

const updated = await client.updateBatchTask({ Id: started.data, Description: 'Nightly export' });
if (updated.error) throw updated.error;
console.log(`updateBatchTask: ${updated.data.Description}`);

const done = await client.waitForBatchTask(started.data, { intervalMs: 100 });
if (done.error) throw done.error;
show('waitForBatchTask', done.data);
