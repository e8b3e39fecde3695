// The "BatchTasks" archive behind REST `GET /api/v1/BatchTask`: $select, $filter, $orderBy, $top,
// $skip, $mode and $jsonSafe computed over the mock's tasks. Pure and synchronous: the caller
// passes the tasks, the query and the context (who asks, what time it is, how to link the next
// page), and gets one page of archive rows or an ODataQueryError that names where the query is
// wrong. The columns, kinds, operators, functions, periods and limits are the spec's
// x-so-batch-archive, generated into ./generated/archive.gen.ts; the grammar and every choice the
// reference pages leave open are described in spec/components/parameters.yaml (ODataFilter...).

import {
  ARCHIVE_PAGE_SIZE,
  BATCH_TASK_COLUMNS,
  FUNCTIONS,
  KIND_TITLES,
  MAX_FILTER_CONDITIONS,
  MAX_LIST_VALUES,
  MAX_PARAMETER_LENGTH,
  MAX_PERIOD_COUNT,
  OPERATORS,
  PERIODS,
  ENTITY_NAME,
  type ArchiveColumn,
  type ColumnKind,
  type OperatorSpec,
  type Period,
} from './generated/archive.gen.ts';

export { ARCHIVE_PAGE_SIZE, BATCH_TASK_COLUMNS, ENTITY_NAME, MAX_FILTER_CONDITIONS, MAX_LIST_VALUES, MAX_PARAMETER_LENGTH, MAX_PERIOD_COUNT, OPERATORS };
export type { ArchiveColumn, ColumnKind, OperatorSpec };

/** A query the mock cannot answer: `parameter` and `position` (0-based offset in it) say where. */
export class ODataQueryError extends Error {
  readonly kind = 'odata-query' as const;
  /** `$filter`, `$select`, `$orderBy`, `$top`, `$skip` or `$mode`. */
  readonly parameter: string;
  /** 0-based character offset in the parameter's value. */
  readonly position: number;
  /** The offending text (a column, an operator, a token), or the parameter's name. */
  readonly construct: string;

  constructor(parameter: string, position: number, construct: string, problem: string) {
    super(`${parameter} at position ${position}: ${problem}`);
    this.name = 'ODataQueryError';
    this.parameter = parameter;
    this.position = position;
    this.construct = construct;
  }
}

export type ArchiveMode = 'Slim' | 'Wide' | 'Full';

export interface ArchiveQuery {
  select?: string | undefined;
  filter?: string | undefined;
  orderBy?: string | undefined;
  top?: number | undefined;
  skip?: number | undefined;
  mode?: ArchiveMode | undefined;
  jsonSafe?: boolean | undefined;
  /** `$format`: the answer's format. Not part of the computation; carried into odata.nextLink so that every page comes in it. */
  format?: 'JSON' | 'XML' | undefined;
}

export interface ArchiveContext {
  /** The caller's associate id: what `currentAssociate` means. */
  currentAssociateId: number;
  /** The present: what `today`, `thisWeek`, `next(f,n,period)`... are relative to. */
  now: Date;
  /** Builds the odata.nextLink URL of the page that follows, from that page's query. */
  nextLink(query: ArchiveQuery): string;
}

/** A task as the store keeps it: a BatchTaskInfo with the wire property names. */
export type BatchTaskInfoLike = Readonly<Record<string, unknown>>;

/** One archive row: PrimaryKey, EntityName and one property per selected column (open object). */
export interface ArchiveRow {
  PrimaryKey: number;
  EntityName: string;
  [column: string]: unknown;
}

export interface ArchiveOptions {
  /** Rows per answer (ARCHIVE_PAGE_SIZE by default); a positive whole number. */
  pageSize?: number;
}

export interface ArchivePage {
  'odata.nextLink'?: string;
  value: ArchiveRow[];
}

const COLUMNS_BY_NAME = new Map(BATCH_TASK_COLUMNS.map((c) => [c.name.toLowerCase(), c]));
const DEFAULT_COLUMNS = BATCH_TASK_COLUMNS.filter((c) => c.byDefault);

// ---------------------------------------------------------------------------------------------
// Rows: each task read once into typed values (numbers, strings, epoch ms, booleans, item ids).

type Value = number | string | boolean | null;

interface TaskRow {
  key: number;
  /** Typed values by column name: list columns hold the item's number, dates epoch ms. */
  values: Map<string, Value>;
  /** Dates as the task spelt them (their offset kept), for the output. */
  dateTexts: Map<string, string>;
}

// An ISO date, date-time or local date-time; a missing offset is read as UTC, so the mock's
// results do not depend on the machine's time zone.
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?(Z|[+-]\d{2}:\d{2})?)?$/;

function parseIsoDate(text: string): number | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const [, year, month, day, hour, minute, second, fraction, offset] = match;
  const monthNumber = Number(month);
  const dayNumber = Number(day);
  if (monthNumber < 1 || monthNumber > 12 || dayNumber < 1 || dayNumber > 31) return null;
  if (Number(hour ?? 0) > 23 || Number(minute ?? 0) > 59 || Number(second ?? 0) > 59) return null;
  // Not Date.UTC: it reads the years 0 to 99 as 1900 to 1999. setUTCFullYear takes the year as
  // written, so 0001-01-01 (.NET's DateTime.MinValue) is the year 1.
  const date = new Date(0);
  date.setUTCFullYear(Number(year), monthNumber - 1, dayNumber);
  date.setUTCHours(Number(hour ?? 0), Number(minute ?? 0), Number(second ?? 0), Math.floor(Number(`0.${fraction ?? '0'}`) * 1000));
  // 31 February rolls over into March: refuse instead.
  if (date.getUTCDate() !== dayNumber) return null;
  const utc = date.getTime();
  if (!offset || offset === 'Z') return utc;
  const sign = offset.startsWith('-') ? -1 : 1;
  return utc - sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6))) * 60_000;
}

