import type { FINAL_STATES } from './generated/facts.gen.ts';
import type { components } from './generated/schema.gen.ts';

type Schemas = components['schemas'];
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** One batch task, as the server answers it. Properties left out by `select` are null. */
export type BatchTaskInfo = Simplify<Schemas['BatchTaskInfo']>;
/** The properties a request may send: none required. */
export type BatchTaskInfoInput = Simplify<Schemas['BatchTaskInfoFields']>;
export type BatchTaskState = Schemas['BatchTaskState'];
export type BatchTaskCancellationBehaviour = Schemas['BatchTaskCancellationBehaviour'];
export type TableRight = Schemas['TableRight'];
export type FieldRight = Schemas['FieldRight'];
export type FieldProperties = Schemas['FieldProperties'];
export type ErrorBody = Schemas['ErrorBody'];
export type ODataSlimResponse = Schemas['ODataSlimResponse'];
export type ArchiveRow = Schemas['ArchiveRow'];
export type ETableRight = Schemas['ETableRight'];
export type EFieldRight = Schemas['EFieldRight'];

/** A property name of BatchTaskInfo, as `select` takes it. */
export type BatchTaskProperty = keyof BatchTaskInfo;

/** A BatchTaskInfo after `select: K[]`: the selected properties as usual, every other one null. */
export type Selected<K extends BatchTaskProperty> = [BatchTaskProperty] extends [K]
  ? BatchTaskInfo
  : { [P in keyof BatchTaskInfo]: P extends K ? BatchTaskInfo[P] : null };

/** The spec's lists as values: BatchTaskInfo's properties, every state, the final ones. */
export { BATCH_TASK_PROPERTIES, BATCH_TASK_STATES, FINAL_STATES } from './generated/facts.gen.ts';
export type FinalBatchTaskState = (typeof FINAL_STATES)[number];
