import fc from 'fast-check';
import { BATCH_TASK_COLUMNS, OPERATORS, parseArchiveFilter, queryBatchTasks } from '@so-batch/mock';
import { describe, expect, it } from 'vitest';
import {
  ARCHIVE_COLUMN_KINDS,
  ARCHIVE_OPERATORS,
  BatchAbortError,
  BatchHttpError,
  BatchPagingError,
  archivePages,
  archiveQuery,
  archiveRows,
  createBatchCore,
  type ArchiveCondition,
} from '../src/index.ts';
import { json, stubFetch } from './fetch-stub.ts';

const BASE = 'https://crm.example.com/SuperOffice';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

describe('archiveQuery writes the $ parameters the server reads', () => {
  it('my failed exports of last week, newest first, 20 at a time', () => {
    const query = archiveQuery({
      select: ['batchTaskId', 'name', 'state', 'created'],
      filter: [
        ['name', 'begins', 'Export'],
        ['state', 'eq', 'Failed'],
        ['associateId', 'currentAssociate'],
        ['created', 'lastWeek'],
      ],
      orderBy: [['created', 'desc']],
      top: 20,
    });
    expect(query).toEqual({
      $select: 'batchTaskId,name,state,created',
      $filter: "name begins 'Export' and state eq Failed and associateId currentAssociate and created lastWeek",
      $orderBy: 'created desc',
      $top: 20,
    });
  });

  it('writes each kind of value, lists and pairs', () => {
    const query = archiveQuery({
      filter: [
        ['description', 'contains', "Bob's"],
        ['progressPercent', 'between', 10, 90],
        ['state', 'oneOf', ['Failed', 'New']],
        ['isSystemTask', 'eq', false],
        ['created', 'dateBetween', '2026-11-01', new Date(Date.UTC(2026, 10, 30, 12))],
        ['associateId', 'associateIsOneOf', [195, 497]],
      ],
      orderBy: ['name', ['lastStarted', 'asc']],
      skip: 5,
    });
    expect(query).toEqual({
      $filter:
        "description contains 'Bob''s' and progressPercent between (10, 90) and state oneOf (Failed, New) and isSystemTask eq false and created dateBetween ('2026-11-01', '2026-11-30T12:00:00.000Z') and associateId associateIsOneOf (195, 497)",
      $orderBy: 'name,lastStarted asc',
      $skip: 5,
    });
    expect(archiveQuery({})).toEqual({});
  });

  it.each([
    ['an unknown column', { select: ['nmae'] }, 'archiveQuery: unknown column "nmae"'],
    ['a number that is not whole', { filter: [['progressPercent', 'ge', 1.5]] }, 'archiveQuery: column "progressPercent" (int) cannot take 1.5'],
    ['a date that is no date', { filter: [['created', 'before', 'yesterday']] }, 'archiveQuery: column "created" (date) cannot take "yesterday"'],
    ['an invalid Date', { filter: [['created', 'before', new Date('x')]] }, 'archiveQuery: column "created" (date) cannot take Invalid Date'],
    ['an empty list', { filter: [['state', 'oneOf', []]] }, 'archiveQuery: "state oneOf" takes no value, one, two or a non-empty list'],
    ['a condition that is no array', { filter: ["name eq 'x'"] }, 'archiveQuery: a filter condition is [column, operator, ...values]'],
    ['an empty select', { select: [] }, 'archiveQuery: select is a non-empty array of columns'],
    ['a negative top', { top: -1 }, 'archiveQuery: top is a whole number from 0 to 2147483647, not -1'],
    ['a direction that is none', { orderBy: [['name', 'up']] }, 'archiveQuery: orderBy direction of "name" is asc or desc, not up'],
  ])('misuse throws a TypeError that names archiveQuery: %s', (_name, input, message) => {
    expect(() => archiveQuery(input as never)).toThrow(TypeError);
    expect(() => archiveQuery(input as never)).toThrow(message);
  });
});

// Every typed condition the spec allows, drawn from the generated tables: the mock's parser reads
// the string archiveQuery writes, and reads it as what was built.
const NOW = new Date('2026-12-08T10:00:00Z');
const columns = Object.keys(ARCHIVE_COLUMN_KINDS) as Array<keyof typeof ARCHIVE_COLUMN_KINDS>;
const mockColumn = (name: string) => BATCH_TASK_COLUMNS.find((column) => column.name === name)!;

