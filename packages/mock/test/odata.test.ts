import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundledSpecPath } from '../src/spec.ts';
import {
  ARCHIVE_PAGE_SIZE,
  formatArchiveQuery,
  parseArchiveQuery,
  BATCH_TASK_COLUMNS,
  MAX_FILTER_CONDITIONS,
  MAX_LIST_VALUES,
  MAX_PARAMETER_LENGTH,
  ODataQueryError,
  queryBatchTasks,
  type ArchiveContext,
  type ArchiveQuery,
  type ArchiveRow,
  type BatchTaskInfoLike,
} from '../src/odata.ts';

// Wednesday 25 November 2026, noon UTC: weeks run Monday 23 to Sunday 29 November.
const NOW = new Date('2026-11-25T12:00:00Z');
const ME = 7;

/** The context the tests use: nextLink carries the follow-up query as JSON, so pages can be followed. */
const context: ArchiveContext = {
  currentAssociateId: ME,
  now: NOW,
  nextLink: (query) => `next:${JSON.stringify(query)}`,
};

function task(id: number, fields: Record<string, unknown> = {}): BatchTaskInfoLike {
  return {
    Id: id,
    Name: `Task ${id}`,
    AssociateId: 1,
    DetailsTable: 0,
    DetailsRecord: 0,
    IsSystemTask: false,
    IsInternalTask: false,
    ParameterObject: null,
    LastStarted: null,
    Created: '2026-01-01T00:00:00Z',
    StartCount: 0,
    DatabaseSerialNumber: null,
    Context: null,
    Result: null,
    State: 'New',
    Description: null,
    Response: null,
    Request: null,
    ProgressDescription: null,
    ProgressPercent: 0,
    FileName: null,
    CancellationBehaviour: 'CanCancel',
    TableRight: null,
    FieldProperties: null,
    ...fields,
  };
}

const TASKS: BatchTaskInfoLike[] = [
  task(1, { Name: 'ExportContacts', State: 'Started', ProgressPercent: 40, AssociateId: ME, Created: '2026-11-25T08:00:00Z', LastStarted: '2026-11-25T08:01:00+01:00', StartCount: 1, Description: "O'Brien's export", IsSystemTask: true }),
  task(2, { Name: 'ExportSales', State: 'Succeeded', ProgressPercent: 100, AssociateId: 3, Created: '2026-11-20T10:00:00Z', FileName: 'sales.csv', Result: 'ok', StartCount: 2 }),
  task(3, { Name: 'ImportPersons', State: 'Failed', ProgressPercent: 55, AssociateId: ME, Created: '2026-11-16T10:00:00Z', Result: 'Import failed', CancellationBehaviour: 'CannotCancel' }),
  task(4, { Name: 'cleanup', State: 'New', ProgressPercent: 0, AssociateId: 0, IsSystemTask: true, Created: '2026-12-01T00:00:00Z' }),
  task(5, { Name: 'export archive', State: 'Aquired', ProgressPercent: null, AssociateId: null, Created: null, Description: 'nightly' }),
  task(6, { Name: 'Reindex', State: 'SucceededManualCleanup', ProgressPercent: 100, AssociateId: 3, Created: '2026-10-05T00:00:00Z', DetailsTable: 9, DetailsRecord: 12 }),
];

// The spec's own ODataSlimResponse (and so ArchiveRow), from the bundle the mock serves.
const validatePage = (() => {
  const doc = JSON.parse(readFileSync(bundledSpecPath(), 'utf8')) as { components: unknown };
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
  ajv.addSchema({ $id: 'spec', components: doc.components });
  return ajv.getSchema('spec#/components/schemas/ODataSlimResponse')!;
})();

function expectValidPage(page: unknown): void {
  expect(validatePage(page), JSON.stringify(validatePage.errors)).toBe(true);
}

function ids(query: ArchiveQuery, tasks: readonly BatchTaskInfoLike[] = TASKS): number[] {
  return queryBatchTasks(tasks, query, context).value.map((row) => row.PrimaryKey);
}

function filterIds(filter: string): number[] {
  return ids({ filter });
}

function queryError(query: ArchiveQuery): ODataQueryError {
  try {
    queryBatchTasks(TASKS, query, context);
  } catch (error) {
    if (error instanceof ODataQueryError) return error;
    throw error;
  }
  throw new Error(`expected an ODataQueryError for ${JSON.stringify(query)}`);
}

describe('the columns', () => {
  it('covers the scalar BatchTaskInfo properties, each once, named as the spec names them', () => {
    const names = BATCH_TASK_COLUMNS.map((c) => c.name);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['batchTaskId', 'name', 'state', 'progressPercent', 'associateId', 'created', 'lastStarted']));
    expect(BATCH_TASK_COLUMNS.map((c) => c.property)).not.toContain('ParameterObject');
  });
});

