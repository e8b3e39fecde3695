import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const spec = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('@so-batch/spec/openapi.json'), 'utf8'));

/** The GetBatchTaskInfo page's sample response and the state list's, as the bytes a server sends. */
export const TASK_BYTES = Buffer.from(JSON.stringify(spec.components.examples.GetBatchTaskInfoResponse.value));
export const LIST_BYTES = Buffer.from(JSON.stringify(spec.components.examples.GetBatchTaskInfosByStateResponse.value));
