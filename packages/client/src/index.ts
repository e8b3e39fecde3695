export { createBatchClient } from './client.ts';
export type { BatchClient, BatchClientOptions, BatchResult, CallOptions, SelectOptions, WaitOptions } from './client.ts';
export { BatchClientOptionsError, DEFAULT_RETRY, DEFAULT_TIMEOUT_MS, normalizeBaseUrl } from './options.ts';
export type { BatchAuth, RetryPolicy } from './options.ts';
export {
  BatchAbortError,
  BatchError,
  BatchHttpError,
  BatchNetworkError,
  BatchNullResponseError,
  BatchRequestInvalidError,
  BatchTaskFailedError,
  BatchTaskNotFoundError,
  BatchTimeoutError,
  BatchUnexpectedBodyError,
} from './errors.ts';
export { BATCH_TASK_STATES, FINAL_STATES } from './types.ts';
export type {
  BatchTaskCancellationBehaviour,
  BatchTaskInfo,
  BatchTaskInfoInput,
  BatchTaskProperty,
  BatchTaskState,
  ErrorBody,
  FieldProperties,
  FieldRight,
  FinalBatchTaskState,
  Selected,
  TableRight,
} from './types.ts';
export type { paths, components, operations } from './generated/schema.gen.ts';