describe('$select', () => {
  it('returns PrimaryKey, EntityName and the selected columns, in the spec spelling, whatever the input case', () => {
    const [row] = queryBatchTasks(TASKS, { select: 'NAME, state ,ProgressPercent', filter: 'batchTaskId eq 1' }, context).value;
    expect(row).toEqual({ PrimaryKey: 1, EntityName: 'batchtask', name: 'ExportContacts', state: 'Started', progressPercent: 40 });
  });

  it('uses the default columns without $select', () => {
    const [row] = queryBatchTasks(TASKS, { filter: 'batchTaskId eq 2' }, context).value;
    expect(Object.keys(row!)).toEqual(['PrimaryKey', 'EntityName', 'batchTaskId', 'name', 'description', 'state', 'progressPercent', 'associateId', 'created', 'lastStarted']);
  });

  it('refuses an unknown column, an aggregate and an empty name, naming the position', () => {
    const unknown = queryError({ select: 'name,nameDepartment' });
    expect(unknown.message).toBe(`$select at position 5: unknown column 'nameDepartment' (the BatchTasks archive has: ${BATCH_TASK_COLUMNS.map((c) => c.name).join(', ')})`);
    expect(unknown).toMatchObject({ parameter: '$select', position: 5, construct: 'nameDepartment', kind: 'odata-query' });
    expect(queryError({ select: 'Count(name):Footer' })).toMatchObject({ position: 0, construct: 'Count(name):Footer' });
    expect(queryError({ select: 'name,,state' })).toMatchObject({ position: 5 });
    expect(queryError({ select: 'abc/col3' }).message).toContain("unknown column 'abc/col3'");
  });
});

describe('$mode and $jsonSafe', () => {
  it('Slim gives display values: list items by name, dates as the task spelt them, numbers and booleans as JSON', () => {
    const [row] = queryBatchTasks(TASKS, { filter: 'batchTaskId eq 1', select: 'state,lastStarted,isSystemTask,startCount,cancellationBehaviour,result' }, context).value;
    expect(row).toMatchObject({ state: 'Started', lastStarted: '2026-11-25T08:01:00+01:00', isSystemTask: true, startCount: 1, cancellationBehaviour: 'CanCancel', result: null });
  });

  it('Full gives the raw value and the display value of each column', () => {
    const [row] = queryBatchTasks(TASKS, { filter: 'batchTaskId eq 1', select: 'state,progressPercent,isSystemTask,result', mode: 'Full' }, context).value;
    expect(row).toEqual({
      PrimaryKey: 1,
      EntityName: 'batchtask',
      state: { RawValue: 3, DisplayValue: 'Started' },
      progressPercent: { RawValue: 40, DisplayValue: '40' },
      isSystemTask: { RawValue: true, DisplayValue: 'true' },
      result: { RawValue: null, DisplayValue: '' },
    });
  });

  it('Wide answers as Slim', () => {
    const query: ArchiveQuery = { select: 'name,state,created' };
    expect(queryBatchTasks(TASKS, { ...query, mode: 'Wide' }, context)).toEqual(queryBatchTasks(TASKS, query, context));
  });

  it('refuses an unknown mode', () => {
    expect(queryError({ mode: 'full' as never }).message).toBe("$mode at position 0: expected Slim, Wide or Full, found 'full'");
  });

  it('$jsonSafe keeps the (already safe) column names', () => {
    const [row] = queryBatchTasks(TASKS, { select: 'progressPercent', jsonSafe: true, top: 1 }, context).value;
    expect(Object.keys(row!)).toEqual(['PrimaryKey', 'EntityName', 'progressPercent']);
  });
});

