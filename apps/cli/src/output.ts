import colors from '@colors/colors/safe.js';
import Table from 'cli-table3';
import type { BatchTaskInfo } from '@so-batch/client';

export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  /** For delete's confirmation; only read when it is a terminal. */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  env: Record<string, string | undefined>;
  /** Blanks out the credentials; stdout and stderr apply it already (see scrub.ts). */
  scrub?: (text: string) => string;
}

/**
 * Colour and animation only on a terminal, and never with NO_COLOR. Decided for the stream they
 * are drawn on: stdout may be a file while stderr is the terminal, and the other way round.
 */
export function fancy(stream: { isTTY?: boolean }, env: Io['env']): boolean {
  const on = Boolean(stream.isTTY) && !('NO_COLOR' in env && env.NO_COLOR !== '');
  // cli-table3 colours through @colors/colors, which guesses from the process (it turns colour
  // off whenever CI is set): the decision made here, for the stream written to, is the one that holds.
  if (on) colors.enable();
  else colors.disable();
  return on;
}

export function printJson(io: Io, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/**
 * The width tables must fit: the terminal's (80 when it does not say), or COLUMNS when set.
 * Piped without COLUMNS, none: a file or `grep` gets every character.
 */
export function tableWidth(io: Io): number | undefined {
  const fromEnv = Number(io.env.COLUMNS);
  const columns = Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : undefined;
  if (io.stdout.isTTY) return io.stdout.columns || columns || 80;
  return columns;
}

const DEFAULT_COLUMNS: (keyof BatchTaskInfo)[] = ['Id', 'Name', 'State', 'ProgressPercent', 'ProgressDescription', 'AssociateId', 'LastStarted'];
/** Which default column goes first when the terminal is too narrow for all. */
const DROP_FIRST: string[] = ['AssociateId', 'LastStarted', 'ProgressDescription', 'ProgressPercent', 'State'];
/** Columns whose values mean nothing cut short. */
const WHOLE: string[] = ['Id', 'State', 'ProgressPercent', 'AssociateId', 'LastStarted', 'Created', 'StartCount', 'IsSystemTask', 'IsInternalTask', 'DetailsTable', 'DetailsRecord'];

/** A value as one line of text, credentials blanked out. */
function cell(io: Io, value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = (typeof value === 'object' ? JSON.stringify(value) : String(value)).replace(/\s*[\r\n]+\s*/g, ' ');
  // Before layout too: a credential blanked out after it would shift the table's borders.
  return io.scrub ? io.scrub(text) : text;
}

function length(text: string): number {
  return [...text].length;
}

/** cli-table3 puts one space either side of each cell's text, and a border before each column and after the last. */
const PADDING = 2;
const tableChrome = (count: number) => count * (PADDING + 1) + 1;

/**
 * Text widths for columns whose natural widths are `natural`, within `budget` characters: the
 * widest are narrowed first, none below its minimum. Undefined when even the minimums do not fit.
 */
export function fitWidths(natural: number[], minimum: number[], budget: number): number[] | undefined {
  const floor = natural.map((width, i) => Math.min(width, minimum[i]!));
  if (floor.reduce((a, b) => a + b, 0) > budget) return undefined;
  const widths = [...natural];
  let total = widths.reduce((a, b) => a + b, 0);
  while (total > budget) {
    let widest = -1;
    for (let i = 0; i < widths.length; i++) if (widths[i]! > floor[i]! && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
    widths[widest]!--;
    total--;
  }
  return widths;
}

/**
 * The table with its heading's rule but none between rows: one line per task. cli-table3 draws
 * both with the same characters, so the later ones are taken out here.
 */
function withoutRowRules(text: string): string {
  let rules = 0;
  // eslint-disable-next-line no-control-regex
  return text.split('\n').filter((line) => !(/^├[─┼]*┤$/.test(line.replace(/\u001b\[\d*m/g, '')) && rules++ > 0)).join('\n');
}

interface Column {
  head: string;
  cells: string[];
  /** Never cut (ids, states, dates): the column is left out rather than cut. */
  whole?: boolean;
}

/** A cut column keeps at least this many characters (fewer say nothing); below that, a column goes. */
const MIN_CUT_WIDTH = 15;

/**
 * A table within `width` (when there is one): the columns that fit, in the order given, dropping
 * those of `dropOrder` first (then from the right); cells cut with an ellipsis.
 */
function grid(io: Io, columns: Column[], dropOrder: string[]): string {
  const width = tableWidth(io);
  let shown = columns;
  let widths: number[] | undefined;
  if (width !== undefined) {
    for (;;) {
      const natural = shown.map((c) => Math.max(length(c.head), ...c.cells.map(length)));
      const minimum = shown.map((c, i) => (c.whole ? natural[i]! : MIN_CUT_WIDTH));
      widths = fitWidths(natural, minimum, width - tableChrome(shown.length));
      if (widths || shown.length === 1) break;
      const drop = dropOrder.map((head) => shown.findIndex((c) => c.head === head)).find((i) => i >= 0) ?? shown.length - 1;
      shown = shown.filter((_, i) => i !== drop);
    }
    // Narrower than one column's minimum: that column gets what there is, cut.
    widths ??= [Math.max(1, Math.min(width - tableChrome(1), ...shown.map((c) => Math.max(length(c.head), ...c.cells.map(length)))))];
  }
  const colours = fancy(io.stdout, io.env) ? { head: ['cyan'], border: ['grey'] } : { head: [], border: [] };
  const table = new Table({ head: shown.map((c) => c.head), style: colours, ...(widths ? { colWidths: widths.map((w) => w + PADDING) } : {}) });
  const rows = columns[0]?.cells.length ?? 0;
  for (let row = 0; row < rows; row++) table.push(shown.map((c) => c.cells[row]!));
  const hidden = columns.length - shown.length;
  const note = hidden > 0 ? `${hidden} column${hidden === 1 ? '' : 's'} left out to fit: --json shows all\n` : '';
  return `${withoutRowRules(table.toString())}\n${note}`;
}

export function printTasks(io: Io, tasks: Partial<BatchTaskInfo>[], columns: (keyof BatchTaskInfo)[] = DEFAULT_COLUMNS): void {
  const head = (c: string) => (c === 'ProgressPercent' ? 'Progress' : c);
  const text = grid(
    io,
    columns.map((c) => ({
      head: head(c),
      whole: WHOLE.includes(c),
      cells: tasks.map((task) => (c === 'ProgressPercent' && task[c] !== null && task[c] !== undefined ? `${task[c]}%` : cell(io, task[c]))),
    })),
    columns === DEFAULT_COLUMNS ? DROP_FIRST.map(head) : [],
  );
  io.stdout.write(`${text}${tasks.length} task${tasks.length === 1 ? '' : 's'}\n`);
}

/** Rows of GetAll (the BatchTasks archive): a column per key, in the order they first appear. */
export function printRows(io: Io, rows: Record<string, unknown>[]): void {
  const keys = [...new Set(rows.flatMap((row) => Object.keys(row)))].filter((key) => key !== 'EntityName');
  const text = keys.length ? grid(io, keys.map((key) => ({ head: key, cells: rows.map((row) => cell(io, row[key])) })), []) : '';
  io.stdout.write(`${text}${rows.length} row${rows.length === 1 ? '' : 's'}\n`);
}

/** One task as a two-column property list: name, value; long values wrap within the width. */
export function printTask(io: Io, task: Partial<BatchTaskInfo>): void {
  const entries = Object.entries(task);
  const width = tableWidth(io);
  const keyWidth = Math.max(0, ...entries.map(([key]) => key.length));
  // No lines between rows: 22 properties take 22 lines (plus the frame), not 47.
  const chars = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };
  const colours = fancy(io.stdout, io.env) ? { head: [], border: ['grey'] } : { head: [], border: [] };
  const valueWidth = width === undefined ? undefined : Math.max(10, width - tableChrome(2) - keyWidth);
  const table = new Table({
    chars,
    style: colours,
    ...(valueWidth !== undefined ? { colWidths: [keyWidth + PADDING, valueWidth + PADDING], wordWrap: true, wrapOnWordBoundary: false } : {}),
  });
  for (const [key, value] of entries) table.push([key, cell(io, value)]);
  io.stdout.write(`${table.toString()}\n`);
}