function listItemNumber(items: ReadonlyMap<number, string>, raw: unknown): number | null {
  if (typeof raw === 'number' && items.has(raw)) return raw;
  if (typeof raw !== 'string') return null;
  const lower = raw.toLowerCase();
  for (const [number, name] of items) if (name.toLowerCase() === lower) return number;
  return null;
}

/** Reads `task`'s values of `columns` (only those the query uses: the rest is never looked at). */
function readTask(task: BatchTaskInfoLike, columns: Iterable<ArchiveColumn>): TaskRow | null {
  const key = task.Id;
  // ArchiveRow's PrimaryKey is an int32: a task without one cannot be a row.
  if (typeof key !== 'number' || !Number.isInteger(key)) return null;
  const values = new Map<string, Value>();
  const dateTexts = new Map<string, string>();
  for (const col of columns) {
    const raw = task[col.property];
    let value: Value = null;
    switch (col.kind) {
      case 'int':
      case 'associate':
        value = typeof raw === 'number' && Number.isFinite(raw) ? raw : null;
        break;
      case 'string':
        value = typeof raw === 'string' ? raw : null;
        break;
      case 'bool':
        value = typeof raw === 'boolean' ? raw : null;
        break;
      case 'list':
        value = listItemNumber(col.items!, raw);
        break;
      case 'date': {
        const text = raw instanceof Date ? raw.toISOString() : typeof raw === 'string' ? raw : null;
        const ms = text === null ? null : parseIsoDate(text);
        if (text !== null && ms !== null) {
          value = ms;
          dateTexts.set(col.name, text);
        }
        break;
      }
    }
    values.set(col.name, value);
  }
  return { key, values, dateTexts };
}

// ---------------------------------------------------------------------------------------------
// $filter: tokens, then conditions joined by `and`, each compiled to a predicate.

type TokenType = 'ident' | 'string' | 'number' | 'date' | 'punct' | 'end';
interface Token {
  type: TokenType;
  text: string;
  pos: number;
  /** Strings: the unescaped value; numbers: the number. */
  value?: string | number;
}

const DATE_TOKEN = /\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:\d{2})?)?/y;
const NUMBER_TOKEN = /-?\d+(?:\.\d+)?/y;
const IDENT_TOKEN = /[A-Za-z_][A-Za-z0-9_./]*/y;

function tokenize(text: string, parameter: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  const fail = (at: number, construct: string, problem: string): never => {
    throw new ODataQueryError(parameter, at, construct, problem);
  };
  while (pos < text.length) {
    const ch = text[pos]!;
    if (/\s/.test(ch)) {
      pos++;
      continue;
    }
    if (ch === "'") {
      let value = '';
      let at = pos + 1;
      for (;;) {
        const quote = text.indexOf("'", at);
        if (quote < 0) fail(pos, text.slice(pos, pos + 20), `unterminated string starting ${JSON.stringify(text.slice(pos, pos + 20))}: close it with ' (write '' for a quote inside)`);
        value += text.slice(at, quote);
        if (text[quote + 1] === "'") {
          value += "'";
          at = quote + 2;
          continue;
        }
        tokens.push({ type: 'string', text: text.slice(pos, quote + 1), pos, value });
        pos = quote + 1;
        break;
      }
      continue;
    }
    if (/[0-9-]/.test(ch)) {
      DATE_TOKEN.lastIndex = pos;
      NUMBER_TOKEN.lastIndex = pos;
      const date = DATE_TOKEN.exec(text);
      const number = date ? null : NUMBER_TOKEN.exec(text);
      const match = date ?? number;
      if (!match) fail(pos, ch, `unexpected character '${ch}'`);
      const end = pos + match![0].length;
      if (end < text.length && /[A-Za-z0-9_:.]/.test(text[end]!)) {
        const word = /^[^\s,()]+/.exec(text.slice(pos))![0];
        fail(pos, word, `cannot read '${word}' as a number or an ISO date`);
      }
      tokens.push(date ? { type: 'date', text: match![0], pos, value: match![0] } : { type: 'number', text: match![0], pos, value: Number(match![0]) });
      pos = end;
      continue;
    }
    IDENT_TOKEN.lastIndex = pos;
    const ident = IDENT_TOKEN.exec(text);
    if (ident) {
      tokens.push({ type: 'ident', text: ident[0], pos });
      pos += ident[0].length;
      continue;
    }
    if (ch === '(' || ch === ')' || ch === ',' || ch === '=') {
      tokens.push({ type: 'punct', text: ch, pos });
      pos++;
      continue;
    }
    fail(pos, ch, `unexpected character '${ch}'`);
  }
  tokens.push({ type: 'end', text: 'the end of the filter', pos: text.length });
  return tokens;
}

