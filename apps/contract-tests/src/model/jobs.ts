import type { JobBehaviour } from '@so-batch/mock';
import type { TaskState } from './model.ts';

// How a job started on the mock runs, as the model expects it: the model's own reading of the
// documented behaviour (JobBehaviour's fields, startMock's taskRunMs, issue 19 item 2), never the
// mock's store. On the mock's manual clock the model knows the time, so it knows each job's
// state exactly:
//   - a job stays New for queuedMs (default: a tenth of runMs, at most 500 ms), then is Started;
//   - a hung job stays Started at 0% and never ends;
//   - it ends Failed when its progress reaches failAtPercent (a name with "fail" and no
//     definition: 60%), with ProgressPercent at that percent and a Result saying so (the
//     defined `result`, else a text that names the percent);
//   - otherwise it ends after runMs of Started, Succeeded (SucceededManualCleanup with
//     manualCleanup), at 100%, with the defined `result` when there is one.
// Two things the model leaves as a range, because they are finer than the documentation:
//   - ProgressPercent while Started: within PROGRESS_SLACK points of the share of runMs that has
//     passed, and never below what a read saw before;
//   - the exact millisecond of a transition (whether progress is rounded or floored, `<` or
//     `<=`): the clock never lands within a transition's guard (transitions()). AdvanceClock moves past a boundary's
//     guard instead (commands.ts), so every state the model expects is exact.

export type FinalState = 'Succeeded' | 'Failed' | 'SucceededManualCleanup';

/** A started job's course, fixed when it starts (a later definition does not change it). */
export interface ModelJob {
  name: string;
  /** The clock when it started (ms since the epoch). */
  created: number;
  queuedMs: number;
  runMs: number;
  hang: boolean;
  failAtPercent: number | undefined;
  endState: 'Succeeded' | 'SucceededManualCleanup';
  /** The defined Result text, if any. */
  result: string | undefined;
  /** Whether its failure must name the percent (a defined failAtPercent without a result). */
  failNamesPercent: boolean;
}

/** Points ProgressPercent may differ from the elapsed share of runMs. */
export const PROGRESS_SLACK = 2;

/** The key a job name is matched by, as documented: the whole name, trimmed, in any case. */
export const jobKey = (name: string) => name.trim().toLowerCase();

export function planJob(name: string, definition: JobBehaviour | undefined, taskRunMs: number, created: number): ModelJob {
  const runMs = definition?.runMs ?? taskRunMs;
  const defaultFail = definition === undefined && /fail/i.test(name);
  return {
    name,
    created,
    runMs,
    queuedMs: definition?.queuedMs ?? Math.min(500, runMs / 10),
    hang: definition?.hang === true,
    failAtPercent: defaultFail ? 60 : definition?.failAtPercent,
    endState: definition?.manualCleanup === true ? 'SucceededManualCleanup' : 'Succeeded',
    result: definition?.result,
    failNamesPercent: definition?.failAtPercent !== undefined && definition.result === undefined,
  };
}

/** Where a job is at `now`: its state, the ProgressPercent range, and for an ended one what its Result must be. */
export interface JobMoment {
  state: TaskState;
  progress: readonly [number, number];
  ended?: { state: FinalState; result: { exact: string } | { contains: string } | 'text' };
}

export function jobAt(job: ModelJob, now: number): JobMoment {
  const elapsed = now - job.created;
  if (elapsed < job.queuedMs) return { state: 'New', progress: [0, 0] };
  if (job.hang) return { state: 'Started', progress: [0, 0] };
  const running = elapsed - job.queuedMs;
  if (job.failAtPercent !== undefined && running >= (job.failAtPercent * job.runMs) / 100) {
    const percent = job.failAtPercent;
    const result = job.result !== undefined ? { exact: job.result } : job.failNamesPercent ? { contains: `${percent}%` } : 'text';
    return { state: 'Failed', progress: [percent, percent], ended: { state: 'Failed', result } };
  }
  if (running >= job.runMs) return { state: job.endState, progress: [100, 100], ended: { state: job.endState, result: job.result !== undefined ? { exact: job.result } : 'text' } };
  const share = (100 * running) / job.runMs;
  const cap = Math.min(100, job.failAtPercent ?? 100);
  return { state: 'Started', progress: [Math.max(0, Math.floor(share) - PROGRESS_SLACK), Math.min(cap, Math.ceil(share) + PROGRESS_SLACK)] };
}

/**
 * The times (clock ms) at which the job's state changes (the end of its queue, its failure or its
 * end), each with how far the clock must stay from it for the model to know which side it is on:
 * 1 ms from the queue's end (`<` or `<=`), one percent of runMs and 1 ms from a point its
 * progress reaches (rounded or floored).
 */
export function transitions(job: ModelJob): { at: number; guard: number }[] {
  const started = { at: job.created + job.queuedMs, guard: 1 };
  if (job.hang) return [started];
  const guard = 1 + job.runMs / 100;
  const end = job.failAtPercent === undefined ? started.at + job.runMs : started.at + (job.failAtPercent * job.runMs) / 100;
  return [started, { at: end, guard }];
}