describe('$filter operators', () => {
  it.each([
    // numbers
    ['progressPercent eq 100', [2, 6]],
    ['progressPercent = 100', [2, 6]],
    ['progressPercent equals 100', [2, 6]],
    ['progressPercent ne 100', [1, 3, 4, 5]],
    ['progressPercent unequals 100', [1, 3, 4, 5]],
    ['progressPercent lt 40', [4]],
    ['progressPercent less 40', [4]],
    ['progressPercent le 40', [1, 4]],
    ['progressPercent gt 55', [2, 6]],
    ['progressPercent greater 55', [2, 6]],
    ['progressPercent ge 55', [2, 3, 6]],
    ['progressPercent between (40, 55)', [1, 3]],
    ['progressPercent set', [1, 2, 3, 6]],
    ['startCount oneOf (1, 2)', [1, 2]],
    ['batchTaskId NotOneOf (1, 2, 3)', [4, 5, 6]],
    ['detailsTable eq 9 and detailsRecord eq 12', [6]],
    ['progressPercent eq -1', []],
    // strings, case-insensitive; no value reads as ''
    ["name eq 'exportsales'", [2]],
    ["name ne 'exportsales'", [1, 3, 4, 5, 6]],
    ["name is 'CLEANUP'", [4]],
    ["name isNot 'cleanup'", [1, 2, 3, 5, 6]],
    ["name contains 'port'", [1, 2, 3, 5]],
    ["name notContains 'port'", [4, 6]],
    ["name begins 'Export'", [1, 2, 5]],
    ["name notBegins 'export'", [3, 4, 6]],
    ["description eq 'O''Brien''s export'", [1]],
    ["description is ''", [2, 3, 4, 6]],
    ["fileName contains '.csv'", [2]],
    // associates
    ['associateId currentAssociate', [1, 3]],
    ['associateId associateIsOneOf (3, 0)', [2, 4, 6]],
    ['associateId associateIsNotOneOf (3, 0)', [1, 3, 5]],
    ['associateId eq 7', [1, 3]],
    ['associateId gt 0', [1, 2, 3, 6]],
    // list ids: by number or by name
    ['state eq 3', [1]],
    ['state eq Started', [1]],
    ["state eq 'succeeded'", [2]],
    ['state ne 1', [1, 2, 3, 5, 6]],
    ['state oneOf (4, 5, SucceededManualCleanup)', [2, 3, 6]],
    ['state NotOneOf (1, 2)', [1, 2, 3, 6]],
    ['cancellationBehaviour eq CannotCancel', [3]],
    // booleans
    ['isSystemTask eq true', [1, 4]],
    ['isSystemTask eq 0', [2, 3, 5, 6]],
    ['isSystemTask set', [1, 4]],
    // dates (UTC days)
    ["created before '2026-11-20'", [3, 6]],
    ["created after '2026-11-25'", [4]],
    ["created date '2026-11-25'", [1]],
    ['created date 2026-11-25', [1]],
    ["created dateBetween ('2026-11-16', '2026-11-20')", [2, 3]],
    ["created before '2026-11-25T09:00:00+02:00'", [2, 3, 6]],
    ['created beforeToday', [2, 3, 6]],
    ['created today', [1]],
    ['created afterToday', [4]],
    ['created lastWeek', [2, 3]],
    ['created thisWeek', [1]],
    ['created nextWeek', [4]],
    ['created lastMonth', [6]],
    ['created thisMonth', [1, 2, 3]],
    ['created nextMonth', [4]],
    ['created lastQuarter', []],
    ['created thisQuarter', [1, 2, 3, 4, 6]],
    ['created nextQuarter', []],
    ['created thisHalf', [1, 2, 3, 4, 6]],
    ['created thisYear', [1, 2, 3, 4, 6]],
    ['lastStarted today', [1]],
    // functions
    ["substringof('PORT', name)", [1, 2, 3, 5]],
    ["substringof(name, 'port')", [1, 2, 3, 5]],
    ["startswith(name, 'export')", [1, 2, 5]],
    ["endswith(name, 'S')", [1, 2, 3]],
    ["endswith(name, 'contacts')", [1]],
    ["startswith(name, 'export') eq true", [1, 2, 5]],
    ["startswith(name, 'export') eq false", [3, 4, 6]],
    ['this(created, week)', [1]],
    ["this(created, 'month')", [1, 2, 3]],
    ['next(created, 1, week)', [4]],
    ['next(created, 0, week)', []],
    ['previous(created, 1, week)', [2, 3]],
    ['previous(created, 2, month)', [6]],
    ['thisAndNext(created, 1, week)', [1, 4]],
    ['thisAndPrevious(created, 1, week)', [1, 2, 3]],
    ['thisAndPreviousAndNext(created, week)', [1, 2, 3, 4]],
    ['this(created, day)', [1]],
    ['this(created, year)', [1, 2, 3, 4, 6]],
    ['previous(created, 1, year)', []],
    ['next(created, 2, day)', []],
    ['thisAndNext(created, 6, day)', [1, 4]],
    ['previous(created, 1, quarter)', []],
    ['this(created, half)', [1, 2, 3, 4, 6]],
    // joined with and; names and operators are case-insensitive
    ["name BEGINS 'export' AND state EQ 3", [1]],
    ["name begins 'Export' and state eq 3", [1]],
    ['', [1, 2, 3, 4, 5, 6]],
  ] as Array<[string, number[]]>)('%s', (filter, expected) => {
    expect(filterIds(filter)).toEqual(expected);
  });

  it('periods are UTC calendar periods; weeks run Monday to Sunday', () => {
    const edges = ['2026-11-22T23:59:59Z', '2026-11-23T00:00:00Z', '2026-11-29T23:59:59.999Z', '2026-11-30T00:00:00Z', '2026-11-23T00:30:00+01:00'].map((Created, i) => task(i + 1, { Created }));
    expect(ids({ filter: 'created thisWeek' }, edges)).toEqual([2, 3]);
    expect(ids({ filter: 'created lastWeek' }, edges)).toEqual([1, 5]);
    expect(ids({ filter: 'created nextWeek' }, edges)).toEqual([4]);
    expect(ids({ filter: "created date '2026-11-22'" }, edges)).toEqual([1, 5]);
    const quarters = ['2026-09-30T23:59:59Z', '2026-10-01T00:00:00Z', '2026-12-31T23:59:59Z', '2027-01-01T00:00:00Z', '2026-06-30T12:00:00Z', '2026-07-01T00:00:00Z', '2026-01-01T00:00:00Z'].map((Created, i) => task(i + 1, { Created }));
    expect(ids({ filter: 'created thisQuarter' }, quarters)).toEqual([2, 3]);
    expect(ids({ filter: 'created lastQuarter' }, quarters)).toEqual([1, 6]);
    expect(ids({ filter: 'created nextQuarter' }, quarters)).toEqual([4]);
    expect(ids({ filter: 'created thisHalf' }, quarters)).toEqual([1, 2, 3, 6]);
    expect(ids({ filter: 'created thisYear' }, quarters)).toEqual([1, 2, 3, 5, 6, 7]);
    expect(ids({ filter: 'created lastMonth' }, quarters)).toEqual([2]);
  });

  it('NotOneOf on a list column keeps rows with no value', () => {
    expect(filterIds('state NotOneOf (1, 2)')).toEqual([1, 2, 3, 6]);
    expect(ids({ filter: 'state NotOneOf (3)' }, [task(9, { State: null })])).toEqual([9]);
    expect(ids({ filter: 'state oneOf (3)' }, [task(9, { State: null })])).toEqual([]);
  });
});

