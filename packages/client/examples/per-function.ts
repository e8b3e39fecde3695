import { getBatchTaskInfo, startBatchJob } from '@so-batch/client/agents';
import { createBatchCore } from '@so-batch/client/core';

// One client, made once; import only the calls you make, and a bundler leaves the rest out.
const client = createBatchCore({
  baseUrl: process.env.SO_BASE_URL ?? 'https://online.superoffice.com/Cust12345',
  auth: { scheme: 'SOTicket', ticket: process.env.SO_TICKET! },
});

const started = await startBatchJob(client, { Name: 'ExportJob' });
if (started.error) throw started.error;

const { data: task, error } = await getBatchTaskInfo(client, started.data, { select: ['Name', 'State', 'ProgressPercent'] });
if (error) throw error;
console.log(task ? `#${started.data} ${task.Name}: ${task.State} ${task.ProgressPercent}%` : `#${started.data} is gone`);