function valueOf(kind: string, column: string): fc.Arbitrary<{ input: unknown; meaning: number | string | boolean }> {
  switch (kind) {
    case 'int':
    case 'associate':
      return fc.integer({ min: -1000, max: 2_000_000 }).map((n) => ({ input: n, meaning: n }));
    case 'bool':
      return fc.boolean().map((b) => ({ input: b, meaning: b }));
    case 'list': {
      const items = [...mockColumn(column).items!];
      return fc.constantFrom(...items).chain(([number, name]) => fc.constantFrom({ input: name, meaning: number }, { input: number, meaning: number }));
    }
    case 'date':
      return fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }).chain((date) =>
        fc.constantFrom({ input: date, meaning: date.getTime() }, { input: date.toISOString().slice(0, 10), meaning: Date.parse(`${date.toISOString().slice(0, 10)}T00:00:00Z`) }),
      );
    default:
      // Quotes, separators and words of the grammar as often as any text.
      return fc
        .oneof(fc.string({ maxLength: 12, unit: 'binary' }), fc.string({ maxLength: 8, unit: fc.constantFrom("'", "''", ' ', ',', '(', ')', 'and', 'eq', 'x') }))
        .map((s) => ({ input: s, meaning: s }));
  }
}

const condition = fc.constantFrom(...columns).chain((column) => {
  const kind = ARCHIVE_COLUMN_KINDS[column];
  const operators = Object.entries(ARCHIVE_OPERATORS).filter(([, op]) => (op.kinds as readonly string[]).includes(kind));
  return fc.constantFrom(...operators).chain(([operator, { arity }]) => {
    const value = valueOf(kind, column);
    const built = (operands: Array<{ input: unknown; meaning: number | string | boolean }>, list: boolean) => ({
      condition: [column, operator, ...(list ? [operands.map((o) => o.input)] : operands.map((o) => o.input))] as unknown as ArchiveCondition,
      meaning: { column, operator: OPERATORS.find((op) => op.name === operator)!.operator, values: operands.map((o) => o.meaning) },
    });
    if (arity === 'none') return fc.constant(built([], false));
    if (arity === 'one') return value.map((v) => built([v], false));
    if (arity === 'two') return fc.tuple(value, value).map((vs) => built(vs, false));
    return fc.array(value, { minLength: 1, maxLength: 4 }).map((vs) => built(vs, true));
  });
});

describe('what archiveQuery writes, the mock reads as what was built', () => {
  it('every built filter parses, condition by condition, into its columns, operators and values', () => {
    fc.assert(
      fc.property(fc.array(condition, { minLength: 1, maxLength: 6 }), (conditions) => {
        const { $filter } = archiveQuery({ filter: conditions.map((c) => c.condition) });
        const parsed = parseArchiveFilter($filter!, { currentAssociateId: 195, now: NOW });
        // The mock reads dates by the millisecond; a Date written by toISOString is exact.
        expect(parsed).toEqual(conditions.map((c) => c.meaning));
      }),
      { numRuns: 150 },
    );
  });

  it('every built select and orderBy is answered, with the selected columns only', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...columns), { minLength: 1 }), fc.array(fc.tuple(fc.constantFrom(...columns), fc.constantFrom('asc' as const, 'desc' as const)), { maxLength: 3 }), (select, orderBy) => {
        const query = archiveQuery({ select, orderBy });
        const page = queryBatchTasks([{ Id: 1, Name: 'ExportJob', State: 'Failed', Created: '2026-12-01T00:00:00Z' }], { select: query.$select, orderBy: query.$orderBy }, { currentAssociateId: 195, now: NOW, nextLink: () => '' });
        expect(Object.keys(page.value[0]!).sort()).toEqual(['EntityName', 'PrimaryKey', ...select].sort());
      }),
      { numRuns: 100 },
    );
  });
});