type Predicate = (row: TaskRow) => boolean;

const OPERATORS_BY_NAME = new Map(OPERATORS.map((op) => [op.name.toLowerCase(), op]));

const FUNCTIONS_BY_NAME = new Map(FUNCTIONS.map((name) => [name.toLowerCase(), name]));

// Calendar periods, in UTC (see parseIsoDate). Weeks start on Monday, as ISO 8601 has them.

const DAY_MS = 86_400_000;

function periodStart(nowMs: number, period: Period): number {
  const now = new Date(nowMs);
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  const dayStart = Date.UTC(year, month, now.getUTCDate());
  switch (period) {
    case 'day':
      return dayStart;
    case 'week':
      return dayStart - ((now.getUTCDay() + 6) % 7) * DAY_MS;
    case 'month':
      return Date.UTC(year, month, 1);
    case 'quarter':
      return Date.UTC(year, month - (month % 3), 1);
    case 'half':
      return Date.UTC(year, month - (month % 6), 1);
    case 'year':
      return Date.UTC(year, 0, 1);
  }
}

/** `start` moved by `count` periods (negative: back). */
function addPeriods(start: number, period: Period, count: number): number {
  if (period === 'day') return start + count * DAY_MS;
  if (period === 'week') return start + count * 7 * DAY_MS;
  const months = { month: 1, quarter: 3, half: 6, year: 12 }[period] * count;
  const date = new Date(start);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1);
}

/** [from, to) covering `before` periods before the current one, it (if `self`), and `after` after it. */
function periodRange(nowMs: number, period: Period, before: number, self: boolean, after: number): [number, number] {
  const start = periodStart(nowMs, period);
  const from = addPeriods(start, period, -before);
  const to = addPeriods(start, period, 1 + after);
  return self ? [from, to] : before > 0 ? [from, start] : [addPeriods(start, period, 1), to];
}

function inRange(name: string, [from, to]: [number, number]): Predicate {
  return (row) => {
    const value = row.values.get(name);
    return typeof value === 'number' && value >= from && value < to;
  };
}

class FilterParser {
  readonly #tokens: Token[];
  #index = 0;
  readonly #context: ArchiveContext;
  #listValues = 0;
  /** The operator whose operands are being read (for the forms that errors show). */
  #current: OperatorSpec | undefined;
  /** The condition just read, when its operator takes no value (`associateId currentAssociate`). */
  #unaryJustRead: { col: ArchiveColumn; op: OperatorSpec } | undefined;
  /** The columns the filter reads. */
  readonly used = new Set<ArchiveColumn>();
  /** The conditions read (functions aside), as parseArchiveFilter reports them. */
  readonly conditions: ParsedCondition[] = [];

  constructor(text: string, context: ArchiveContext) {
    this.#tokens = tokenize(text, '$filter');
    this.#context = context;
  }

