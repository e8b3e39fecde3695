import { stateOf, type AnyBatchClient, type BatchResult, type CallOptions } from './core.ts';
import { BatchAbortError, BatchTaskFailedError, BatchTaskNotFoundError, BatchUnexpectedBodyError } from './errors.ts';
import { getBatchTaskInfo } from './generated/agents.gen.ts';
import { FINAL_STATES, type BatchTaskInfo, type FinalBatchTaskState } from './types.ts';

/** A task waitForBatchTask resolves with: it ended well (a Failed one is a BatchTaskFailedError). */
export type FinishedBatchTask = BatchTaskInfo & { State: Exclude<FinalBatchTaskState, 'Failed'> };

export interface WaitOptions extends CallOptions {
  /** Time between polls (default 1000 ms). */
  intervalMs?: number | undefined;
  /** Called with the task whenever its state, ProgressPercent or ProgressDescription changes (and on the first poll). */
  onProgress?: ((task: BatchTaskInfo) => void) | undefined;
}

/** Polls a task (Agents GetBatchTaskInfo) until it is Succeeded, SucceededManualCleanup or Failed; Failed ends in BatchTaskFailedError. */
export async function waitForBatchTask(client: AnyBatchClient, id: number, waitOptions: WaitOptions = {}): Promise<BatchResult<FinishedBatchTask>> {
  const operation = 'waitForBatchTask';
  const state = stateOf(client, operation);
  const intervalMs = waitOptions.intervalMs ?? 1000;
  if (typeof intervalMs !== 'number' || !(intervalMs >= 0)) throw new TypeError(`${operation}: intervalMs must be a number of milliseconds >= 0.`);
  const { sleep, redaction } = await import('./failures.ts');
  let last: string | undefined;
  for (;;) {
    const { data: task, error, response: reply } = await getBatchTaskInfo(client, id, waitOptions);
    if (error) return { error, ...(reply ? { response: reply } : {}) };
    if (task === null) return { error: new BatchTaskNotFoundError(operation, id) };
    const progress = JSON.stringify([task.State, task.ProgressPercent, task.ProgressDescription]);
    if (progress !== last) {
      last = progress;
      waitOptions.onProgress?.(task);
    }
    if (task.State === 'Failed') return { error: new BatchTaskFailedError(operation, redaction(state).deep(task)) };
    // 'All' is a filter of the list calls, not a state a task can be in: it would never end.
    if (task.State === 'All') return { error: new BatchUnexpectedBodyError(operation, reply?.status ?? 200, `task ${id} reports State "All", which is a filter, not a state a task can be in: it would never end`), ...(reply ? { response: reply } : {}) };
    if (task.State && (FINAL_STATES as readonly string[]).includes(task.State)) return { data: task as FinishedBatchTask };
    try {
      await sleep(intervalMs, waitOptions.signal);
    } catch (cause) {
      return { error: new BatchAbortError(operation, cause) };
    }
  }
}
