// Typed queries of the BatchTasks archive (REST GET /api/v1/BatchTask) and paging through it.
//
// archiveQuery() takes an object whose columns and operators the types check against the spec's
// x-so-batch-archive (generated/archive.gen.ts): a string column takes `begins`, a date column
// `dateBetween`, `currentAssociate` takes no value. It writes the `$` parameters the server reads;
// `select` types the rows. archivePages() and archiveRows() follow odata.nextLink with the guards
// every loop over it needs, holding one page at a time. Raw ODataQuery strings work with both.

import { stateOf, type AnyBatchClient, type BatchResult, type CallOptions } from './core.ts';
import { BatchAbortError, BatchPagingError } from './errors.ts';
import { ARCHIVE_COLUMN_KINDS, type ArchiveColumns, type ArchiveDefaultColumn, type ArchiveDirection, type ArchiveOperators } from './generated/archive.gen.ts';
import { getAll } from './generated/rest.gen.ts';
import type { operations } from './generated/schema.gen.ts';
import type { ArchiveRow } from './types.ts';

export type { ArchiveColumns, ArchiveDefaultColumn, ArchiveDirection, ArchiveOperators };

/** A column of the BatchTasks archive. */
export type ArchiveColumn = keyof ArchiveColumns;
type KindOf<C extends ArchiveColumn> = ArchiveColumns[C]['kind'];
type ItemsOf<C extends ArchiveColumn> = ArchiveColumns[C] extends { items: infer I } ? I : never;

/** A date a query takes: a Date, or an ISO date (`2026-11-29`) or date-time (`2026-11-29T10:00:00Z`; no offset is UTC). */
export type ArchiveDate = Date | `${number}-${number}-${number}` | `${number}-${number}-${number}T${string}`;

interface InputByKind<C extends ArchiveColumn> {
  int: number;
  associate: number;
  string: string;
  bool: boolean;
  date: ArchiveDate;
  list: ItemsOf<C>;
}
interface RowByKind<C extends ArchiveColumn> {
  int: number;
  associate: number;
  string: string;
  bool: boolean;
  /** As the task has it (ISO 8601). */
  date: string;
  /** The item's name. */
  list: ItemsOf<C>;
}
/** What a condition on column C takes as a value. */
export type ArchiveValue<C extends ArchiveColumn> = InputByKind<C>[KindOf<C>];
/** What a row holds in column C (null: the task has no value). */
export type ArchiveCell<C extends ArchiveColumn> = RowByKind<C>[KindOf<C>] | null;

type Operator = keyof ArchiveOperators;
/** The operators (every spelling) that apply to column C. */
export type ArchiveOperatorOf<C extends ArchiveColumn> = { [O in Operator]: KindOf<C> extends ArchiveOperators[O]['kinds'] ? O : never }[Operator];

type Operands<C extends ArchiveColumn, O extends Operator> = {
  none: readonly [column: C, operator: O];
  one: readonly [column: C, operator: O, value: ArchiveValue<C>];
  two: readonly [column: C, operator: O, low: ArchiveValue<C>, high: ArchiveValue<C>];
  list: readonly [column: C, operator: O, values: readonly ArchiveValue<C>[]];
}[ArchiveOperators[O]['arity']];

/**
 * One condition of `filter`: `['name', 'begins', 'Export']`, `['created', 'lastWeek']`,
 * `['created', 'dateBetween', '2026-11-01', '2026-11-30']`, `['state', 'oneOf', ['Failed', 'New']]`.
 */
export type ArchiveCondition = { [C in ArchiveColumn]: { [O in ArchiveOperatorOf<C>]: Operands<C, O> }[ArchiveOperatorOf<C>] }[ArchiveColumn];

/** One key of `orderBy`: a column (ascending), or `[column, 'asc' | 'desc']`. */
export type ArchiveOrder = ArchiveColumn | readonly [column: ArchiveColumn, direction: ArchiveDirection];

export interface ArchiveQueryInput<S extends ArchiveColumn> {
  /** The columns the rows carry (and PrimaryKey, EntityName); without it, the default ones. */
  select?: readonly S[] | undefined;
  /** Conditions, all of which a row meets (`and`). */
  filter?: readonly ArchiveCondition[] | undefined;
  orderBy?: readonly ArchiveOrder[] | undefined;
  /** At most this many rows in all (over every page). */
  top?: number | undefined;
  /** Leave out this many rows first. */
  skip?: number | undefined;
}

/** One row of a typed query: PrimaryKey, EntityName and each selected column. */
export type ArchiveRowOf<S extends ArchiveColumn> = { PrimaryKey: number; EntityName: string } & { [C in S]: ArchiveCell<C> };

/** GET /api/v1/BatchTask's query parameters, as the spec types them (raw strings). */
export type ODataQuery = NonNullable<operations['v1Batch_GetAll']['parameters']['query']>;

declare const rowType: unique symbol;
/** The `$` parameters of a typed query; the type remembers what its rows hold. */
export type TypedArchiveQuery<R> = ODataQuery & { readonly [rowType]?: R };