describe('$filter errors name the position and the construct', () => {
  it.each([
    ["name likes 'x'", 5, 'likes', "unknown operator 'likes'"],
    ["nam eq 'x'", 0, 'nam', "unknown column 'nam'"],
    ["name eq 'x' or state eq 3", 12, 'or', "'or' is not supported"],
    ["(name eq 'x')", 0, '(', 'parentheses are not supported'],
    ["not name eq 'x'", 0, 'not', "'not' is not supported"],
    ['progressPercent contains 3', 16, 'contains', "operator 'contains' does not apply to number column 'progressPercent'"],
    ["created gt '2026-01-01'", 8, 'gt', "operator 'gt' does not apply to date column 'created'"],
    ["name eq 'unterminated", 8, "'unterminated", 'unterminated string'],
    ['name eq 3', 8, '3', "column 'name' takes a string in single quotes"],
    ["progressPercent eq '3'", 19, "'3'", "column 'progressPercent' takes a whole number"],
    ['progressPercent eq 1.5', 19, '1.5', 'takes a whole number'],
    ['state eq 7', 9, '7', "column 'state' takes one of Unknown = 0"],
    ['state eq Running', 9, 'Running', "column 'state' takes one of"],
    ["created date '2026-02-31'", 13, "'2026-02-31'", 'takes an ISO date'],
    ['isSystemTask eq maybe', 16, 'maybe', 'takes true or false'],
    ['progressPercent between (1)', 16, 'between', "'between' takes exactly two values"],
    ['progressPercent between (1, 2, 3)', 16, 'between', "'between' takes exactly two values"],
    ['progressPercent between 1, 2', 24, '1', "expected '('"],
    ['state oneOf (1 2)', 15, '2', "expected ',' or ')'"],
    ['state oneOf ()', 13, ')', "column 'state' takes one of"],
    ["name eq 'x' state eq 3", 12, 'state', "expected 'and' or the end of the filter"],
    ["name eq 'x' and", 15, 'the end of the filter', 'expected a column or a function'],
    ['name', 4, 'the end of the filter', "expected an operator after column 'name'"],
    ['name state', 5, 'state', "expected an operator after column 'name', found column 'state'"],
    ['name eq', 7, 'the end of the filter', "column 'name' takes a string in single quotes here, found the end of the filter: write `name eq 'text'`"],
    ["name eq 'x' and and", 16, 'and', "expected a condition before 'and'"],
    ["name eq 'x' < 3", 12, '<', "unexpected character '<'"],
    ["contains(name, 'x')", 0, 'contains', "unknown function 'contains'"],
    ["startswith(progressPercent, 'x')", 11, 'progressPercent', "function 'startswith' applies to string columns"],
    ['startswith(name, 3)', 17, '3', "function 'startswith' takes a string in single quotes"],
    ["startswith(name 'x')", 16, "'x'", "expected ','"],
    ["startswith(name, 'x'", 20, 'the end of the filter', "expected ')'"],
    ["startswith(name, 'x') eq 1", 25, '1', 'can only be compared with true or false'],
    ['this(name, week)', 5, 'name', "function 'this' applies to date columns"],
    ['this(created, fortnight)', 14, 'fortnight', 'takes a period (day, week, month, quarter, half, year)'],
    ['next(created, week)', 14, 'week', 'takes a whole number of periods from 0 to 1000'],
    ['next(created, 1001, week)', 14, '1001', 'takes a whole number of periods'],
    ['next(created, -1, week)', 14, '-1', 'takes a whole number of periods'],
    ['progressPercent eq 12abc', 19, '12abc', "cannot read '12abc'"],
    ['created today 3', 14, '3', "operator 'today' takes no value, found '3': write `created today`"],
    // Errors that teach: an operator of no value where a value goes, a value where none belongs,
    // no value where one does; each shows the form that works.
    ['associateId eq currentAssociate', 15, 'currentAssociate', "'currentAssociate' is an operator that takes no value, not a value: write `associateId currentAssociate`"],
    ['associateId currentAssociate 195', 29, '195', "operator 'currentAssociate' takes no value, found '195': write `associateId currentAssociate`"],
    ['created before today', 15, 'today', 'write `created today`'],
    ["name begins and state eq 3", 12, 'and', "column 'name' takes a string in single quotes here, found 'and': write `name begins 'text'`"],
    ['state oneOf', 11, 'the end of the filter', 'write `state oneOf (Unknown, ...)`'],
    ["name eq 'x' and 3", 16, '3', 'expected a column or a function'],
  ])('%s', (filter, position, construct, problem) => {
    const error = queryError({ filter });
    expect(error).toMatchObject({ parameter: '$filter', position, construct });
    expect(error.message).toContain(`$filter at position ${position}: `);
    expect(error.message).toContain(problem);
  });

  it('bounds the length and the number of conditions', () => {
    const long = queryError({ filter: `name eq '${'x'.repeat(MAX_PARAMETER_LENGTH)}'` });
    expect(long.message).toBe(`$filter at position ${MAX_PARAMETER_LENGTH}: longer than ${MAX_PARAMETER_LENGTH} characters`);
    const conditions = Array.from({ length: MAX_FILTER_CONDITIONS + 1 }, () => 'state eq 1');
    const many = queryError({ filter: conditions.join(' and ') });
    expect(many.position).toBe(MAX_FILTER_CONDITIONS * 'state eq 1 and '.length);
    expect(many.message).toContain(`more than ${MAX_FILTER_CONDITIONS} conditions`);
    expect(filterIds(conditions.slice(1).join(' and '))).toEqual([4]);
  });

  it('any text either reads or fails with an ODataQueryError, never another exception', () => {
    const pieces = fc.constantFrom('name', 'state', 'created', 'eq', 'and', 'or', '(', ')', ',', "'x'", "'", '3', '-', 'between', 'oneOf', 'this', 'week', 'startswith', '=', ' ', '2026-01-01', 'currentAssociate', 'today');
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 60 }), fc.array(pieces, { maxLength: 12 }).map((parts) => parts.join(' '))), (filter) => {
        try {
          queryBatchTasks(TASKS, { filter }, context);
        } catch (error) {
          expect(error).toBeInstanceOf(ODataQueryError);
          const { position } = error as ODataQueryError;
          expect(position).toBeGreaterThanOrEqual(0);
          expect(position).toBeLessThanOrEqual(filter.length);
        }
      }),
      { seed: 20261129, numRuns: 500 },
    );
  });
});