  #peek(offset = 0): Token {
    return this.#tokens[Math.min(this.#index + offset, this.#tokens.length - 1)]!;
  }

  #next(): Token {
    const token = this.#peek();
    if (this.#index < this.#tokens.length - 1) this.#index++;
    return token;
  }

  #fail(token: Token, problem: string): never {
    throw new ODataQueryError('$filter', token.pos, token.text, problem);
  }

  #describe(token: Token): string {
    return token.type === 'end' ? 'the end of the filter' : `'${token.text}'`;
  }

  #expectPunct(text: string, what: string): Token {
    const token = this.#next();
    if (token.type !== 'punct' || token.text !== text) this.#fail(token, `expected '${text}' ${what}, found ${this.#describe(token)}`);
    return token;
  }

  parse(): Predicate[] {
    const predicates: Predicate[] = [];
    if (this.#peek().type === 'end') return predicates;
    for (;;) {
      const start = this.#peek();
      if (predicates.length >= MAX_FILTER_CONDITIONS) this.#fail(start, `more than ${MAX_FILTER_CONDITIONS} conditions`);
      this.#unaryJustRead = undefined;
      predicates.push(this.#condition());
      const joiner = this.#next();
      // (Set by #operator during #condition: TypeScript cannot see that.)
      const unary = this.#unaryJustRead as { col: ArchiveColumn; op: OperatorSpec } | undefined;
      if (unary && joiner.type !== 'end' && !(joiner.type === 'ident' && joiner.text.toLowerCase() === 'and')) {
        this.#fail(joiner, `operator '${unary.op.operator}' takes no value, found ${this.#describe(joiner)}: write \`${unary.col.name} ${unary.op.operator}\``);
      }
      if (joiner.type === 'end') return predicates;
      const word = joiner.type === 'ident' ? joiner.text.toLowerCase() : '';
      if (word === 'and') continue;
      if (word === 'or') this.#fail(joiner, "'or' is not supported: join conditions with 'and' (make one request per alternative, or use oneOf)");
      this.#fail(joiner, `expected 'and' or the end of the filter after a condition, found ${this.#describe(joiner)}`);
    }
  }

  #condition(): Predicate {
    const first = this.#next();
    if (first.type === 'punct' && first.text === '(') this.#fail(first, "parentheses are not supported for grouping: join conditions with 'and'");
    if (first.type !== 'ident') this.#fail(first, `expected a column or a function, found ${this.#describe(first)}`);
    const lower = first.text.toLowerCase();
    if (lower === 'not') this.#fail(first, "'not' is not supported: use a negated operator (ne, isNot, notBegins, notContains, NotOneOf, associateIsNotOneOf)");
    if (lower === 'and' || lower === 'or') this.#fail(first, `expected a condition before '${first.text}'`);
    const next = this.#peek();
    if (next.type === 'punct' && next.text === '(') {
      const fn = FUNCTIONS_BY_NAME.get(lower);
      if (!fn) this.#fail(first, `unknown function '${first.text}' (known: ${FUNCTIONS.join(', ')})`);
      return this.#function(fn!);
    }
    const col = this.#column(first);
    const opToken = this.#next();
    if (opToken.type === 'end') this.#fail(opToken, `expected an operator after column '${col.name}'`);
    const op = opToken.type === 'ident' || (opToken.type === 'punct' && opToken.text === '=') ? OPERATORS_BY_NAME.get(opToken.text.toLowerCase()) : undefined;
    if (!op) {
      if (opToken.type === 'ident' && COLUMNS_BY_NAME.has(opToken.text.toLowerCase())) this.#fail(opToken, `expected an operator after column '${col.name}', found column '${opToken.text}'`);
      this.#fail(opToken, `unknown operator ${this.#describe(opToken)}`);
    }
    if (!op!.kinds.includes(col.kind)) {
      const fitting = OPERATORS.filter((o) => o.kinds.includes(col.kind)).map((o) => o.name);
      this.#fail(opToken, `operator '${op!.name}' does not apply to ${KIND_TITLES[col.kind]} column '${col.name}' (it takes: ${fitting.join(', ')})`);
    }
    return this.#operator(col, op!, opToken);
  }

  #column(token: Token): ArchiveColumn {
    if (token.type !== 'ident') this.#fail(token, `expected a column, found ${this.#describe(token)}`);
    const col = COLUMNS_BY_NAME.get(token.text.toLowerCase());
    if (!col) this.#fail(token, `unknown column '${token.text}' (the BatchTasks archive has: ${BATCH_TASK_COLUMNS.map((c) => c.name).join(', ')})`);
    this.used.add(col!);
    return col!;
  }

  /** One operand for `col`: its typed value, as the row values hold it. */
  #value(col: ArchiveColumn): number | string | boolean {
    const token = this.#next();
    // `associateId eq currentAssociate`: an operator of no value, written where a value goes.
    const unary = token.type === 'ident' && col.kind !== 'list' ? OPERATORS_BY_NAME.get(token.text.toLowerCase()) : undefined;
    if (unary?.arity === 'none' && unary.kinds.includes(col.kind)) {
      this.#fail(token, `'${token.text}' is an operator that takes no value, not a value: write \`${col.name} ${unary.operator}\``);
    }
    if (token.type === 'end' || (token.type === 'ident' && token.text.toLowerCase() === 'and')) {
      this.#fail(token, `column '${col.name}' takes ${VALUE_WORDS[col.kind]} here, found ${this.#describe(token)}: write ${this.#form(col)}`);
    }
    switch (col.kind) {
      case 'int':
      case 'associate':
        if (token.type === 'number' && Number.isInteger(token.value)) return token.value as number;
        return this.#fail(token, `column '${col.name}' takes a whole number, found ${this.#describe(token)}`);
      case 'string':
        if (token.type === 'string') return token.value as string;
        return this.#fail(token, `column '${col.name}' takes a string in single quotes, found ${this.#describe(token)}`);
      case 'bool': {
        const word = token.type === 'ident' || token.type === 'number' ? token.text.toLowerCase() : '';
        if (word === 'true' || word === '1') return true;
        if (word === 'false' || word === '0') return false;
        return this.#fail(token, `column '${col.name}' takes true or false, found ${this.#describe(token)}`);
      }
      case 'list': {
        const raw = token.type === 'number' ? token.value : token.type === 'string' ? token.value : token.type === 'ident' ? token.text : undefined;
        const number = raw === undefined ? null : listItemNumber(col.items!, raw);
        if (number !== null) return number;
        const known = [...col.items!].map(([n, name]) => `${name} = ${n}`).join(', ');
        return this.#fail(token, `column '${col.name}' takes one of ${known}; found ${this.#describe(token)}`);
      }
      case 'date': {
        const text = token.type === 'string' || token.type === 'date' ? String(token.value) : null;
        const ms = text === null ? null : parseIsoDate(text);
        if (ms !== null) return ms;
        return this.#fail(token, `column '${col.name}' takes an ISO date ('2026-11-29' or '2026-11-29T10:00:00Z'), found ${this.#describe(token)}`);
      }
    }
  }

  #valueList(col: ArchiveColumn, op: string): Array<number | string | boolean> {
    const open = this.#peek();
    if (open.type !== 'punct' || open.text !== '(') this.#fail(open, `expected '(' to open the values of '${op}', found ${this.#describe(open)}: write ${this.#form(col)}`);
    this.#next();
    // Every value counts towards MAX_LIST_VALUES, the first of each list too.
    const count = (at: Token) => {
      if (++this.#listValues > MAX_LIST_VALUES) this.#fail(at, `more than ${MAX_LIST_VALUES} values in the filter's lists`);
    };
    count(this.#peek());
    const values = [this.#value(col)];
    for (;;) {
      const token = this.#next();
      if (token.type === 'punct' && token.text === ')') break;
      if (token.type !== 'punct' || token.text !== ',') this.#fail(token, `expected ',' or ')' in the values of '${op}', found ${this.#describe(token)}`);
      count(this.#peek());
      values.push(this.#value(col));
    }
    return values;
  }

  /** The condition's form with the operator being read, as an example: `name begins 'text'`. */
  #form(col: ArchiveColumn): string {
    const op = this.#current;
    if (!op) return `\`${col.name} eq ${exampleValue(col)}\``;
    const value = exampleValue(col);
    const operands = { none: '', one: ` ${value}`, two: ` (${value}, ${value})`, list: ` (${value}, ...)` }[op.arity];
    return `\`${col.name} ${op.operator}${operands}\``;
  }

  #operator(col: ArchiveColumn, op: OperatorSpec, opToken: Token): Predicate {
    this.#current = op;
    if (op.arity === 'none') this.#unaryJustRead = { col, op };
    const name = col.name;
    const get = (row: TaskRow) => row.values.get(name) ?? null;
    const opName = op.operator.toLowerCase();
    const record = (values: ReadonlyArray<number | string | boolean>) => this.conditions.push({ column: col.name, operator: op.operator, values });
    if (op.arity === 'none') {
      record([]);
      return this.#unary(col, opName);
    }
    if (op.arity === 'two') {
      const bounds = this.#valueList(col, op.name) as number[];
      record(bounds);
      if (bounds.length !== 2) this.#fail(opToken, `'${op.name}' takes exactly two values: ${op.name} (low, high)`);
      const [low, high] = bounds as [number, number];
      if (opName === 'between') return (row) => inclusive(get(row), low, high);
      const from = dayStart(low);
      const to = dayStart(high) + DAY_MS;
      return (row) => inHalfOpen(get(row), from, to);
    }
    if (op.arity === 'list') {
      const list = this.#valueList(col, op.name);
      record(list);
      const values = new Set(list);
      const negated = opName === 'notoneof' || opName === 'associateisnotoneof';
      return (row) => {
        const value = get(row);
        return negated ? value === null || !values.has(value) : value !== null && values.has(value);
      };
    }
    const operand = this.#value(col);
    record([operand]);
    if (col.kind === 'string') return stringPredicate(get, opName, (operand as string).toLowerCase());
    if (col.kind === 'date') {
      const from = dayStart(operand as number);
      if (opName === 'before') return (row) => inHalfOpen(get(row), -Infinity, from);
      if (opName === 'after') return (row) => inHalfOpen(get(row), from + DAY_MS, Infinity);
      return (row) => inHalfOpen(get(row), from, from + DAY_MS);
    }
    // A missing value (null) matches only the negated comparisons, as SQL's NOT (x = 1) would not:
    // "not equal to 3" includes "no value".
    switch (opName) {
      case 'eq':
        return (row) => get(row) === operand;
      case 'ne':
        return (row) => get(row) !== operand;
      case 'lt':
        return (row) => compareNumber(get(row), (v) => v < (operand as number));
      case 'le':
        return (row) => compareNumber(get(row), (v) => v <= (operand as number));
      case 'gt':
        return (row) => compareNumber(get(row), (v) => v > (operand as number));
      case 'ge':
        return (row) => compareNumber(get(row), (v) => v >= (operand as number));
    }
    return this.#fail(opToken, `operator '${op.name}' is not implemented`);
  }

  #unary(col: ArchiveColumn, opName: string): Predicate {
    const name = col.name;
    const nowMs = this.#context.now.getTime();
    switch (opName) {
      case 'set':
        // "Has a value": not empty and not 0 (false for yes/no columns).
        return (row) => {
          const value = row.values.get(name) ?? null;
          return value !== null && value !== 0 && value !== false;
        };
      case 'currentassociate': {
        const me = this.#context.currentAssociateId;
        return (row) => row.values.get(name) === me;
      }
      case 'beforetoday':
        return (row) => inHalfOpen(row.values.get(name) ?? null, -Infinity, periodStart(nowMs, 'day'));
      case 'today':
        return inRange(name, periodRange(nowMs, 'day', 0, true, 0));
      case 'aftertoday':
        return (row) => inHalfOpen(row.values.get(name) ?? null, periodStart(nowMs, 'day') + DAY_MS, Infinity);
    }
    const match = /^(last|this|next)(week|month|quarter|half|year)$/.exec(opName);
    const period = match![2] as Period;
    const when = match![1];
    return inRange(name, periodRange(nowMs, period, when === 'last' ? 1 : 0, when === 'this', when === 'next' ? 1 : 0));
  }

  #function(fn: string): Predicate {
    this.#expectPunct('(', `after '${fn}'`);
    const lower = fn.toLowerCase();
    let predicate: Predicate;
    if (lower === 'substringof' || lower === 'startswith' || lower === 'endswith') {
      const first = this.#next();
      this.#expectPunct(',', `between the arguments of '${fn}'`);
      const second = this.#next();
      // substringof(value, column) in OData's order; (column, value) reads unambiguously too.
      const [colToken, valueToken] = lower === 'substringof' && first.type === 'string' ? [second, first] : [first, second];
      const col = this.#column(colToken);
      if (col.kind !== 'string') this.#fail(colToken, `function '${fn}' applies to string columns; '${col.name}' is a ${KIND_TITLES[col.kind]} column`);
      if (valueToken.type !== 'string') this.#fail(valueToken, `function '${fn}' takes a string in single quotes, found ${this.#describe(valueToken)}`);
      const op = lower === 'substringof' ? 'contains' : lower === 'startswith' ? 'begins' : 'ends';
      predicate = stringPredicate((row) => row.values.get(col.name) ?? null, op, String(valueToken.value).toLowerCase());
    } else {
      const colToken = this.#next();
      const col = this.#column(colToken);
      if (col.kind !== 'date') this.#fail(colToken, `function '${fn}' applies to date columns; '${col.name}' is a ${KIND_TITLES[col.kind]} column`);
      this.#expectPunct(',', `after the column of '${fn}'`);
      let count = 1;
      if (lower !== 'this' && lower !== 'thisandpreviousandnext') {
        const countToken = this.#next();
        if (countToken.type !== 'number' || !Number.isInteger(countToken.value) || (countToken.value as number) < 0 || (countToken.value as number) > MAX_PERIOD_COUNT) {
          this.#fail(countToken, `function '${fn}' takes a whole number of periods from 0 to ${MAX_PERIOD_COUNT}, found ${this.#describe(countToken)}`);
        }
        count = countToken.value as number;
        this.#expectPunct(',', `after the number of periods of '${fn}'`);
      }
      const periodToken = this.#next();
      const periodText = periodToken.type === 'ident' ? periodToken.text : periodToken.type === 'string' ? String(periodToken.value) : '';
      const period = PERIODS.find((p) => p === periodText.toLowerCase());
      if (!period) this.#fail(periodToken, `function '${fn}' takes a period (${PERIODS.join(', ')}), found ${this.#describe(periodToken)}`);
      const nowMs = this.#context.now.getTime();
      const range: Record<string, [number, number]> = {
        this: periodRange(nowMs, period!, 0, true, 0),
        next: periodRange(nowMs, period!, 0, false, count),
        previous: periodRange(nowMs, period!, count, false, 0),
        thisandnext: periodRange(nowMs, period!, 0, true, count),
        thisandprevious: periodRange(nowMs, period!, count, true, 0),
        thisandpreviousandnext: periodRange(nowMs, period!, 1, true, 1),
      };
      // next(f, 0, period) and previous(f, 0, period) are empty ranges: they match nothing.
      predicate = count === 0 && (lower === 'next' || lower === 'previous') ? () => false : inRange(col.name, range[lower]!);
    }
    this.#expectPunct(')', `to close '${fn}'`);
    // OData writes a function as a comparison: `startswith(name,'x') eq true` reads as well.
    const eq = this.#peek();
    if ((eq.type === 'ident' && eq.text.toLowerCase() === 'eq') || (eq.type === 'punct' && eq.text === '=')) {
      this.#next();
      const bool = this.#next();
      const word = bool.type === 'ident' ? bool.text.toLowerCase() : '';
      if (word !== 'true' && word !== 'false') this.#fail(bool, `a function can only be compared with true or false, found ${this.#describe(bool)}`);
      if (word === 'false') {
        const positive = predicate;
        predicate = (row) => !positive(row);
      }
    }
    return predicate;
  }
}