/** A page: its rows and, when more follow, the link to the next. */
export interface ArchivePage<R> {
  value: R[];
  'odata.nextLink'?: string | null | undefined;
}

/** The rows a query answers: typed by archiveQuery(), the spec's open ArchiveRow for a raw one. */
export type RowOf<Q> = Q extends { readonly [rowType]?: infer R } ? (unknown extends R ? ArchiveRow : R) : ArchiveRow;

const misuse = (problem: string) => new TypeError(`archiveQuery: ${problem}`);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

/** One value as $filter writes it, for a column of `kind`. */
function formatValue(column: string, kind: string, value: unknown): string {
  const wrong = (expected: string) => misuse(`column "${column}" takes ${expected}, not ${typeof value === 'string' ? JSON.stringify(value) : String(value)}`);
  switch (kind) {
    case 'int':
    case 'associate':
      if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
      throw wrong('a whole number');
    case 'bool':
      if (typeof value === 'boolean') return String(value);
      throw wrong('true or false');
    case 'list':
      // An item by its name (`state eq Failed`, as the spec writes it) or its number.
      if (typeof value === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(value)) return value;
      if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
      throw wrong('an item of its list');
    case 'date': {
      if (value instanceof Date && !Number.isNaN(value.getTime())) return `'${value.toISOString()}'`;
      if (typeof value === 'string' && ISO_DATE.test(value)) return `'${value}'`;
      throw wrong('a Date or an ISO date such as 2026-11-29');
    }
    default:
      if (typeof value === 'string') return `'${value.replaceAll("'", "''")}'`;
      throw wrong('a string');
  }
}

function kindOf(column: unknown): string {
  const kind = typeof column === 'string' && Object.hasOwn(ARCHIVE_COLUMN_KINDS, column) ? ARCHIVE_COLUMN_KINDS[column as ArchiveColumn] : undefined;
  if (!kind) throw misuse(`unknown column ${JSON.stringify(column)} (the archive has: ${Object.keys(ARCHIVE_COLUMN_KINDS).join(', ')})`);
  return kind;
}

function formatCondition(condition: ArchiveCondition): string {
  if (!Array.isArray(condition)) throw misuse('each filter condition is an array: [column, operator, ...values]');
  const [column, operator, ...operands] = condition as readonly unknown[];
  const kind = kindOf(column);
  if (typeof operator !== 'string' || !/^(?:[A-Za-z]+|=)$/.test(operator)) throw misuse(`condition on "${String(column)}" needs an operator, such as eq`);
  const value = (v: unknown) => formatValue(column as string, kind, v);
  if (operands.length === 0) return `${column} ${operator}`;
  if (operands.length === 2) return `${column} ${operator} (${value(operands[0])}, ${value(operands[1])})`;
  if (operands.length === 1 && Array.isArray(operands[0])) {
    if (operands[0].length === 0) throw misuse(`"${column} ${operator}" needs at least one value`);
    return `${column} ${operator} (${operands[0].map(value).join(', ')})`;
  }
  if (operands.length === 1) return `${column} ${operator} ${value(operands[0])}`;
  throw misuse(`condition on "${column}" has ${operands.length} values: an operator takes none, one, two or a list`);
}

function count(name: string, value: unknown): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 2_147_483_647) return value;
  throw misuse(`${name} is a whole number from 0 to 2147483647, not ${String(value)}`);
}

/**
 * A typed query of the BatchTasks archive: `select`, `filter`, `orderBy`, `top` and `skip`
 * checked by the types, written as the `$` parameters the server reads. Pass the result to
 * archivePages(), archiveRows() or queryArchive() (or `getAll` of `@so-batch/client/rest`).
 *
 * @example
 * archiveQuery({
 *   select: ['batchTaskId', 'name', 'state', 'created'],
 *   filter: [['name', 'begins', 'Export'], ['state', 'eq', 'Failed'], ['created', 'lastWeek']],
 *   orderBy: [['created', 'desc']],
 *   top: 20,
 * })
 */
export function archiveQuery<const S extends ArchiveColumn = ArchiveDefaultColumn>(input: ArchiveQueryInput<S>): TypedArchiveQuery<ArchiveRowOf<S>> {
  if (input === null || typeof input !== 'object') throw misuse('takes an object: { select, filter, orderBy, top, skip }');
  const query: ODataQuery = {};
  if (input.select !== undefined) {
    if (!Array.isArray(input.select) || input.select.length === 0) throw misuse('select is a non-empty array of columns (leave it out for the default ones)');
    for (const column of input.select) kindOf(column);
    query.$select = input.select.join(',');
  }
  if (input.filter !== undefined && input.filter.length > 0) query.$filter = input.filter.map(formatCondition).join(' and ');
  if (input.orderBy !== undefined && input.orderBy.length > 0) {
    query.$orderBy = input.orderBy
      .map((key) => {
        const [column, direction] = typeof key === 'string' ? [key, undefined] : key;
        kindOf(column);
        if (direction !== undefined && direction !== 'asc' && direction !== 'desc') throw misuse(`orderBy direction of "${column}" is asc or desc, not ${String(direction)}`);
        return direction ? `${column} ${direction}` : column;
      })
      .join(',');
  }
  if (input.top !== undefined) query.$top = count('top', input.top);
  if (input.skip !== undefined) query.$skip = count('skip', input.skip);
  return query as TypedArchiveQuery<ArchiveRowOf<S>>;
}

