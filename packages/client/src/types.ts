import type { FINAL_STATES, NEVER_NULL_PROPERTIES } from './generated/facts.gen.ts';
import type { components } from './generated/schema.gen.ts';

type Schemas = components['schemas'];
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/**
 * One batch task as any answer may carry it: every property may be null (`select` nulls the ones
 * it leaves out). What a call answers is narrower: FullBatchTaskInfo without `select`, Selected<K>
 * with it.
 */
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

/** The properties an answer without `select` never sends as null (the spec's x-so-batch-never-null). */
export type NeverNullProperty = (typeof NEVER_NULL_PROPERTIES)[number];

/** One batch task as an answer without `select` carries it: the never-null properties without null. */
export type FullBatchTaskInfo = Simplify<{
  [P in keyof BatchTaskInfo]: P extends NeverNullProperty ? NonNullable<BatchTaskInfo[P]> : BatchTaskInfo[P];
}>;

/**
 * A BatchTaskInfo after `select: K[]`: the selected properties typed as in a full answer (so a
 * selected `Id` is a number), every other one null. Without `select`, K is every property.
 */
export type Selected<K extends BatchTaskProperty> = [BatchTaskProperty] extends [K]
  ? FullBatchTaskInfo
  : { [P in keyof BatchTaskInfo]: P extends K ? FullBatchTaskInfo[P] : null };

/** The spec's lists as values: BatchTaskInfo's properties, the never-null ones, every state, the final ones. */
export { BATCH_TASK_PROPERTIES, BATCH_TASK_STATES, FINAL_STATES, NEVER_NULL_PROPERTIES } from './generated/facts.gen.ts';
export type FinalBatchTaskState = (typeof FINAL_STATES)[number];