/** What a kind's values are, in messages. */
const VALUE_WORDS: Record<ColumnKind, string> = {
  int: 'a whole number',
  string: 'a string in single quotes',
  associate: 'an associate id (a whole number)',
  list: 'an item of its list',
  date: 'an ISO date in single quotes',
  bool: 'true or false',
};

/** A value of the column's kind, for the forms errors show. */
function exampleValue(col: ArchiveColumn): string {
  switch (col.kind) {
    case 'int':
      return '1';
    case 'associate':
      return '195';
    case 'string':
      return "'text'";
    case 'list':
      return [...(col.items?.values() ?? [])][0] ?? '0';
    case 'date':
      return "'2026-11-29'";
    case 'bool':
      return 'true';
  }
}

function dayStart(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

function inclusive(value: Value, low: number, high: number): boolean {
  return typeof value === 'number' && value >= low && value <= high;
}

function inHalfOpen(value: Value, from: number, to: number): boolean {
  return typeof value === 'number' && value >= from && value < to;
}

function compareNumber(value: Value, test: (value: number) => boolean): boolean {
  return typeof value === 'number' && test(value);
}

// Strings compare case-insensitively, as the database's collation does; no value reads as ''.
function stringPredicate(get: (row: TaskRow) => Value, opName: string, operand: string): Predicate {
  const text = (row: TaskRow) => String(get(row) ?? '').toLowerCase();
  switch (opName) {
    case 'eq':
    case 'is':
      return (row) => text(row) === operand;
    case 'ne':
    case 'isnot':
      return (row) => text(row) !== operand;
    case 'contains':
      return (row) => text(row).includes(operand);
    case 'notcontains':
      return (row) => !text(row).includes(operand);
    case 'begins':
      return (row) => text(row).startsWith(operand);
    case 'notbegins':
      return (row) => !text(row).startsWith(operand);
    case 'ends':
      return (row) => text(row).endsWith(operand);
  }
  throw new Error(`string operator ${opName} has no implementation`);
}

// ---------------------------------------------------------------------------------------------
// $select and $orderBy: comma-separated lists with positions.

interface ListItem {
  text: string;
  pos: number;
}

function splitList(text: string): ListItem[] {
  const items: ListItem[] = [];
  let start = 0;
  for (const part of text.split(',')) {
    const lead = part.length - part.trimStart().length;
    items.push({ text: part.trim(), pos: start + lead });
    start += part.length + 1;
  }
  return items;
}

function checkLength(parameter: string, text: string): void {
  if (text.length > MAX_PARAMETER_LENGTH) throw new ODataQueryError(parameter, MAX_PARAMETER_LENGTH, parameter, `longer than ${MAX_PARAMETER_LENGTH} characters`);
}

function lookupColumn(parameter: string, item: ListItem, word: string): ArchiveColumn {
  if (word === '') throw new ODataQueryError(parameter, item.pos, ',', 'empty column name');
  const col = COLUMNS_BY_NAME.get(word.toLowerCase());
  if (col) return col;
  if (/[():]/.test(word)) throw new ODataQueryError(parameter, item.pos, word, `aggregates and modifiers ('${word}') are not supported by the mock: name columns only`);
  throw new ODataQueryError(parameter, item.pos, word, `unknown column '${word}' (the BatchTasks archive has: ${BATCH_TASK_COLUMNS.map((c) => c.name).join(', ')})`);
}

function parseSelect(select: string | undefined): readonly ArchiveColumn[] {
  if (select === undefined || select.trim() === '') return DEFAULT_COLUMNS;
  checkLength('$select', select);
  const chosen: ArchiveColumn[] = [];
  for (const item of splitList(select)) {
    const col = lookupColumn('$select', item, item.text);
    if (!chosen.includes(col)) chosen.push(col);
  }
  return chosen;
}

interface SortKey {
  column: ArchiveColumn;
  descending: boolean;
}

function parseOrderBy(orderBy: string | undefined): SortKey[] {
  if (orderBy === undefined || orderBy.trim() === '') return [];
  checkLength('$orderBy', orderBy);
  return splitList(orderBy).map((item) => {
    const words = item.text.split(/\s+/);
    const col = lookupColumn('$orderBy', item, words[0] ?? '');
    const direction = words[1]?.toLowerCase();
    if (words.length > 2 || (direction !== undefined && direction !== 'asc' && direction !== 'desc')) {
      const extra = words.slice(1).join(' ');
      throw new ODataQueryError('$orderBy', item.pos + item.text.indexOf(words[1]!, words[0]!.length), extra, `expected asc or desc after '${col.name}', found '${extra}'`);
    }
    return { column: col, descending: direction === 'desc' };
  });
}

// Nulls sort first ascending, as SQL Server sorts them; strings case-insensitively.
function compareValues(a: Value, b: Value): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === 'string' && typeof b === 'string') {
    const lowerA = a.toLowerCase();
    const lowerB = b.toLowerCase();
    if (lowerA !== lowerB) return lowerA < lowerB ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  return Number(a) < Number(b) ? -1 : Number(a) > Number(b) ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Output: Slim (display values), Wide (as Slim), Full (raw value and display value per column).

function slimValue(col: ArchiveColumn, row: TaskRow): Value {
  const value = row.values.get(col.name) ?? null;
  if (value === null) return null;
  if (col.kind === 'list') return col.items!.get(value as number) ?? null;
  if (col.kind === 'date') return row.dateTexts.get(col.name) ?? null;
  return value;
}

function fullValue(col: ArchiveColumn, row: TaskRow): { DisplayValue: string; RawValue: Value } {
  const display = slimValue(col, row);
  const raw = col.kind === 'date' ? display : (row.values.get(col.name) ?? null);
  return { DisplayValue: display === null ? '' : String(display), RawValue: raw };
}

/** `$jsonSafe`: every character that is not a letter, digit or `_` becomes `_`. */
export function jsonSafeName(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, '_');
}

