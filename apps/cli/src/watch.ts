import { Presets, SingleBar } from 'cli-progress';
import { BatchTaskFailedError, type BatchClient, type BatchTaskInfo } from '@so-batch/client';
import { CliFailure, describe, EXIT, sentence, type Target } from './failures.ts';
import { fancy, printJson, type Io } from './output.ts';

export interface WatchOptions {
  json: boolean;
  intervalMs: number;
  /** Stop watching after this many seconds; no limit when absent. */
  timeoutSeconds?: number | undefined;
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
  const result = await client.waitForBatchTask(id, {
    intervalMs: options.intervalMs,
    signal: deadline ? AbortSignal.any([options.signal, deadline]) : options.signal,
    onProgress: (task) => {
      const payload = { state: task.State ?? '?', description: task.ProgressDescription ?? '' };
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
  if (result.error?.kind === 'aborted') {
    if (!options.signal.aborted && deadline?.aborted) {
      const still = last ? `: it is still ${last.State ?? 'in no state'} (${percent(last)}%)` : '';
      throw new CliFailure(`Stopped watching task ${id} after ${options.timeoutSeconds} s (--timeout)${still}; the task goes on.`, EXIT.network);
    }
    io.stderr.write(`Stopped watching task ${id}; the task goes on.\n`);
    return EXIT.interrupted;
  }
  if (result.error instanceof BatchTaskFailedError) {
    const { task } = result.error;
    if (options.json) printJson(io, task);
    else io.stdout.write(`Failed${task.Result ? `: ${task.Result}` : ''}\n`);
    throw new CliFailure(sentence(`Task ${id} failed${task.Result ? `: ${task.Result}` : ''}`), EXIT.taskFailed);
  }
  if (result.error) throw describe(result.error, target);
  const task = result.data;
  if (options.json) printJson(io, task);
  else io.stdout.write(`${task.State}${task.Result ? `: ${task.Result}` : ''}\n`);
  return EXIT.ok;
}
