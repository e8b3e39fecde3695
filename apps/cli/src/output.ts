import colors from '@colors/colors/safe.js';
import type { BatchTaskInfo } from '@so-batch/client';
import { PADDING, TableDrawing, tableChrome, textWidth, wrapped } from './table.ts';
import { visible } from './visible.ts';

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
  // Tables colour through @colors/colors, which guesses from the process (it turns colour off
  // whenever CI is set): the decision made here, for the stream written to, is the one that holds.
  if (on) colors.enable();
  else colors.disable();
  return on;
}

export function printJson(io: Io, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/**
 * The width tables must fit: the terminal's (80 when it does not say), or COLUMNS when set.
 * Piped without COLUMNS, none: a file or `grep` gets every character (see PIPED_PAD_LIMIT).
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

/**
 * Piped without a width, nothing is cut, but columns are padded to at most this many characters:
 * one 10 MB value must not pad every other row to 10 MB. A longer cell is shown whole, unpadded.
 */
export const PIPED_PAD_LIMIT = 256;
/** On a terminal, a property list wraps a long value over at most this many lines (then cuts it). */
export const MAX_VALUE_LINES = 20;
/** Rows written at a time: a page of 200,000 rows is not one string. */
const ROWS_PER_WRITE = 1000;

/** A value as one line of text for people: credentials blanked out, controls made visible (see visible.ts). */
function cell(io: Io, value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  // Before layout: a credential blanked out after it would shift the table's borders.
  return visible(io.scrub ? io.scrub(text) : text);
}

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

/** A cut column keeps at least this many characters (fewer say nothing); below that, a column goes. */
const MIN_CUT_WIDTH = 15;

export interface ColumnSpec {
  /** The row's property. */
  key: string;
  head: string;
  /** Never cut (ids, states, dates): the column is left out rather than cut. */
  whole?: boolean;
  /** The cell's text (before it is made visible); the value as text when absent. */
  format?: (value: unknown) => unknown;
}

/**
 * A table written as its rows come: the columns and their widths are decided on the first rows
 * (on a terminal, to fit its width: columns of `dropOrder` left out first, then from the right;
 * cells cut with an ellipsis), and later rows are drawn in them. Memory holds one batch of rows.
 */
export class StreamedTable {
  readonly #io: Io;
  readonly #dropOrder: string[];
  #specs: ColumnSpec[] | undefined;
  #shown: ColumnSpec[] = [];
  #drawing: TableDrawing | undefined;
  #count = 0;
  /** Columns that first appeared after the first rows (when the columns come from the rows). */
  readonly #late = new Set<string>();
  readonly #known = new Set<string>();
  readonly #fromRows: boolean;

  /** `specs`: the columns; without, one per key of the first rows, in the order they appear (EntityName left out). */
  constructor(io: Io, specs?: ColumnSpec[], dropOrder: string[] = []) {
    this.#io = io;
    this.#specs = specs;
    this.#fromRows = specs === undefined;
    this.#dropOrder = dropOrder;
  }

  #cells(row: Record<string, unknown>, specs: readonly ColumnSpec[]): string[] {
    return specs.map((spec) => cell(this.#io, spec.format ? spec.format(row[spec.key]) : row[spec.key]));
  }

  #start(rows: readonly Record<string, unknown>[]): string[][] {
    if (this.#fromRows) {
      for (const row of rows) for (const key of Object.keys(row)) if (key !== 'EntityName') this.#known.add(key);
      this.#specs = [...this.#known].map((key) => ({ key, head: key }));
    }
    const specs = this.#specs!;
    const width = tableWidth(this.#io);
    // On a terminal, no more columns than could ever fit (each takes a character and its chrome).
    let shown = specs;
    if (width !== undefined) {
      const most = Math.max(1, Math.floor((width - 1) / (PADDING + 2)));
      for (const head of this.#dropOrder) if (shown.length > most) shown = shown.filter((spec) => spec.head !== head);
      shown = shown.slice(0, most);
    }
    let cells = rows.map((row) => this.#cells(row, shown));
    // The widest a column need be: the terminal's width, or piped, PIPED_PAD_LIMIT.
    const cap = width ?? PIPED_PAD_LIMIT;
    const naturalOf = (column: number) => {
      let widest = textWidth(visible(shown[column]!.head), cap);
      for (const line of cells) widest = Math.max(widest, textWidth(line[column]!, cap));
      return Math.min(widest, cap);
    };
    let natural = shown.map((_, i) => naturalOf(i));
    let widths: number[] | undefined = natural;
    if (width !== undefined) {
      for (;;) {
        const minimum = shown.map((spec, i) => (spec.whole ? natural[i]! : MIN_CUT_WIDTH));
        widths = fitWidths(natural, minimum, width - tableChrome(shown.length));
        if (widths || shown.length === 1) break;
        const at = this.#dropOrder.map((head) => shown.findIndex((spec) => spec.head === head)).find((i) => i >= 0) ?? shown.length - 1;
        shown = shown.filter((_, i) => i !== at);
        cells = cells.map((line) => line.filter((_, i) => i !== at));
        natural = natural.filter((_, i) => i !== at);
      }
      // Narrower than one column's minimum: that column gets what there is, cut.
      widths ??= [Math.max(1, Math.min(width - tableChrome(1), natural[0]!))];
    }
    this.#shown = shown;
    this.#drawing = new TableDrawing(widths, { cut: width !== undefined, colour: fancy(this.#io.stdout, this.#io.env) });
    this.#io.stdout.write(`${this.#drawing.top()}${this.#drawing.row(shown.map((spec) => visible(spec.head)), true)}${this.#drawing.middle()}`);
    return cells;
  }

  /** Draws `rows` (the first ones decide the columns). */
  add(rows: readonly Record<string, unknown>[]): void {
    if (rows.length === 0) return;
    const cells = this.#drawing ? undefined : this.#start(rows);
    const drawing = this.#drawing!;
    for (let from = 0; from < rows.length; from += ROWS_PER_WRITE) {
      let text = '';
      for (let i = from; i < Math.min(rows.length, from + ROWS_PER_WRITE); i++) {
        const row = rows[i]!;
        if (this.#fromRows && !cells) {
          for (const key of Object.keys(row)) if (key !== 'EntityName' && !this.#known.has(key) && this.#late.size < 100) this.#late.add(key);
        }
        text += drawing.row(cells ? cells[i]! : this.#cells(row, this.#shown));
      }
      this.#io.stdout.write(text);
    }
    this.#count += rows.length;
  }

  /** Closes the table, says what it left out, and counts the rows as `noun` (such as "task"). */
  end(noun: string): void {
    let text = this.#drawing ? this.#drawing.bottom() : '';
    const hidden = (this.#specs?.length ?? 0) - this.#shown.length;
    if (this.#drawing && hidden > 0) text += `${hidden} column${hidden === 1 ? '' : 's'} left out to fit: --json shows all\n`;
    if (this.#late.size > 0) {
      const names = [...this.#late].slice(0, 5).map(visible).join(', ');
      text += `Columns that first appear after the first page are not shown (${names}${this.#late.size > 5 ? ', ...' : ''}): --json shows all\n`;
    }
    this.#io.stdout.write(`${text}${this.#count} ${noun}${this.#count === 1 ? '' : 's'}\n`);
  }
}

export function printTasks(io: Io, tasks: Partial<BatchTaskInfo>[], columns: (keyof BatchTaskInfo)[] = DEFAULT_COLUMNS): void {
  const head = (c: string) => (c === 'ProgressPercent' ? 'Progress' : c);
  const percent = (value: unknown) => (value === null || value === undefined ? value : `${value as number}%`);
  const table = new StreamedTable(
    io,
    columns.map((c) => ({ key: c, head: head(c), whole: WHOLE.includes(c), ...(c === 'ProgressPercent' ? { format: percent } : {}) })),
    columns === DEFAULT_COLUMNS ? DROP_FIRST.map(head) : [],
  );
  table.add(tasks as Record<string, unknown>[]);
  table.end('task');
}

/**
 * Rows as one JSON document, {"value": [rows], ...}, written as they come (query --all-pages):
 * the same text JSON.stringify(document, null, 2) gives, without holding every row.
 */
export class StreamedJson {
  readonly #io: Io;
  #rows = 0;
  #started = false;

  constructor(io: Io) {
    this.#io = io;
  }

  get started(): boolean {
    return this.#started;
  }

  add(rows: readonly unknown[]): void {
    let text = this.#started ? '' : '{\n  "value": [';
    this.#started = true;
    for (let from = 0; from < rows.length; from += ROWS_PER_WRITE) {
      for (let i = from; i < Math.min(rows.length, from + ROWS_PER_WRITE); i++) {
        text += `${this.#rows++ === 0 ? '\n' : ',\n'}    ${JSON.stringify(rows[i], null, 2).replaceAll('\n', '\n    ')}`;
      }
      this.#io.stdout.write(text);
      text = '';
    }
    if (text) this.#io.stdout.write(text);
  }

  /** Ends the document with `after` beside "value" (such as the next link, or the error that stopped it). */
  end(after: Record<string, unknown>): void {
    if (!this.#started) this.add([]);
    let text = this.#rows > 0 ? '\n  ]' : ']';
    for (const [key, value] of Object.entries(after)) text += `,\n  ${JSON.stringify(key)}: ${JSON.stringify(value, null, 2).replaceAll('\n', '\n  ')}`;
    this.#io.stdout.write(`${text}\n}\n`);
  }
}

/**
 * One task as a two-column property list: name, value. On a terminal, a long value wraps within
 * the width, over MAX_VALUE_LINES lines at most; piped, each value is one line, shown whole.
 */
export function printTask(io: Io, task: Partial<BatchTaskInfo>): void {
  const entries = Object.entries(task).map(([key, value]) => [visible(key), cell(io, value)] as const);
  const width = tableWidth(io);
  let keyWidth = 0;
  for (const [key] of entries) keyWidth = Math.max(keyWidth, textWidth(key));
  let valueWidth: number;
  if (width === undefined) {
    valueWidth = 0;
    for (const [, value] of entries) valueWidth = Math.max(valueWidth, textWidth(value, PIPED_PAD_LIMIT));
    valueWidth = Math.min(valueWidth, PIPED_PAD_LIMIT);
  } else {
    valueWidth = Math.max(10, width - tableChrome(2) - keyWidth);
  }
  // No lines between rows: 22 properties take 22 lines (plus the frame), not 47.
  const drawing = new TableDrawing([keyWidth, valueWidth], { cut: false, colour: fancy(io.stdout, io.env) });
  let text = drawing.top();
  const cutShort: string[] = [];
  for (const [key, value] of entries) {
    const { lines, cut } = width === undefined ? { lines: [value], cut: false } : wrapped(value, valueWidth, MAX_VALUE_LINES);
    if (cut) cutShort.push(key);
    lines.forEach((line, i) => (text += drawing.row([i === 0 ? key : '', line])));
  }
  text += drawing.bottom();
  if (cutShort.length > 0) text += `${cutShort.join(', ')} cut to ${MAX_VALUE_LINES} lines: --json shows all\n`;
  io.stdout.write(text);
}