/** One page of a query (typed or raw), its rows typed by the query. */
export async function queryArchive<Q extends ODataQuery>(client: AnyBatchClient, query: Q, options?: CallOptions): Promise<BatchResult<ArchivePage<RowOf<Q>>>> {
  return (await getAll(client, query, options)) as BatchResult<ArchivePage<RowOf<Q>>>;
}

export interface ArchivePagingOptions extends CallOptions {
  /** Stop with a BatchPagingError (reason `max-pages`) before reading more pages than this; default 1000. */
  maxPages?: number | undefined;
}

export const DEFAULT_MAX_PAGES = 1000;

const OPERATION = 'v1Batch_GetAll';

/** The query of the page a link leads to, or why it must not be followed. */
function nextQuery(link: string, baseUrl: string, previousSkip: number, seen: Set<string>): ODataQuery {
  const shown = link.length > 200 ? `${link.slice(0, 197)}...` : link;
  let url: URL;
  try {
    url = new URL(link, `${baseUrl}/`);
  } catch {
    throw new BatchPagingError(OPERATION, 'not-a-url', `odata.nextLink is not a URL (${JSON.stringify(shown)})`);
  }
  if (url.origin !== new URL(baseUrl).origin) throw new BatchPagingError(OPERATION, 'other-origin', `odata.nextLink leads to another origin (${url.origin}): not followed`);
  if (seen.has(url.href)) throw new BatchPagingError(OPERATION, 'not-advancing', `odata.nextLink leads back to a page already read (${JSON.stringify(shown)})`);
  const query: Record<string, string | number> = {};
  for (const [key, value] of url.searchParams) query[key] = value;
  for (const key of ['$top', '$skip']) {
    if (query[key] === undefined) continue;
    if (!/^\d{1,10}$/.test(String(query[key]))) throw new BatchPagingError(OPERATION, 'not-advancing', `odata.nextLink has a ${key} that is not a count (${JSON.stringify(String(query[key]).slice(0, 40))})`);
    query[key] = Number(query[key]);
  }
  // Each page starts further on than the last: a link that changes but does not move would go on for ever.
  const skip = query.$skip as number | undefined;
  if (skip !== undefined && skip <= previousSkip) throw new BatchPagingError(OPERATION, 'not-advancing', `odata.nextLink does not move forward ($skip ${skip} after $skip ${previousSkip})`);
  seen.add(url.href);
  return query as ODataQuery;
}

/**
 * The pages of a query, following odata.nextLink: same origin only, each link further on than
 * the last, no empty page that links to more, at most `maxPages` pages; one page in memory at a
 * time. A failed call, or paging that goes wrong, throws (a BatchError: BatchPagingError for the
 * paging); `signal` stops it with a BatchAbortError.
 */
export async function* archivePages<Q extends ODataQuery>(client: AnyBatchClient, query: Q, options: ArchivePagingOptions = {}): AsyncGenerator<ArchivePage<RowOf<Q>>, void, undefined> {
  const { maxPages = DEFAULT_MAX_PAGES, ...callOptions } = options;
  if (!Number.isInteger(maxPages) || maxPages < 1) throw new TypeError(`archivePages: maxPages is a whole number, 1 or more, not ${String(maxPages)}`);
  const { baseUrl } = stateOf(client, 'archivePages');
  const seen = new Set<string>();
  let current: ODataQuery = query;
  for (let pages = 1; ; pages++) {
    if (callOptions.signal?.aborted) throw new BatchAbortError(OPERATION, callOptions.signal.reason);
    const answer = await getAll(client, current, callOptions);
    if (answer.error) throw answer.error;
    const page = answer.data as ArchivePage<RowOf<Q>>;
    const link = page['odata.nextLink'];
    yield page;
    if (!link) return;
    if (page.value.length === 0) throw new BatchPagingError(OPERATION, 'empty-page', `an empty page links to another (${link.length > 200 ? `${link.slice(0, 197)}...` : link}): stopped after ${pages} pages`);
    if (pages >= maxPages) throw new BatchPagingError(OPERATION, 'max-pages', `stopped after ${pages} pages (maxPages ${maxPages}): more rows follow`);
    current = nextQuery(link, baseUrl, Number(current.$skip ?? 0), seen);
  }
}

/** The rows of a query, page after page (archivePages' guards); one page in memory at a time. */
export async function* archiveRows<Q extends ODataQuery>(client: AnyBatchClient, query: Q, options: ArchivePagingOptions = {}): AsyncGenerator<RowOf<Q>, void, undefined> {
  for await (const page of archivePages(client, query, options)) yield* page.value;
}
