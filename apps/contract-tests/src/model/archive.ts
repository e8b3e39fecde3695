import fc from 'fast-check';
import { BatchModel, expectThat, REAL_STATES, type ListFilter, type ModelTask, type TaskState } from './model.ts';

// GET /api/v1/BatchTask's OData queries, from a small grammar: $filter joins (with `and`) at most
// one condition per column over name (eq), state (eq, spelt as its name, its number or a quoted
// name in another case), associateId (eq, oneOf) and isSystemTask (eq); $orderBy one or two
// columns; $top and $skip; $select (always including the columns the order is by, so that the
// answer itself shows it is in order). The model answers the same query from its tasks.

/** A name: one the target has (by position in the model's sorted names, in some casing), or a fixed one. */
export type NameRef = { kind: 'known'; index: number; casing: 'same' | 'lower' | 'upper' } | { kind: 'fixed'; name: string };
/** An owner: one the target has (by position), or a fixed one. */
export type AssociateRef = { kind: 'known'; index: number } | { kind: 'fixed'; id: number };

export const nameRef: fc.Arbitrary<NameRef> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('known' as const), index: fc.nat(200), casing: fc.constantFrom('same' as const, 'lower' as const, 'upper' as const) }) },
  // Whole names only: 'Export' finds no ExportJob.
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('fixed' as const), name: fc.constantFrom('ExportJob', 'exportjob', 'Export', 'ModelJob', 'NoSuchJob') }) },
);
export const associateRef: fc.Arbitrary<AssociateRef> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('known' as const), index: fc.nat(200) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('fixed' as const), id: fc.constantFrom(0, 195, 497, 840, 12_345) }) },
);

export function resolveName(model: BatchModel, ref: NameRef): string {
  if (ref.kind === 'fixed' || model.names.length === 0) return ref.kind === 'fixed' ? ref.name : 'ExportJob';
  const name = model.names[ref.index % model.names.length]!;
  return ref.casing === 'lower' ? name.toLowerCase() : ref.casing === 'upper' ? name.toUpperCase() : name;
}

export function resolveAssociate(model: BatchModel, ref: AssociateRef): number {
  if (ref.kind === 'fixed' || model.associates.length === 0) return ref.kind === 'fixed' ? ref.id : 195;
  return model.associates[ref.index % model.associates.length]!;
}

export const nameRefText = (ref: NameRef) => (ref.kind === 'fixed' ? JSON.stringify(ref.name) : `name#${ref.index}${ref.casing === 'same' ? '' : `(${ref.casing})`}`);
export const associateRefText = (ref: AssociateRef) => (ref.kind === 'fixed' ? String(ref.id) : `associate#${ref.index}`);

type Column = 'batchTaskId' | 'name' | 'state' | 'associateId' | 'isSystemTask' | 'description';
const COLUMNS: readonly Column[] = ['batchTaskId', 'name', 'state', 'associateId', 'isSystemTask', 'description'];
const SORTABLE: readonly Column[] = ['batchTaskId', 'name', 'state', 'associateId', 'isSystemTask'];
const PROPERTY: Record<Column, string> = { batchTaskId: 'Id', name: 'Name', state: 'State', associateId: 'AssociateId', isSystemTask: 'IsSystemTask', description: 'Description' };

export interface ArchiveQuerySpec {
  name?: NameRef;
  state?: { state: TaskState; spelling: 'name' | 'number' | 'quoted-lower' };
  associates?: { op: 'eq'; ref: AssociateRef } | { op: 'oneOf'; refs: AssociateRef[] };
  system?: boolean;
  orderBy: { column: Column; descending: boolean }[];
  /** Columns besides the sort columns; none at all means no $select (the default columns). */
  select: Column[] | 'default';
  top?: number;
  skip?: number;
}

/** Present one time in three: most queries leave most of the grammar out (and so reach past one page). */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });

