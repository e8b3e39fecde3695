// Typed queries of the BatchTasks archive (REST GET /api/v1/BatchTask) and paging through it.
//
// archiveQuery() takes an object whose columns and operators the types check against the spec's
// x-so-batch-archive (generated/archive.gen.ts): a string column takes `begins`, a date column
// `dateBetween`, `currentAssociate` takes no value. It writes the `$` parameters the server reads;
// `select` types the rows. archivePages() and archiveRows() follow odata.nextLink with the guards
// every loop over it needs, holding one page at a time. Raw ODataQuery strings work with both.

import { stateOf, type AnyBatchClient, type BatchResult, type CallOptions } from './core.ts';
import type { PagingProblem } from './errors.ts';
import { ARCHIVE_KIND_COLUMNS, type ArchiveColumns, type ArchiveDefaultColumn, type ArchiveDirection, type ArchiveOperators } from './generated/archive.gen.ts';
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

// Kept small on purpose: it is what a browser app ships for a typed query (BENCHMARKS.md).

/** One value as $filter writes it, for a column of `kind`: text and dates in quotes, a list item by its name or number. */
function formatValue(column: string, kind: string, value: unknown): string {
  const text = typeof value === 'string';
  const fits =
    kind === 'date' ? (value instanceof Date ? !Number.isNaN(value.getTime()) : text && /^\d{4}-\d\d-\d\d(T[\d:.]+(Z|[+-]\d\d:\d\d)?)?$/.test(value)) :
    kind === 'bool' ? typeof value === 'boolean' :
    kind === 'string' ? text :
    Number.isSafeInteger(value) || (kind === 'list' && text && /^[A-Za-z_]\w*$/.test(value));
  if (!fits) throw misuse(`column "${column}" (${kind}) cannot take ${text ? JSON.stringify(value) : String(value)}`);
  if (value instanceof Date) return `'${value.toISOString()}'`;
  return text && kind !== 'list' ? `'${(value as string).replaceAll("'", "''")}'` : String(value);
}

function kindOf(column: unknown): string {
  for (const [kind, columns] of Object.entries(ARCHIVE_KIND_COLUMNS)) if (columns.split(' ').includes(column as string)) return kind;
  throw misuse(`unknown column ${JSON.stringify(column)}`);
}

function formatCondition(condition: ArchiveCondition): string {
  if (!Array.isArray(condition)) throw misuse('a filter condition is [column, operator, ...values]');
  const [column, operator, ...operands] = condition as readonly unknown[];
  const kind = kindOf(column);
  if (typeof operator !== 'string' || !/^([A-Za-z]+|=)$/.test(operator)) throw misuse(`"${column}" needs an operator`);
  const list = operands.length === 1 && Array.isArray(operands[0]) ? (operands[0] as unknown[]) : undefined;
  if (list?.length === 0 || operands.length > 2) throw misuse(`"${column} ${operator}" takes no value, one, two or a non-empty list`);
  const values = (list ?? operands).map((value) => formatValue(column as string, kind, value)).join(', ');
  return `${column} ${operator}${values === '' ? '' : list || operands.length === 2 ? ` (${values})` : ` ${values}`}`;
}

function count(name: string, value: unknown): number {
  if (Number.isInteger(value) && (value as number) >= 0 && (value as number) < 2 ** 31) return value as number;
  throw misuse(`${name} is a whole number from 0 to 2147483647, not ${value}`);
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
  const { select, filter, orderBy, top, skip } = input ?? {};
  const query: ODataQuery = {};
  if (select !== undefined) {
    if (!select.length) throw misuse('select is a non-empty array of columns');
    query.$select = select.map((column) => (kindOf(column), column)).join(',');
  }
  if (filter?.length) query.$filter = filter.map(formatCondition).join(' and ');
  if (orderBy?.length) {
    query.$orderBy = orderBy
      .map((key) => {
        const [column, direction] = typeof key === 'string' ? [key] : key;
        kindOf(column);
        if (direction !== undefined && direction !== 'asc' && direction !== 'desc') throw misuse(`orderBy direction of "${column}" is asc or desc, not ${direction}`);
        return direction ? `${column} ${direction}` : column;
      })
      .join(',');
  }
  if (top !== undefined) query.$top = count('top', top);
  if (skip !== undefined) query.$skip = count('skip', skip);
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

type Refusal = { reason: PagingProblem; message: string };

/** The query of the page a link leads to, or why it must not be followed. */
function nextQuery(link: string, baseUrl: string, previousSkip: number, seen: Set<string>): ODataQuery | Refusal {
  const shown = link.length > 200 ? `${link.slice(0, 197)}...` : link;
  let url: URL;
  try {
    url = new URL(link, `${baseUrl}/`);
  } catch {
    return { reason: 'not-a-url', message: `odata.nextLink is not a URL (${JSON.stringify(shown)})` };
  }
  if (url.origin !== new URL(baseUrl).origin) return { reason: 'other-origin', message: `odata.nextLink leads to another origin (${url.origin}): not followed` };
  if (seen.has(url.href)) return { reason: 'not-advancing', message: `odata.nextLink leads back to a page already read (${JSON.stringify(shown)})` };
  const query: Record<string, string | number> = {};
  for (const [key, value] of url.searchParams) query[key] = value;
  for (const key of ['$top', '$skip']) {
    if (query[key] === undefined) continue;
    if (!/^\d{1,10}$/.test(String(query[key]))) return { reason: 'not-advancing', message: `odata.nextLink has a ${key} that is not a count (${JSON.stringify(String(query[key]).slice(0, 40))})` };
    query[key] = Number(query[key]);
  }
  // Each page starts further on than the last: a link that changes but does not move would go on for ever.
  const skip = query.$skip as number | undefined;
  if (skip !== undefined && skip <= previousSkip) return { reason: 'not-advancing', message: `odata.nextLink does not move forward ($skip ${skip} after $skip ${previousSkip})` };
  seen.add(url.href);
  return query as ODataQuery;
}

// The error classes load only when paging fails, as the client's other failures do (a bundler
// that splits code leaves them out of what a query that succeeds loads).
async function pagingError(reason: PagingProblem, message: string): Promise<Error> {
  return new (await import('./errors.ts')).BatchPagingError(OPERATION, reason, message);
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
    if (callOptions.signal?.aborted) throw new (await import('./errors.ts')).BatchAbortError(OPERATION, callOptions.signal.reason);
    const answer = await getAll(client, current, callOptions);
    if (answer.error) throw answer.error;
    const page = answer.data as ArchivePage<RowOf<Q>>;
    const link = page['odata.nextLink'];
    yield page;
    if (!link) return;
    if (page.value.length === 0) throw await pagingError('empty-page', `an empty page links to another (${link.length > 200 ? `${link.slice(0, 197)}...` : link}): stopped after ${pages} pages`);
    if (pages >= maxPages) throw await pagingError('max-pages', `stopped after ${pages} pages (maxPages ${maxPages}): more rows follow`);
    const next = nextQuery(link, baseUrl, Number(current.$skip ?? 0), seen);
    if ('reason' in next && 'message' in next) throw await pagingError(next.reason as PagingProblem, next.message as string);
    current = next;
  }
}

/** The rows of a query, page after page (archivePages' guards); one page in memory at a time. */
export async function* archiveRows<Q extends ODataQuery>(client: AnyBatchClient, query: Q, options: ArchivePagingOptions = {}): AsyncGenerator<RowOf<Q>, void, undefined> {
  for await (const page of archivePages(client, query, options)) yield* page.value;
}
