import Table from 'cli-table3';
import type { BatchTaskInfo } from '@so-batch/client';

export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: Record<string, string | undefined>;
  /** Blanks out the credentials; stdout and stderr apply it already (see scrub.ts). */
  scrub?: (text: string) => string;
}

/**
 * Colour and animation only on a terminal, and never with NO_COLOR. Decided for the stream they
 * are drawn on: stdout may be a file while stderr is the terminal, and the other way round.
 */
export function fancy(stream: { isTTY?: boolean }, env: Io['env']): boolean {
  return Boolean(stream.isTTY) && !('NO_COLOR' in env && env.NO_COLOR !== '');
}

export function printJson(io: Io, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

const DEFAULT_COLUMNS: (keyof BatchTaskInfo)[] = ['Id', 'Name', 'State', 'ProgressPercent', 'ProgressDescription', 'AssociateId', 'LastStarted'];

function cell(io: Io, value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  // Before layout too: a credential blanked out after it would shift the table's borders.
  return io.scrub ? io.scrub(text) : text;
}

function table(io: Io, head: string[]): Table.Table {
  return new Table({ head, style: fancy(io.stdout, io.env) ? { head: ['cyan'], border: ['grey'] } : { head: [], border: [] }, wordWrap: true });
}

export function printTasks(io: Io, tasks: Partial<BatchTaskInfo>[], columns: (keyof BatchTaskInfo)[] = DEFAULT_COLUMNS): void {
  const out = table(io, columns.map((c) => (c === 'ProgressPercent' ? 'Progress' : c)));
  for (const task of tasks) out.push(columns.map((c) => (c === 'ProgressPercent' && task[c] !== null && task[c] !== undefined ? `${task[c]}%` : cell(io, task[c]))));
  io.stdout.write(`${out.toString()}\n${tasks.length} task${tasks.length === 1 ? '' : 's'}\n`);
}

export function printTask(io: Io, task: Partial<BatchTaskInfo>): void {
  const out = table(io, ['Property', 'Value']);
  for (const [key, value] of Object.entries(task)) out.push([key, cell(io, value)]);
  io.stdout.write(`${out.toString()}\n`);
}