export const archiveQuery: fc.Arbitrary<ArchiveQuerySpec> = fc
  .record({
    name: sometimes(nameRef),
    state: sometimes(fc.record({ state: fc.constantFrom(...REAL_STATES), spelling: fc.constantFrom('name' as const, 'number' as const, 'quoted-lower' as const) })),
    associates: sometimes(
      fc.oneof(
        fc.record({ op: fc.constant('eq' as const), ref: associateRef }),
        fc.record({ op: fc.constant('oneOf' as const), refs: fc.array(associateRef, { minLength: 1, maxLength: 3 }) }),
      ),
    ),
    system: sometimes(fc.boolean()),
    orderBy: fc.uniqueArray(fc.record({ column: fc.constantFrom(...SORTABLE), descending: fc.boolean() }), { maxLength: 2, selector: (key) => key.column }),
    select: fc.oneof(fc.constant('default' as const), fc.subarray([...COLUMNS])),
    top: sometimes(fc.integer({ min: 0, max: 60 })),
    skip: sometimes(fc.integer({ min: 0, max: 60 })),
  })
  // Absent, not undefined: the spec's optional properties.
  .map((spec) => Object.fromEntries(Object.entries(spec).filter(([, value]) => value !== undefined)) as unknown as ArchiveQuerySpec);

/** The query as GET /BatchTask's parameters (resolved against the model) and the list filter it means. */
export function resolveArchiveQuery(model: BatchModel, spec: ArchiveQuerySpec): { params: URLSearchParams; filter: ListFilter; selected: Column[] } {
  const conditions: string[] = [];
  const filter: ListFilter = {};
  if (spec.name) {
    const name = resolveName(model, spec.name);
    conditions.push(`name eq '${name.replaceAll("'", "''")}'`);
    filter.name = name;
  }
  if (spec.state) {
    const { state, spelling } = spec.state;
    conditions.push(`state eq ${spelling === 'name' ? state : spelling === 'number' ? REAL_STATES.indexOf(state) : `'${state.toLowerCase()}'`}`);
    filter.state = state;
  }
  if (spec.associates) {
    const ids = spec.associates.op === 'eq' ? [resolveAssociate(model, spec.associates.ref)] : spec.associates.refs.map((ref) => resolveAssociate(model, ref));
    conditions.push(spec.associates.op === 'eq' ? `associateId eq ${ids[0]}` : `associateId oneOf (${ids.join(', ')})`);
    filter.associateIds = ids;
  }
  if (spec.system !== undefined) {
    conditions.push(`isSystemTask eq ${spec.system}`);
    filter.system = spec.system;
  }
  const params = new URLSearchParams();
  const sortColumns = spec.orderBy.map((key) => key.column);
  // The default columns hold every sortable column but isSystemTask.
  const defaults: Column[] = ['batchTaskId', 'name', 'description', 'state', 'associateId'];
  const chosen = [...new Set([...sortColumns, ...(spec.select === 'default' ? defaults : spec.select)])];
  const selected: Column[] = chosen.length > 0 ? chosen : ['batchTaskId'];
  if (spec.select !== 'default' || sortColumns.includes('isSystemTask')) params.set('$select', selected.join(','));
  if (conditions.length > 0) params.set('$filter', conditions.join(' and '));
  if (spec.orderBy.length > 0) params.set('$orderBy', spec.orderBy.map((key) => `${key.column}${key.descending ? ' desc' : ''}`).join(','));
  if (spec.top !== undefined) params.set('$top', String(spec.top));
  if (spec.skip !== undefined) params.set('$skip', String(spec.skip));
  return { params, filter, selected };
}

