// The body of waitForBatchTask (wait.ts), loaded when a wait starts: an app that never waits
// does not bundle its checks, its failures or its loop, and one that waits loads failures.ts then
// anyway (its sleep and redaction).
import { checkInt } from './checks.ts';
import { stateOf, type AnyBatchClient, type BatchResult } from './core.ts';
import {
  BatchAbortError,
  BatchTaskFailedError,
  BatchTaskNotFoundError,
  BatchTaskStalledError,
  BatchUnexpectedBodyError,
  BatchWaitTimeoutError,
} from './errors.ts';
import { redaction, sleep } from './failures.ts';
import { getBatchTaskInfo } from './generated/agents.gen.ts';
import { FINAL_STATES, type FullBatchTaskInfo } from './types.ts';
import type { FinishedBatchTask, WaitFailure, WaitOptions } from './wait.ts';

// setTimeout fires at once for a delay past 2^31 - 1 ms: a longer limit would end every wait at once.
const MAX_TIMER_MS = 2_147_483_647;

const OPERATION = 'waitForBatchTask';

function milliseconds(value: unknown, name: string, lowest: 'zero' | 'above-zero'): number | undefined {
  if (value === undefined) return undefined;
  const allowed = typeof value === 'number' && Number.isFinite(value) && (lowest === 'zero' ? value >= 0 : value > 0) && value <= MAX_TIMER_MS;
  if (!allowed) throw new TypeError(`${OPERATION}: ${name} must be a number of milliseconds ${lowest === 'zero' ? '>= 0' : 'above 0'}, at most ${MAX_TIMER_MS} (about 24.8 days).`);
  return value;
}

/** What one wait knows while it polls. */
interface Wait {
  client: AnyBatchClient;
  id: number;
  intervalMs: number;
  timeoutMs: number | undefined;
  stallMs: number | undefined;
  onProgress: WaitOptions['onProgress'];
  headers: WaitOptions['headers'];
  /** The caller's signal, and the one the polls get: the caller's and the deadline's. */
  callerSignal: AbortSignal | undefined;
  signal: AbortSignal | undefined;
  deadline: AbortSignal | undefined;
  startedAt: number;
}

/** waitForBatchTask, from `startedAt` (performance.now()) on, when it was called. */
export async function waitFrom(startedAt: number, client: AnyBatchClient, id: number, waitOptions: WaitOptions): Promise<BatchResult<FinishedBatchTask, WaitFailure>> {
  checkInt(id, 'id', OPERATION);
  if (waitOptions === null || typeof waitOptions !== 'object') throw new TypeError(`${OPERATION}: options must be an object.`);
  const intervalMs = milliseconds(waitOptions.intervalMs, 'intervalMs', 'zero') ?? 1000;
  const timeoutMs = milliseconds(waitOptions.timeoutMs, 'timeoutMs', 'above-zero');
  const stallMs = milliseconds(waitOptions.stallMs, 'stallMs', 'above-zero');
  if (stallMs !== undefined && stallMs < intervalMs) {
    throw new TypeError(`${OPERATION}: stallMs (${stallMs}) must be at least intervalMs (${intervalMs}): a stall is seen only from one poll to the next.`);
  }
  const { onProgress, signal: callerSignal, headers } = waitOptions;
  if (onProgress !== undefined && typeof onProgress !== 'function') throw new TypeError(`${OPERATION}: onProgress must be a function.`);

  // The wait's deadline, as an abort: it cuts the poll in flight (and its retries) as well as the sleep.
  const deadline = timeoutMs === undefined ? undefined : new AbortController();
  const deadlineTimer = deadline && setTimeout(() => deadline.abort(), Math.max(0, timeoutMs! - (performance.now() - startedAt)));
  const signal = deadline ? (callerSignal ? AbortSignal.any([callerSignal, deadline.signal]) : deadline.signal) : callerSignal;
  try {
    return await pollUntilEnded({ client, id, intervalMs, timeoutMs, stallMs, onProgress, headers, callerSignal, signal, deadline: deadline?.signal, startedAt });
  } finally {
    clearTimeout(deadlineTimer);
  }
}

async function pollUntilEnded(wait: Wait): Promise<BatchResult<FinishedBatchTask, WaitFailure>> {
  const { client, id, stallMs } = wait;
  const redact = <T>(value: T): T => redaction(stateOf(client, OPERATION)).deep(value);
  let lastSeen: FullBatchTaskInfo | undefined;
  const timedOut = (scope: 'wait' | 'poll', limitMs: number) => ({
    error: new BatchWaitTimeoutError(OPERATION, id, { scope, timeoutMs: limitMs, waitedMs: performance.now() - wait.startedAt, task: lastSeen && redact(lastSeen) }),
  });
  // The caller's abort stays `aborted`; the deadline's is the wait's `timeout`.
  const stopped = (cause: unknown) => (wait.deadline?.aborted && !wait.callerSignal?.aborted ? timedOut('wait', wait.timeoutMs!) : { error: new BatchAbortError(OPERATION, cause) });

  let lastReported: string | undefined;
  let lastProgress: string | undefined;
  let unchangedSince = wait.startedAt;
  for (;;) {
    const { data: task, error, response: reply } = await getBatchTaskInfo(client, id, { signal: wait.signal, headers: wait.headers });
    const answeredAt = performance.now();
    if (error?.kind === 'aborted') return stopped(error.cause);
    if (error?.kind === 'timeout') return timedOut('poll', error.timeoutMs);
    if (error) return { error, ...(reply ? { response: reply } : {}) };
    if (task === null) return { error: new BatchTaskNotFoundError(OPERATION, id) };
    lastSeen = task;
    const reported = JSON.stringify([task.State, task.ProgressPercent, task.ProgressDescription]);
    if (reported !== lastReported) {
      lastReported = reported;
      wait.onProgress?.(task);
    }
    if (task.State === 'Failed') return { error: new BatchTaskFailedError(OPERATION, redact(task)) };
    // 'All' is a filter of the list calls, not a state a task can be in: it would never end.
    if (task.State === 'All') return { error: new BatchUnexpectedBodyError(OPERATION, reply?.status ?? 200, `task ${id} reports State "All", which is a filter, not a state a task can be in: it would never end`), ...(reply ? { response: reply } : {}) };
    if (task.State && (FINAL_STATES as readonly string[]).includes(task.State)) return { data: task as FinishedBatchTask };
    // A stall is about the job's progress: a new ProgressDescription alone does not count.
    const progress = JSON.stringify([task.State, task.ProgressPercent]);
    if (progress !== lastProgress) {
      lastProgress = progress;
      unchangedSince = answeredAt;
    } else if (stallMs !== undefined && answeredAt - unchangedSince >= stallMs) {
      return { error: new BatchTaskStalledError(OPERATION, redact(task), { stallMs, unchangedMs: answeredAt - unchangedSince }) };
    }
    try {
      await sleep(wait.intervalMs, wait.signal);
    } catch (cause) {
      return stopped(cause);
    }
  }
}
