export { createBatchClient } from './client.ts';
export type { BatchClient } from './client.ts';
export { createBatchCore } from './core.ts';
export type { AnyBatchClient, BatchClientOptions, BatchCore, BatchResult, CallOptions, SelectOptions } from './core.ts';
export type { AgentsClient } from './generated/agents.gen.ts';
export type { RestClient } from './generated/rest.gen.ts';
export { waitForBatchTask } from './wait.ts';
export { archivePages, archiveQuery, archiveRows, queryArchive, DEFAULT_MAX_PAGES } from './archive.ts';
export type {
  ArchiveCell,
  ArchiveColumn,
  ArchiveColumns,
  ArchiveCondition,
  ArchiveDate,
  ArchiveDefaultColumn,
  ArchiveDirection,
  ArchiveOperatorOf,
  ArchiveOrder,
  ArchivePage,
  ArchivePagingOptions,
  ArchiveQueryInput,
  ArchiveRowOf,
  ArchiveValue,
  RowOf,
  TypedArchiveQuery,
} from './archive.ts';
export { ARCHIVE_COLUMN_KINDS, ARCHIVE_DEFAULT_COLUMNS, ARCHIVE_FUNCTIONS, ARCHIVE_OPERATORS, ARCHIVE_PAGE_SIZE } from './generated/archive.gen.ts';
export type { FinishedBatchTask, WaitFailure, WaitOptions } from './wait.ts';
/** OData options of GET /api/v1/BatchTask, as the spec types them. */
export type ODataQuery = import('./core.ts').Query<'v1Batch_GetAll'>;
export {
  FIELD_RIGHT_FLAGS,
  TABLE_RIGHT_FLAGS,
  formatFieldRight,
  formatTableRight,
  hasFieldRight,
  hasTableRight,
  parseFieldRight,
  parseTableRight,
} from './rights.ts';
export type { FieldRightFlag, TableRightFlag } from './rights.ts';
export { BatchClientOptionsError, DEFAULT_RETRY, DEFAULT_TIMEOUT_MS, normalizeBaseUrl } from './options.ts';
export type { BatchAuth, RetryPolicy } from './options.ts';
export {
  BatchAbortError,
  BatchCredentialsError,
  BatchError,
  BatchHttpError,
  BatchNetworkError,
  BatchNullResponseError,
  BatchPagingError,
  BatchRedirectError,
  BatchRequestInvalidError,
  BatchResponseTooLargeError,
  BatchTaskFailedError,
  BatchTaskNotFoundError,
  BatchTaskStalledError,
  BatchTimeoutError,
  BatchUnexpectedBodyError,
  BatchWaitTimeoutError,
} from './errors.ts';
export type { BatchFailure, PagingProblem, RedirectDetails, RedirectRefusal } from './errors.ts';
// The redaction rules (createRedactor, basicSecrets) are `@so-batch/client/redaction`: the client
// loads them only when something fails, and a re-export here would bundle them into every app.
export { DEFAULT_MAX_RESPONSE_BYTES } from './options.ts';
export { BATCH_TASK_PROPERTIES, BATCH_TASK_STATES, FINAL_STATES, NEVER_NULL_PROPERTIES } from './types.ts';
export type {
  ArchiveRow,
  BatchTaskCancellationBehaviour,
  EFieldRight,
  ETableRight,
  ODataSlimResponse,
  BatchTaskInfo,
  BatchTaskInfoInput,
  BatchTaskProperty,
  BatchTaskState,
  ErrorBody,
  FieldProperties,
  FieldRight,
  FinalBatchTaskState,
  FullBatchTaskInfo,
  NeverNullProperty,
  Selected,
  TableRight,
} from './types.ts';
export type { paths, components, operations } from './generated/schema.gen.ts';