export function archiveQueryText(spec: ArchiveQuerySpec): string {
  const parts: string[] = [];
  if (spec.name) parts.push(`name eq ${nameRefText(spec.name)}`);
  if (spec.state) parts.push(`state eq ${spec.state.state}(${spec.state.spelling})`);
  if (spec.associates) parts.push(spec.associates.op === 'eq' ? `associateId eq ${associateRefText(spec.associates.ref)}` : `associateId oneOf(${spec.associates.refs.map(associateRefText).join(',')})`);
  if (spec.system !== undefined) parts.push(`isSystemTask eq ${spec.system}`);
  const rest = [
    spec.orderBy.length ? `orderBy ${spec.orderBy.map((key) => `${key.column}${key.descending ? ' desc' : ''}`).join(',')}` : '',
    spec.select === 'default' ? '' : `select ${spec.select.join(',') || '(sort columns)'}`,
    spec.top === undefined ? '' : `top ${spec.top}`,
    spec.skip === undefined ? '' : `skip ${spec.skip}`,
  ].filter(Boolean);
  return `GetAll(${[parts.length ? `filter ${parts.join(' and ')}` : '', ...rest].filter(Boolean).join('; ')})`;
}

type Value = string | number | boolean | null;

/** A row's value of a column as the archive sorts it: state by its number. */
function sortValue(column: Column, value: unknown): Value {
  if (column === 'state') return typeof value === 'string' ? REAL_STATES.indexOf(value as TaskState) : null;
  return value === undefined ? null : (value as Value);
}

/** The archive's order: nulls first, strings case-insensitively (then by code point), numbers and booleans by value. */
function compareValues(a: Value, b: Value, strings: boolean): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === 'string' && typeof b === 'string') {
    if (!strings) return 0;
    const lowerA = a.toLowerCase();
    const lowerB = b.toLowerCase();
    if (lowerA !== lowerB) return lowerA < lowerB ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  return Number(a) < Number(b) ? -1 : Number(a) > Number(b) ? 1 : 0;
}

type Row = Record<string, unknown> & { PrimaryKey: number };

/** The model's value of a column for a task: undefined when it does not know it. */
function modelValue(task: ModelTask, column: Column): Value | undefined {
  if (column === 'batchTaskId') return task.Id;
  if (column === 'state') return task.states.length === 1 ? REAL_STATES.indexOf(task.states[0]!) : undefined;
  const property = PROPERTY[column];
  return property in task.known ? (task.known[property] as Value) : undefined;
}

export interface ArchiveCheck {
  /** Whether string order is checked (the mock's order; a real server sorts by its collation). */
  strings: boolean;
  /**
   * Whether `rows` are the whole answer, read from one state of the target. false for one page of
   * several while tasks the answer depends on changed between the pages: then each row and the
   * page's order are checked, not which rows are there.
   */
  whole: boolean;
}

