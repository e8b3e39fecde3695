// Generated from spec/openapi.yaml (its bundle, spec/dist/openapi.json) by `pnpm generate` (scripts/generate.ts).
// Do not edit: change the spec and regenerate.
import type { BatchTaskProperty, BatchTaskState } from '../types.ts';

/** Every property of BatchTaskInfo, in the spec's order: what `select` takes. */
export const BATCH_TASK_PROPERTIES = [
  "Id",
  "Name",
  "AssociateId",
  "DetailsTable",
  "DetailsRecord",
  "IsSystemTask",
  "IsInternalTask",
  "ParameterObject",
  "LastStarted",
  "Created",
  "StartCount",
  "DatabaseSerialNumber",
  "Context",
  "Result",
  "State",
  "Description",
  "Response",
  "Request",
  "ProgressDescription",
  "ProgressPercent",
  "FileName",
  "CancellationBehaviour",
  "TableRight",
  "FieldProperties",
] as const satisfies readonly BatchTaskProperty[];

/** The properties an answer without `select` never sends as null (the spec's x-so-batch-never-null). */
export const NEVER_NULL_PROPERTIES = [
  "Id",
  "AssociateId",
  "DetailsTable",
  "DetailsRecord",
  "IsSystemTask",
  "IsInternalTask",
  "LastStarted",
  "Created",
  "StartCount",
  "ProgressPercent",
] as const satisfies readonly BatchTaskProperty[];

/** Every BatchTaskState, in the server's numeric order (`All` is a filter of the list calls). */
export const BATCH_TASK_STATES = [
  "Unknown",
  "New",
  "Aquired",
  "Started",
  "Succeeded",
  "Failed",
  "SucceededManualCleanup",
  "All",
] as const satisfies readonly BatchTaskState[];

/** The states after which a task no longer changes (the spec's x-so-batch-final-states). */
export const FINAL_STATES = [
  "Succeeded",
  "Failed",
  "SucceededManualCleanup",
] as const satisfies readonly BatchTaskState[];
