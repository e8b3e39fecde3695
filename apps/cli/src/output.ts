import Table from 'cli-table3';
import type { BatchTaskInfo } from '@so-batch/client';

export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: Record<string, string | undefined>;
}

/** Colour and animation only on a terminal, and never with NO_COLOR. */
export function fancy(io: Io): boolean {
  return Boolean(io.stdout.isTTY) && !('NO_COLOR' in io.env && io.env.NO_COLOR !== '');
}

export function printJson(io: Io, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

const DEFAULT_COLUMNS: (keyof BatchTaskInfo)[] = ['Id', 'Name', 'State', 'ProgressPercent', 'ProgressDescription', 'AssociateId', 'LastStarted'];

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function table(io: Io, head: string[]): Table.Table {
  return new Table({ head, style: fancy(io) ? { head: ['cyan'], border: ['grey'] } : { head: [], border: [] }, wordWrap: true });
}

export function printTasks(io: Io, tasks: Partial<BatchTaskInfo>[], columns: (keyof BatchTaskInfo)[] = DEFAULT_COLUMNS): void {
  const out = table(io, columns.map((c) => (c === 'ProgressPercent' ? 'Progress' : c)));
  for (const task of tasks) out.push(columns.map((c) => (c === 'ProgressPercent' && task[c] !== null && task[c] !== undefined ? `${task[c]}%` : cell(task[c]))));
  io.stdout.write(`${out.toString()}\n${tasks.length} task${tasks.length === 1 ? '' : 's'}\n`);
}

export function printTask(io: Io, task: Partial<BatchTaskInfo>): void {
  const out = table(io, ['Property', 'Value']);
  for (const [key, value] of Object.entries(task)) out.push([key, cell(value)]);
  io.stdout.write(`${out.toString()}\n`);
}
