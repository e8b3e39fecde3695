import { stateOf, type AnyBatchClient, type BatchResult, type CallOptions } from './core.ts';
import type { BatchFailure, BatchTimeoutError, BatchWaitTimeoutError } from './errors.ts';
import type { FinalBatchTaskState, FullBatchTaskInfo } from './types.ts';

/** A task waitForBatchTask resolves with: it ended well (a Failed one is a BatchTaskFailedError). */
export type FinishedBatchTask = FullBatchTaskInfo & { State: Exclude<FinalBatchTaskState, 'Failed'> };

/**
 * What waitForBatchTask can fail with: what a poll can, plus `task-failed`, `task-not-found` and
 * `stalled`; its `timeout` is always a BatchWaitTimeoutError, carrying the task as last seen.
 */
export type WaitFailure = Exclude<BatchFailure, BatchTimeoutError> | BatchWaitTimeoutError;

export interface WaitOptions extends Omit<CallOptions, 'timeoutMs'> {
  /** Time between polls (default 1000 ms). */
  intervalMs?: number | undefined;
  /**
   * The longest the whole wait may take, polls in flight included (a hung request is cut there):
   * past it the wait ends with kind `timeout` (BatchWaitTimeoutError). No limit by default. Each
   * poll also has the client's per-attempt timeoutMs.
   */
  timeoutMs?: number | undefined;
  /**
   * Ends the wait with kind `stalled` (BatchTaskStalledError) when neither State nor
   * ProgressPercent has changed for this long since the wait first saw them: a hung job. Checked
   * at each poll, so at least intervalMs. No limit by default.
   */
  stallMs?: number | undefined;
  /** Called with the task whenever its state, ProgressPercent or ProgressDescription changes (and on the first poll). */
  onProgress?: ((task: FullBatchTaskInfo) => void) | undefined;
}

/**
 * Polls a task (Agents GetBatchTaskInfo) until it is Succeeded, SucceededManualCleanup or Failed;
 * Failed ends in BatchTaskFailedError, the wait's `timeoutMs` in BatchWaitTimeoutError, its
 * `stallMs` in BatchTaskStalledError. Misuse (a wrong id or option) throws a TypeError.
 */
export async function waitForBatchTask(client: AnyBatchClient, id: number, waitOptions: WaitOptions = {}): Promise<BatchResult<FinishedBatchTask, WaitFailure>> {
  // The clock starts now: loading the rest (in a browser, a chunk to download) is part of the wait.
  const startedAt = performance.now();
  stateOf(client, 'waitForBatchTask');
  return (await import('./waiting.ts')).waitFrom(startedAt, client, id, waitOptions);
}
