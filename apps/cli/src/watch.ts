import { Presets, SingleBar } from 'cli-progress';
import { BatchTaskFailedError, type BatchClient, type BatchTaskInfo } from '@so-batch/client';
import { checkTask } from './answers.ts';
import { CliFailure, describe, EXIT, sentence, type Target } from './failures.ts';
import { fancy, printJson, type Io } from './output.ts';
import { visible } from './visible.ts';

/** The task ended Failed: reported once (on stdout, or as --json's error with the task). */
export class TaskFailedFailure extends CliFailure {
  readonly task: BatchTaskInfo;
  constructor(id: number, task: BatchTaskInfo) {
    super(sentence(`Task ${id} failed${task.Result ? `: ${task.Result}` : ''}`), EXIT.taskFailed);
    this.task = task;
  }
}

export interface WatchOptions {
  json: boolean;
  intervalMs: number;
  /** Stop watching after this many seconds; no limit when absent. */
  timeoutSeconds?: number | undefined;
  /** Stop watching when neither State nor ProgressPercent has changed for this many seconds (a hung job). */
  stallSeconds?: number | undefined;
  signal: AbortSignal;
}

function percent(task: BatchTaskInfo): number {
  return Math.max(0, Math.min(100, task.ProgressPercent ?? 0));
}

/**
 * Follows a task until it ends: a live bar when stderr is a terminal, plain progress lines on
 * stderr otherwise. Succeeded ends 0, Failed ends 1; an abort (Ctrl-C) or --timeout stops watching only.
 */
export async function watchTask(client: BatchClient, target: Target, id: number, io: Io, options: WatchOptions): Promise<number> {
  // The bar is drawn on stderr, so stderr decides; stdout may be a file (or JSON) meanwhile.
  const bar = fancy(io.stderr, io.env)
    ? new SingleBar({ stream: io.stderr, format: ' {bar} {percentage}% | {state} | {description}', barsize: 30, hideCursor: true, clearOnComplete: false }, Presets.shades_classic)
    : undefined;
  const deadline = options.timeoutSeconds === undefined ? undefined : AbortSignal.timeout(Math.round(options.timeoutSeconds * 1000));
  let last: BatchTaskInfo | undefined;
  // A poll whose answer is not a task stops the watch, with what was wrong with it.
  const refused = new AbortController();
  let notTask: CliFailure | undefined;
  const stallMs = options.stallSeconds === undefined ? undefined : Math.max(options.intervalMs, Math.round(options.stallSeconds * 1000));
  const result = await client.waitForBatchTask(id, {
    intervalMs: options.intervalMs,
    ...(stallMs === undefined ? {} : { stallMs }),
    signal: AbortSignal.any([options.signal, refused.signal, ...(deadline ? [deadline] : [])]),
    onProgress: (task) => {
      try {
        checkTask(task, target);
      } catch (failure) {
        notTask = failure as CliFailure;
        refused.abort();
        return;
      }
      // The server's words, made visible: the bar and the lines are for people.
      const payload = { state: visible(task.State ?? '?'), description: visible(task.ProgressDescription ?? '') };
      if (bar) {
        if (!last) bar.start(100, percent(task), payload);
        else bar.update(percent(task), payload);
      } else {
        io.stderr.write(`[${String(percent(task)).padStart(3)}%] ${payload.state}${payload.description ? `: ${payload.description}` : ''}\n`);
      }
      last = task;
    },
  });
  bar?.stop();
  if (notTask) throw notTask;
  if (result.error?.kind === 'aborted') {
    if (!options.signal.aborted && deadline?.aborted) {
      const still = last ? `: it is still ${last.State ?? 'in no state'} (${percent(last)}%)` : '';
      throw new CliFailure(`Stopped watching task ${id} after ${options.timeoutSeconds} s (--timeout)${still}; the task goes on.`, EXIT.network);
    }
    throw new CliFailure(`Stopped watching task ${id}; the task goes on.`, EXIT.interrupted);
  }
  if (result.error?.kind === 'stalled') {
    const { task } = result.error;
    throw new CliFailure(`Stopped watching task ${id}: it has not moved for ${options.stallSeconds} s (--stall), still ${visible(task.State ?? 'in no state')} at ${percent(task)}%; the task goes on.`, EXIT.network);
  }
  if (result.error instanceof BatchTaskFailedError) throw new TaskFailedFailure(id, result.error.task);
  if (result.error) throw describe(result.error, target);
  const task = result.data;
  if (options.json) printJson(io, task);
  else io.stdout.write(`${visible(task.State)}${task.Result ? `: ${visible(task.Result)}` : ''}\n`);
  return EXIT.ok;
}
