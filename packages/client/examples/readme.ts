import { createBatchClient } from '@so-batch/client';

const client = createBatchClient({
  baseUrl: process.env.SO_BASE_URL ?? 'https://online.superoffice.com/Cust12345', // Onsite: https://crm.example.com/SuperOffice
  auth: { scheme: 'SOTicket', ticket: process.env.SO_TICKET! }, // or Basic, Bearer (a token, or a function that refreshes it), XSRF
  appToken: process.env.SO_APP_TOKEN,
});

const started = await client.startBatchJob({ Name: 'ExportJob', ParameterObject: { Folder: 'exports' } });
if (started.error) throw started.error; // a value, typed by error.kind: 'http', 'null-response', 'network', 'timeout', ...

const done = await client.waitForBatchTask(started.data, {
  intervalMs: 500,
  timeoutMs: 600_000, // the whole wait; past it, error.kind 'timeout'
  stallMs: 120_000, // no change of State or ProgressPercent for that long: 'stalled', a hung job
  onProgress: (task) => console.log(`${task.State} ${task.ProgressPercent}% ${task.ProgressDescription ?? ''}`),
});
if (done.error?.kind === 'task-failed') console.error(`failed: ${done.error.task.Result}`);
else if (done.error?.kind === 'stalled') console.error(`hung: ${done.error.task.State} at ${done.error.task.ProgressPercent}%`);
else if (done.error) throw done.error;
else console.log(`done: ${done.data.Result}`);
