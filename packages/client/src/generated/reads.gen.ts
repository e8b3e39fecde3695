// Generated from spec/openapi.yaml (its bundle, spec/dist/openapi.json) by `pnpm generate` (scripts/functions.ts).
// Do not edit: change the spec and regenerate.
// The POSTs the spec marks x-so-batch-read: reads, which follow redirects within the installation.
export const READ_POSTS: readonly string[] = [
  '/api/v1/Agents/Batch/GetBatchTaskInfo',
  '/api/v1/Agents/Batch/GetBatchTaskInfosByAssociates',
  '/api/v1/Agents/Batch/GetBatchTaskInfosByAssociatesAndState',
  '/api/v1/Agents/Batch/GetBatchTaskInfosByNameAndAssociates',
  '/api/v1/Agents/Batch/GetBatchTaskInfosByNameAndState',
  '/api/v1/Agents/Batch/GetBatchTaskInfosByState',
  '/api/v1/Agents/Batch/GetAllBatchTaskInfosByName',
  '/api/v1/Agents/Batch/GetAllBatchTaskInfosByNameAndState',
  '/api/v1/Agents/Batch/GetSystemBatchTaskInfosByName',
  '/api/v1/Agents/Batch/GetSystemBatchTaskInfosByNameAndState',
];