describe('$orderBy', () => {
  it('sorts by several columns, each asc or desc, ties by PrimaryKey', () => {
    expect(ids({ orderBy: 'progressPercent desc' })).toEqual([2, 6, 3, 1, 4, 5]);
    expect(ids({ orderBy: 'associateId,progressPercent desc' })).toEqual([5, 4, 2, 6, 3, 1]);
    expect(ids({ orderBy: 'ASSOCIATEID ASC, name' })).toEqual([5, 4, 2, 6, 1, 3]);
    expect(ids({ orderBy: 'state' })).toEqual([4, 5, 1, 2, 3, 6]);
    expect(ids({ orderBy: 'created desc' })).toEqual([4, 1, 2, 3, 6, 5]);
    expect(ids({ orderBy: 'name' })).toEqual([4, 5, 1, 2, 3, 6]);
    expect(ids({})).toEqual([1, 2, 3, 4, 5, 6]);
    // Sorting and filtering by columns that are not selected.
    expect(ids({ select: 'name', orderBy: 'startCount desc', filter: 'detailsTable eq 0 and fileName isNot \'\'' })).toEqual([2]);
    expect(ids({ select: 'name', orderBy: 'startCount desc' })).toEqual([2, 1, 3, 4, 5, 6]);
    // Ties go by PrimaryKey, not by the store's order.
    const reversed = [...TASKS].reverse();
    expect(ids({}, reversed)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(ids({ orderBy: 'associateId desc' }, reversed)).toEqual([1, 3, 2, 6, 4, 5]);
  });

  it('refuses an unknown column or direction, naming the position', () => {
    expect(queryError({ orderBy: 'name, colour desc' })).toMatchObject({ parameter: '$orderBy', position: 6, construct: 'colour' });
    const direction = queryError({ orderBy: 'name, state downwards' });
    expect(direction).toMatchObject({ position: 12, construct: 'downwards' });
    expect(direction.message).toBe("$orderBy at position 12: expected asc or desc after 'state', found 'downwards'");
    expect(queryError({ orderBy: 'name asc desc' })).toMatchObject({ position: 5, construct: 'asc desc' });
  });
});

describe('$top, $skip and paging', () => {
  const many = Array.from({ length: 120 }, (_, i) => task(1000 + i, { ProgressPercent: i % 7 }));

  it('answers at most ARCHIVE_PAGE_SIZE rows, and a nextLink exactly when more remain', () => {
    const first = queryBatchTasks(many, {}, context);
    expect(first.value).toHaveLength(ARCHIVE_PAGE_SIZE);
    expect(first['odata.nextLink']).toBe(`next:${JSON.stringify({ skip: ARCHIVE_PAGE_SIZE })}`);
    const last = queryBatchTasks(many, { skip: 100 }, context);
    expect(last.value).toHaveLength(20);
    expect(last).not.toHaveProperty('odata.nextLink');
    const exact = queryBatchTasks(many, { top: ARCHIVE_PAGE_SIZE }, context);
    expect(exact.value).toHaveLength(ARCHIVE_PAGE_SIZE);
    expect(exact).not.toHaveProperty('odata.nextLink');
    const limited = queryBatchTasks(many, { top: 70, skip: 5, select: 'name' }, context);
    expect(limited['odata.nextLink']).toBe(`next:${JSON.stringify({ top: 20, skip: 55, select: 'name' })}`);
  });

  it('applies $top and $skip after filtering and sorting', () => {
    expect(ids({ orderBy: 'progressPercent desc', skip: 1, top: 2 })).toEqual([6, 3]);
    expect(ids({ top: 0 })).toEqual([]);
    expect(ids({ skip: 99 })).toEqual([]);
  });

  it('refuses a negative or fractional $top or $skip', () => {
    expect(queryError({ top: -1 }).message).toBe('$top at position 0: expected a whole number from 0 to 2147483647, found -1');
    expect(queryError({ skip: 1.5 })).toMatchObject({ parameter: '$skip', construct: '1.5' });
  });

  const stateNames = ['Unknown', 'New', 'Aquired', 'Started', 'Succeeded', 'Failed', 'SucceededManualCleanup', 'All'];
  const arbitraryTask = fc.record({
    Name: fc.option(fc.constantFrom('Export', 'export', 'Import', 'Clean', ''), { nil: null }),
    State: fc.option(fc.constantFrom(...stateNames), { nil: null }),
    ProgressPercent: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
    AssociateId: fc.option(fc.integer({ min: 0, max: 8 }), { nil: null }),
    Created: fc.option(fc.integer({ min: Date.UTC(2026, 8, 1), max: Date.UTC(2027, 2, 1) }).map((ms) => new Date(ms).toISOString()), { nil: null }),
  });
  const arbitraryTasks = fc.array(arbitraryTask, { maxLength: 120 }).map((fields) => fields.map((f, i) => task(i + 1, f)));
  const arbitraryQuery = fc.record(
    {
      filter: fc.constantFrom('', 'state oneOf (1, 3, 4)', "name begins 'export'", 'progressPercent ge 2', 'associateId currentAssociate', 'created thisMonth', 'created beforeToday and progressPercent lt 4'),
      orderBy: fc.constantFrom('name', 'state desc', 'progressPercent desc,name', 'created', 'associateId asc, state desc'),
      top: fc.integer({ min: 0, max: 300 }),
      skip: fc.integer({ min: 0, max: 300 }),
      select: fc.constantFrom('name', 'name,state', 'progressPercent,created,associateId'),
      mode: fc.constantFrom('Slim' as const, 'Full' as const),
    },
    { requiredKeys: [] },
  );

  it('following the nextLinks visits every matching row once, in order: the pages concatenate to the unpaged answer', () => {
    fc.assert(
      fc.property(arbitraryTasks, arbitraryQuery, fc.integer({ min: 1, max: 60 }), (tasks, query, pageSize) => {
        // The links are real query strings, read back as the front reads a request.
        const linking: ArchiveContext = { ...context, nextLink: (q) => `http://127.0.0.1:4010/api/v1/BatchTask?${formatArchiveQuery(q)}` };
        const rows: ArchiveRow[] = [];
        let page = queryBatchTasks(tasks, query, linking, { pageSize });
        expectValidPage(page);
        rows.push(...page.value);
        let pages = 1;
        while (page['odata.nextLink'] !== undefined) {
          expect(page.value).toHaveLength(pageSize);
          const next = parseArchiveQuery(new URL(page['odata.nextLink']).searchParams);
          page = queryBatchTasks(tasks, next, linking, { pageSize });
          expectValidPage(page);
          rows.push(...page.value);
          expect(++pages).toBeLessThanOrEqual(tasks.length + 1);
        }
        expect(page.value.length).toBeLessThanOrEqual(pageSize);
        const all = queryBatchTasks(tasks, query, context, { pageSize: Number.MAX_SAFE_INTEGER });
        expect(all).not.toHaveProperty('odata.nextLink');
        expect(rows).toEqual(all.value);
        expect(new Set(rows.map((r) => r.PrimaryKey)).size).toBe(rows.length);
        for (const row of rows) {
          expect(Number.isInteger(row.PrimaryKey)).toBe(true);
          expect(row.EntityName).toBe('batchtask');
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('the unpaged answer is the filtered rows, sorted, then skipped and limited', () => {
    fc.assert(
      fc.property(arbitraryTasks, arbitraryQuery, (tasks, query) => {
        const { top, skip, ...rest } = query;
        const all = queryBatchTasks(tasks, rest, context, { pageSize: Number.MAX_SAFE_INTEGER }).value;
        const from = skip ?? 0;
        const expected = all.slice(from, top === undefined ? undefined : from + top);
        expect(queryBatchTasks(tasks, query, context, { pageSize: Number.MAX_SAFE_INTEGER }).value).toEqual(expected);
        // Every kept row passes the filter on its own, and no dropped task does.
        const kept = new Set(all.map((row) => row.PrimaryKey));
        for (const t of tasks) expect(queryBatchTasks([t], { filter: rest.filter }, context).value.length).toBe(kept.has(t.Id as number) ? 1 : 0);
      }),
      { seed: 7, numRuns: 100 },
    );
  });
});

describe('rows against the spec', () => {
  it('every mode, every column, jsonSafe or not: the page validates against ODataSlimResponse', () => {
    const select = BATCH_TASK_COLUMNS.map((c) => c.name).join(',');
    for (const mode of ['Slim', 'Wide', 'Full'] as const) {
      for (const jsonSafe of [false, true]) {
        const page = queryBatchTasks([...TASKS, task(7, { State: null, Created: new Date(NOW), Name: null })], { select, mode, jsonSafe }, context);
        expect(page.value).toHaveLength(7);
        expectValidPage(page);
      }
    }
    expect(validatePage({ value: [{ PrimaryKey: 'x', EntityName: 'batchtask' }] })).toBe(false);
  });

  it('skips a task without an integer Id: PrimaryKey is an int32', () => {
    expect(ids({}, [task(1), { ...task(2), Id: null }, { ...task(3), Id: '3' }])).toEqual([1]);
  });
});

describe('the query string', () => {
  it('reads the spec\'s parameter names and writes them back for odata.nextLink', () => {
    const params = new URLSearchParams("$select=name,state&$filter=name begins 'Export' and state eq 3&$orderBy=name desc&$top=70&$skip=5&$mode=Full&$jsonSafe=False");
    const query = parseArchiveQuery(params);
    expect(query).toEqual({ select: 'name,state', filter: "name begins 'Export' and state eq 3", orderBy: 'name desc', top: 70, skip: 5, mode: 'Full', jsonSafe: false });
    expect(parseArchiveQuery(new URLSearchParams(formatArchiveQuery(query)))).toEqual(query);
    expect(parseArchiveQuery(new URLSearchParams('$jsonSafe=true'))).toEqual({ jsonSafe: true });
    expect(parseArchiveQuery(new URLSearchParams(''))).toEqual({});
  });

  it('round-trips any query', () => {
    const arbitrary = fc.record(
      {
        select: fc.string(),
        filter: fc.string(),
        orderBy: fc.string(),
        top: fc.integer({ min: 0, max: 2_147_483_647 }),
        skip: fc.integer({ min: 0, max: 2_147_483_647 }),
        mode: fc.constantFrom('Slim' as const, 'Wide' as const, 'Full' as const),
        jsonSafe: fc.boolean(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(arbitrary, (query) => {
        expect(parseArchiveQuery(new URLSearchParams(formatArchiveQuery(query)))).toEqual(query);
      }),
      { seed: 3, numRuns: 300 },
    );
  });

  it.each([
    ['$top=-1', '$top', '-1'],
    ['$top=ten', '$top', 'ten'],
    ['$skip=1.5', '$skip', '1.5'],
    ['$skip=2147483648', '$skip', '2147483648'],
    ['$mode=full', '$mode', 'full'],
    ['$jsonSafe=yes', '$jsonSafe', 'yes'],
  ])('refuses %s', (text, parameter, construct) => {
    let error: unknown;
    try {
      parseArchiveQuery(new URLSearchParams(text));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ODataQueryError);
    expect(error).toMatchObject({ parameter, position: 0, construct });
    expect((error as Error).message).toContain(`${parameter} at position 0: expected`);
  });
});

describe('dates before the year 100 are those years', () => {
  // Date.UTC reads the years 0 to 99 as 1900 to 1999: 0099-12-31 was 1999-12-31, and .NET's
  // DateTime.MinValue (0001-01-01) was 1901.
  const old = [
    task(1, { Created: '0001-01-01T00:00:00' }),
    task(2, { Created: '0099-06-15T00:00:00Z' }),
    task(3, { Created: '1999-06-15T00:00:00Z' }),
    task(4, { Created: '1901-06-15T00:00:00Z' }),
    task(5, { Created: '2026-01-01T00:00:00Z' }),
  ];

  it.each([
    ["created before '0099-12-31'", [1, 2]],
    ["created before '0002-01-01'", [1]],
    ["created date '0001-01-01'", [1]],
    ["created after '1900-01-01'", [3, 4, 5]],
    ["created dateBetween ('0001-01-01', '0100-01-01')", [1, 2]],
  ])('%s', (filter, expected) => {
    expect(ids({ filter }, old)).toEqual(expected);
  });

  it('DateTime.MinValue sorts first, before the year 1901', () => {
    expect(ids({ orderBy: 'created' }, old)).toEqual([1, 2, 4, 3, 5]);
    expect(ids({ orderBy: 'created desc' }, old)).toEqual([5, 3, 4, 2, 1]);
  });

  it('29 February of the year 4 exists; of the year 1 it does not', () => {
    expect(ids({ filter: "created date '0004-02-29'" }, [task(1, { Created: '0004-02-29T10:00:00Z' })])).toEqual([1]);
    expect(queryError({ filter: "created date '0001-02-29'" }).message).toMatch(/takes an ISO date/);
  });
});

describe('the list cap holds at its number', () => {
  // One-digit values, no spaces: 1,001 of them fit in the 4096 characters a $filter may have.
  const values = (n: number) => Array.from({ length: n }, (_, i) => i % 10).join(',');
  const list = (n: number) => `startCount oneOf (${values(n)})`;
  it(`MAX_LIST_VALUES (${MAX_LIST_VALUES}) values are taken, one more is refused`, () => {
    expect(MAX_LIST_VALUES).toBe(1000);
    expect(() => ids({ filter: list(1000) })).not.toThrow();
    expect(queryError({ filter: list(1001) }).message).toMatch(/more than 1000 values in the filter's lists/);
    // The cap is for all the lists together, each list's first value counted.
    const two = `${list(500)} and progressPercent oneOf (${values(501)})`;
    expect(() => ids({ filter: `${list(500)} and progressPercent oneOf (${values(500)})` })).not.toThrow();
    expect(queryError({ filter: two }).message).toMatch(/more than 1000 values/);
  });
});

describe('$format survives paging', () => {
  it('is read from the query string and written into odata.nextLink', () => {
    const many = Array.from({ length: 60 }, (_, i) => task(100 + i));
    const query = parseArchiveQuery(new URLSearchParams('$select=name&$format=XML'));
    expect(query).toEqual({ select: 'name', format: 'XML' });
    const linking: ArchiveContext = { ...context, nextLink: (q) => `http://127.0.0.1:4010/api/v1/BatchTask?${formatArchiveQuery(q)}` };
    const next = new URL(queryBatchTasks(many, query, linking)['odata.nextLink']!);
    expect(next.searchParams.get('$format')).toBe('XML');
    expect(parseArchiveQuery(next.searchParams)).toEqual({ select: 'name', format: 'XML', skip: ARCHIVE_PAGE_SIZE });
  });

  it('refuses a $format other than JSON or XML', () => {
    expect(() => parseArchiveQuery(new URLSearchParams('$format=CSV'))).toThrow(/\$format at position 0: expected JSON or XML, found 'CSV'/);
  });
});