/** Checks the rows of one GetAll (every page, odata.nextLink followed; or one page) against the model. */
export function expectArchive(model: BatchModel, spec: ArchiveQuerySpec, filter: ListFilter, selected: readonly Column[], rows: readonly unknown[], where: string, check: ArchiveCheck): void {
  const { strings } = check;
  const seen = new Set<number>();
  const order = spec.orderBy;
  const compareRows = (a: Row, b: Row) => {
    for (const { column, descending } of order) {
      const result = compareValues(sortValue(column, a[column]), sortValue(column, b[column]), strings);
      if (result !== 0) return descending ? -result : result;
    }
    return a.PrimaryKey - b.PrimaryKey;
  };
  let previous: Row | undefined;
  for (const item of rows) {
    expectThat(item && typeof item === 'object' && typeof (item as Row).PrimaryKey === 'number', () => `${where}: a row has no PrimaryKey: ${JSON.stringify(item)}`);
    const row = item as Row;
    const id = row.PrimaryKey;
    expectThat(!seen.has(id), () => `${where}: row ${id} is answered twice`);
    seen.add(id);
    expectThat(!model.gone.has(id), () => `${where}: task ${id} was deleted, but is still in the archive`);
    for (const column of selected) expectThat(column in row, () => `${where}: row ${id} lacks the selected column ${column}: ${JSON.stringify(row)}`);
    if (previous && strings) {
      const before = previous;
      expectThat(compareRows(before, row) < 0, () => `${where}: row ${id} comes after row ${before.PrimaryKey}, against $orderBy ${order.map((key) => `${key.column}${key.descending ? ' desc' : ''}`).join(',') || '(none: by PrimaryKey)'}`);
    }
    previous = row;
    // Each row fits the filter by its own columns.
    const misfits: string[] = [];
    if ('name' in row && filter.name !== undefined && String(row.name ?? '').toLowerCase() !== filter.name.toLowerCase()) misfits.push(`name ${JSON.stringify(row.name)}`);
    if ('state' in row && filter.state !== undefined && row.state !== filter.state) misfits.push(`state ${JSON.stringify(row.state)}`);
    if ('associateId' in row && Array.isArray(filter.associateIds) && !filter.associateIds.includes(row.associateId as number)) misfits.push(`associateId ${JSON.stringify(row.associateId)}`);
    if ('isSystemTask' in row && filter.system !== undefined && row.isSystemTask !== filter.system) misfits.push(`isSystemTask ${JSON.stringify(row.isSystemTask)}`);
    expectThat(misfits.length === 0, () => `${where}: row ${id} does not fit the filter: ${misfits.join('; ')}`);
    const task = model.tasks.get(id);
    if (!task) {
      expectThat(!model.exact, () => `${where}: answers row ${id}, which the model does not have`);
      continue;
    }
    expectThat(model.fits(task, filter) !== 'no', () => `${where}: row ${id} is answered, but task ${id} does not fit the filter`);
    const wrong: string[] = [];
    for (const column of selected) {
      if (column === 'state') {
        if (!task.states.includes(row.state as TaskState)) wrong.push(`state ${JSON.stringify(row.state)}, expected ${task.states.join('/')}`);
        else model.noteState(task, row.state);
        continue;
      }
      const expected = column === 'batchTaskId' ? task.Id : task.known[PROPERTY[column]];
      if ((column === 'batchTaskId' || PROPERTY[column] in task.known) && row[column] !== expected) wrong.push(`${column} ${JSON.stringify(row[column])}, expected ${JSON.stringify(expected)}`);
    }
    expectThat(wrong.length === 0, () => `${where}: row ${id} has ${wrong.join('; ')}`);
  }

  if (!check.whole) return;
  // Which rows: exactly the model's when it knows every task and every sort value; otherwise bounds.
  const candidates = [...model.tasks.values()].map((task) => ({ task, fit: model.fits(task, filter) })).filter(({ fit }) => fit !== 'no');
  const sure = candidates.filter(({ fit }) => fit === 'yes').map(({ task }) => task);
  const skip = spec.skip ?? 0;
  const top = spec.top ?? Infinity;
  const sortKnown = candidates.every(({ task }) => order.every(({ column }) => modelValue(task, column) !== undefined));
  if (model.exact && strings && sure.length === candidates.length && sortKnown) {
    const expected = [...sure]
      .sort((a, b) => {
        for (const { column, descending } of order) {
          const result = compareValues(modelValue(a, column)!, modelValue(b, column)!, true);
          if (result !== 0) return descending ? -result : result;
        }
        return a.Id - b.Id;
      })
      .slice(skip, skip + top)
      .map((task) => task.Id);
    const got = rows.map((row) => (row as Row).PrimaryKey);
    expectThat(JSON.stringify(got) === JSON.stringify(expected), () => `${where}: answered rows [${got.join(', ')}], expected [${expected.join(', ')}]`);
    return;
  }
  expectThat(rows.length <= top, () => `${where}: answered ${rows.length} rows, more than $top ${top}`);
  if (skip === 0 && top === Infinity) {
    for (const task of sure) expectThat(seen.has(task.Id), () => `${where}: task ${task.Id} fits the filter, but is not in the archive`);
  }
  if (model.exact) {
    const least = Math.min(top, Math.max(0, sure.length - skip));
    const most = Math.min(top, Math.max(0, candidates.length - skip));
    expectThat(rows.length >= least && rows.length <= most, () => `${where}: answered ${rows.length} rows, expected ${least === most ? least : `${least} to ${most}`}`);
  }
}