function checkCount(parameter: string, value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 0 || value > 2_147_483_647) {
    throw new ODataQueryError(parameter, 0, String(value), `expected a whole number from 0 to 2147483647, found ${String(value)}`);
  }
  return value;
}

/** A condition as the mock read it: the operator as the spec names it (aliases resolved), the values typed (list items by number, dates as epoch ms). */
export interface ParsedCondition {
  column: string;
  operator: string;
  values: ReadonlyArray<number | string | boolean>;
}

/** Reads a $filter as queryBatchTasks does, and says what it means; throws ODataQueryError where it cannot. */
export function parseArchiveFilter(filter: string, context: Pick<ArchiveContext, 'currentAssociateId' | 'now'>): ParsedCondition[] {
  checkLength('$filter', filter);
  const parser = new FilterParser(filter, { ...context, nextLink: () => '' });
  parser.parse();
  return parser.conditions;
}

/**
 * One page of the BatchTasks archive for `query`: filtered, sorted (ties by PrimaryKey), skipped,
 * limited to $top and to ARCHIVE_PAGE_SIZE rows; `odata.nextLink` is set exactly when matching
 * rows remain after this page. Throws ODataQueryError for a query it cannot read.
 */
export function queryBatchTasks(tasks: readonly BatchTaskInfoLike[], query: ArchiveQuery, context: ArchiveContext, options: ArchiveOptions = {}): ArchivePage {
  const pageSize = options.pageSize ?? ARCHIVE_PAGE_SIZE;
  const mode = query.mode ?? 'Slim';
  if (mode !== 'Slim' && mode !== 'Wide' && mode !== 'Full') throw new ODataQueryError('$mode', 0, String(mode), `expected Slim, Wide or Full, found '${String(mode)}'`);
  const top = checkCount('$top', query.top);
  const skip = checkCount('$skip', query.skip) ?? 0;
  const columns = parseSelect(query.select);
  const sortKeys = parseOrderBy(query.orderBy);
  let predicates: Predicate[] = [];
  const read = new Set([...columns, ...sortKeys.map((key) => key.column)]);
  if (query.filter !== undefined) {
    checkLength('$filter', query.filter);
    const parser = new FilterParser(query.filter, context);
    predicates = parser.parse();
    for (const col of parser.used) read.add(col);
  }

  const rows: TaskRow[] = [];
  for (const task of tasks) {
    const row = readTask(task, read);
    if (row && predicates.every((predicate) => predicate(row))) rows.push(row);
  }
  rows.sort((a, b) => {
    for (const { column: col, descending } of sortKeys) {
      const order = compareValues(a.values.get(col.name) ?? null, b.values.get(col.name) ?? null);
      if (order !== 0) return descending ? -order : order;
    }
    return a.key - b.key;
  });

  const wanted = rows.slice(skip, top === undefined ? undefined : skip + top);
  const pageRows = wanted.slice(0, pageSize);
  const name = query.jsonSafe ? jsonSafeName : (n: string) => n;
  const value = pageRows.map((row) => {
    const out: ArchiveRow = { PrimaryKey: row.key, EntityName: ENTITY_NAME };
    for (const col of columns) out[name(col.name)] = mode === 'Full' ? fullValue(col, row) : slimValue(col, row);
    return out;
  });
  if (wanted.length <= pageSize) return { value };
  const following: ArchiveQuery = { ...query, skip: skip + pageSize };
  if (top !== undefined) following.top = top - pageSize;
  return { 'odata.nextLink': context.nextLink(following), value };
}