describe('archivePages follows odata.nextLink, within guards', () => {
  const page = (value: unknown[], nextLink?: string) => json({ ...(nextLink ? { 'odata.nextLink': nextLink } : {}), value });
  const row = (id: number) => ({ PrimaryKey: id, EntityName: 'batchtask' });
  const core = (fetch: (request: Request) => Promise<Response>) => createBatchCore({ baseUrl: BASE, auth: { scheme: 'SOTicket', ticket: '7T:abc' }, fetch, retry: false });

  it('reads every page, asking for the next only when the caller wants it', async () => {
    const { fetch, requests } = stubFetch(page([row(1), row(2)], `${BASE}/api/v1/BatchTask?$top=5&$skip=2`), page([row(3)]));
    const pages = archivePages(core(fetch), archiveQuery({ top: 5 }));
    const first = await pages.next();
    expect(first.value).toMatchObject({ value: [row(1), row(2)] });
    expect(requests).toHaveLength(1);
    const rest = [];
    for await (const more of pages) rest.push(more);
    expect(rest.map((p) => p.value)).toEqual([[row(3)]]);
    expect(requests.map((r) => r.url.search)).toEqual(['?$top=5', '?$top=5&$skip=2']);
  });

  it('archiveRows gives the rows one by one', async () => {
    const { fetch } = stubFetch(page([row(1), row(2)], `${BASE}/api/v1/BatchTask?$skip=2`), page([row(3)]));
    const ids = [];
    for await (const r of archiveRows(core(fetch), {})) ids.push(r.PrimaryKey);
    expect(ids).toEqual([1, 2, 3]);
  });

  it.each([
    ['other-origin', page([row(1)], 'https://elsewhere.example.com/api/v1/BatchTask?$skip=1'), 'odata.nextLink leads to another origin (https://elsewhere.example.com): not followed'],
    ['not-advancing', page([row(1)], `${BASE}/api/v1/BatchTask?$skip=0`), 'odata.nextLink does not move forward ($skip 0 after $skip 0)'],
    ['empty-page', page([], `${BASE}/api/v1/BatchTask?$skip=50`), 'an empty page links to another'],
    ['not-a-url', page([row(1)], 'http://[::1'), 'odata.nextLink is not a URL'],
  ])('stops with a BatchPagingError (%s) after the pages before it', async (reason, reply, message) => {
    const { fetch, requests } = stubFetch(reply);
    const seen: number[] = [];
    const failure = await (async () => {
      for await (const p of archivePages(core(fetch), {})) seen.push(p.value.length);
    })().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BatchPagingError);
    expect(failure).toMatchObject({ kind: 'paging', reason, operation: 'v1Batch_GetAll' });
    expect((failure as Error).message).toContain(message);
    expect(requests).toHaveLength(1);
    expect(seen).toHaveLength(1);
  });

  it('a link that keeps changing but leads back to a page read is stopped', async () => {
    const { fetch, requests } = stubFetch(page([row(1)], `${BASE}/api/v1/BatchTask?x=1`), page([row(2)], `${BASE}/api/v1/BatchTask?x=1`));
    await expect(collect(archiveRows(core(fetch), {}))).rejects.toMatchObject({ reason: 'not-advancing' });
    expect(requests).toHaveLength(2);
  });

  it('stops at maxPages, saying more rows follow', async () => {
    let n = 0;
    const { fetch, requests } = stubFetch(() => page([row(++n)], `${BASE}/api/v1/BatchTask?$skip=${n}`));
    const error = await collect(archiveRows(core(fetch), {}, { maxPages: 3 })).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'max-pages', message: 'v1Batch_GetAll: stopped after 3 pages (maxPages 3): more rows follow' });
    expect(requests).toHaveLength(3);
    await expect(archivePages(core(fetch), {}, { maxPages: 0 }).next()).rejects.toThrow('archivePages: maxPages is a whole number, 1 or more, not 0');
  });

  it('a failed page throws its BatchError; an AbortSignal stops it', async () => {
    const failing = stubFetch(page([row(1)], `${BASE}/api/v1/BatchTask?$skip=1`), json({ ErrorMessage: 'no' }, 500));
    await expect(collect(archiveRows(core(failing.fetch), {}))).rejects.toBeInstanceOf(BatchHttpError);
    const controller = new AbortController();
    const { fetch, requests } = stubFetch(page([row(1)], `${BASE}/api/v1/BatchTask?$skip=1`));
    const error = await (async () => {
      for await (const _ of archivePages(core(fetch), {}, { signal: controller.signal })) controller.abort();
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BatchAbortError);
    expect(requests).toHaveLength(1);
  });
});
