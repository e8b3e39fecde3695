import { Presets, SingleBar } from 'cli-progress';
import { BatchTaskFailedError, type BatchClient, type BatchTaskInfo } from '@so-batch/client';
import { CliFailure, describe, EXIT } from './failures.ts';
import { fancy, printJson, type Io } from './output.ts';

function percent(task: BatchTaskInfo): number {
  return Math.max(0, Math.min(100, task.ProgressPercent ?? 0));
}

/**
 * Follows a task until it ends: a live bar on a terminal, plain progress lines on stderr
 * otherwise. Succeeded ends 0, Failed ends 1; an abort (Ctrl-C) stops watching only.
 */
export async function watchTask(client: BatchClient, baseUrl: string, id: number, io: Io, options: { json: boolean; intervalMs: number; signal: AbortSignal }): Promise<number> {
  const animate = fancy(io) && !options.json;
  const bar = animate ? new SingleBar({ stream: io.stderr, format: ' {bar} {percentage}% | {state} | {description}', barsize: 30, hideCursor: true, clearOnComplete: false }, Presets.shades_classic) : undefined;
  let started = false;
  const result = await client.waitForBatchTask(id, {
    intervalMs: options.intervalMs,
    signal: options.signal,
    onProgress: (task) => {
      const payload = { state: task.State ?? '?', description: task.ProgressDescription ?? '' };
      if (bar) {
        if (!started) bar.start(100, percent(task), payload);
        else bar.update(percent(task), payload);
        started = true;
      } else {
        io.stderr.write(`[${String(percent(task)).padStart(3)}%] ${payload.state}${payload.description ? `: ${payload.description}` : ''}\n`);
      }
    },
  });
  bar?.stop();
  if (result.error?.kind === 'aborted') {
    io.stderr.write(`Stopped watching task ${id}; the task goes on.\n`);
    return EXIT.interrupted;
  }
  if (result.error instanceof BatchTaskFailedError) {
    const { task } = result.error;
    if (options.json) printJson(io, task);
    else io.stdout.write(`Failed${task.Result ? `: ${task.Result}` : ''}\n`);
    throw new CliFailure(`Task ${id} failed${task.Result ? `: ${task.Result}` : ''}.`, EXIT.taskFailed);
  }
  if (result.error) throw describe(result.error, baseUrl);
  const task = result.data;
  if (options.json) printJson(io, task);
  else io.stdout.write(`${task.State}${task.Result ? `: ${task.Result}` : ''}\n`);
  return EXIT.ok;
}