// ---------------------------------------------------------------------------------------------
// The query string: the `$` parameters as the spec names them, read and written.

/** The spec's names of the parameters an ArchiveQuery carries. */
export const ARCHIVE_QUERY_PARAMETERS = {
  select: '$select',
  filter: '$filter',
  orderBy: '$orderBy',
  top: '$top',
  skip: '$skip',
  mode: '$mode',
  jsonSafe: '$jsonSafe',
  format: '$format',
} as const;

const WHOLE_NUMBER = /^\d{1,10}$/;

/**
 * Reads an ArchiveQuery from a request's query string. Throws ODataQueryError for a `$top`, `$skip`,
 * `$mode`, `$jsonSafe` or `$format` the spec does not allow; the other parameters are read as they are
 * (queryBatchTasks checks them).
 */
export function parseArchiveQuery(params: URLSearchParams): ArchiveQuery {
  const query: ArchiveQuery = {};
  const text = (name: string) => params.get(name) ?? undefined;
  const select = text('$select');
  const filter = text('$filter');
  const orderBy = text('$orderBy');
  if (select !== undefined) query.select = select;
  if (filter !== undefined) query.filter = filter;
  if (orderBy !== undefined) query.orderBy = orderBy;
  for (const key of ['top', 'skip'] as const) {
    const name = ARCHIVE_QUERY_PARAMETERS[key];
    const value = text(name);
    if (value === undefined) continue;
    if (!WHOLE_NUMBER.test(value) || Number(value) > 2_147_483_647) {
      throw new ODataQueryError(name, 0, value, `expected a whole number from 0 to 2147483647, found '${value}'`);
    }
    query[key] = Number(value);
  }
  const mode = text('$mode');
  if (mode !== undefined) {
    if (mode !== 'Slim' && mode !== 'Wide' && mode !== 'Full') throw new ODataQueryError('$mode', 0, mode, `expected Slim, Wide or Full, found '${mode}'`);
    query.mode = mode;
  }
  const jsonSafe = text('$jsonSafe');
  if (jsonSafe !== undefined) {
    if (!['True', 'False', 'true', 'false'].includes(jsonSafe)) throw new ODataQueryError('$jsonSafe', 0, jsonSafe, `expected True, False, true or false, found '${jsonSafe}'`);
    query.jsonSafe = jsonSafe.toLowerCase() === 'true';
  }
  const format = text('$format');
  if (format !== undefined) {
    if (format !== 'JSON' && format !== 'XML') throw new ODataQueryError('$format', 0, format, `expected JSON or XML, found '${format}'`);
    query.format = format;
  }
  return query;
}

/** Writes an ArchiveQuery as a query string (without `?`), as parseArchiveQuery reads it: for odata.nextLink. */
export function formatArchiveQuery(query: ArchiveQuery): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(ARCHIVE_QUERY_PARAMETERS) as Array<keyof ArchiveQuery>) {
    const value = query[key];
    if (value === undefined) continue;
    params.set(ARCHIVE_QUERY_PARAMETERS[key], typeof value === 'boolean' ? (value ? 'True' : 'False') : String(value));
  }
  return params.toString();
}
