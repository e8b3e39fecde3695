import fc from 'fast-check';
import { readArchive, type ArchiveFacts } from '@so-batch/spec/archive';
import { loadSpec } from '../openapi.ts';
import { BatchModel, expectThat, REAL_STATES, type ListFilter, type ModelTask, type TaskState } from './model.ts';

// GET /api/v1/BatchTask's OData queries, from a small grammar: $filter joins (with `and`) at most
// one condition per column over name (eq), state (eq, spelt as its name, its number or a quoted
// name in another case), associateId (eq, oneOf) and isSystemTask (eq); $orderBy one or two
// of the archive's sortable columns; $top and $skip; $select of any of its columns (always
// including the columns the order is by, so that the answer itself shows it is in order). The
// columns are the spec's (see ARCHIVE below). The model answers the same query from its tasks.

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

// The archive's columns are the spec's (x-so-batch-archive, read by readArchive from the bundled
// spec): a column added there is selected, sorted and checked here with no edit. What a column's
// kind means stays hand-written below (the model is the oracle): which cell a task shows, and
// how the cells of a kind sort (ODataOrderBy: strings case-insensitively, list items by their
// number, missing values first ascending).

type Column = string;

/** The kinds the model knows: a column of any other kind fails the model at load, naming it. */
const MODEL_KINDS = ['int', 'associate', 'string', 'bool', 'list', 'date'] as const;
type ModelKind = (typeof MODEL_KINDS)[number];
/** The kinds the model knows how to order: all of them (a kind it could show but not sort would be left out of $orderBy). */
const ORDERED_KINDS: ReadonlySet<ModelKind> = new Set(MODEL_KINDS);

export interface ModelColumn {
  name: string;
  kind: ModelKind;
  /** The BatchTaskInfo property it shows. */
  property: string;
  default: boolean;
  /** List columns: item name -> number, and the names by their lower case (items match case-insensitively). */
  numbers?: ReadonlyMap<string, number>;
  namesByLower?: ReadonlyMap<string, string>;
}

export interface ModelArchive {
  columns: readonly ModelColumn[];
  byName: ReadonlyMap<string, ModelColumn>;
  /** Column names, in the spec's order. */
  names: readonly Column[];
  sortable: readonly Column[];
  /** The columns rows carry when $select is absent. */
  defaults: readonly Column[];
  /** The columns the filter grammar and the checks need, by the property they show. */
  id: ModelColumn;
  name: ModelColumn;
  state: ModelColumn;
  associate: ModelColumn;
  system: ModelColumn;
}

/** The model's reading of the archive facts; throws naming a kind it has no meaning for or a column it needs that is missing. */
export function modelArchive(facts: ArchiveFacts): ModelArchive {
  const columns = facts.columns.map((fact): ModelColumn => {
    if (!(MODEL_KINDS as readonly string[]).includes(fact.kind)) {
      throw new Error(`contract model: the archive's column "${fact.name}" has kind "${fact.kind}", which the model does not know how to show or sort (known: ${MODEL_KINDS.join(', ')}); give the kind its meaning in apps/contract-tests/src/model/archive.ts`);
    }
    const column: ModelColumn = { name: fact.name, kind: fact.kind as ModelKind, property: fact.property, default: fact.default };
    if (fact.kind === 'list') {
      if (!fact.items?.length) throw new Error(`contract model: the archive's list column "${fact.name}" has no items`);
      column.numbers = new Map(fact.items.map(([number, name]) => [name, number]));
      column.namesByLower = new Map(fact.items.map(([, name]) => [name.toLowerCase(), name]));
    }
    return column;
  });
  const need = (property: string, kind: ModelKind): ModelColumn => {
    const column = columns.find((candidate) => candidate.property === property);
    if (!column) throw new Error(`contract model: the archive has no column of BatchTaskInfo.${property}, which the model's queries filter by (x-so-batch-archive in spec/components/archive.yaml)`);
    if (column.kind !== kind) throw new Error(`contract model: the archive's column "${column.name}" (${property}) has kind "${column.kind}", the model's queries need "${kind}"`);
    return column;
  };
  return {
    columns,
    byName: new Map(columns.map((column) => [column.name, column])),
    names: columns.map((column) => column.name),
    sortable: columns.filter((column) => ORDERED_KINDS.has(column.kind)).map((column) => column.name),
    defaults: columns.filter((column) => column.default).map((column) => column.name),
    id: need('Id', 'int'),
    name: need('Name', 'string'),
    state: need('State', 'list'),
    associate: need('AssociateId', 'associate'),
    system: need('IsSystemTask', 'bool'),
  };
}

/** The archive of the bundled spec (@so-batch/spec/openapi.json): what the generators draw from. */
export const ARCHIVE: ModelArchive = modelArchive(readArchive(loadSpec() as unknown as Record<string, unknown>));

const column = (name: Column): ModelColumn => {
  const found = ARCHIVE.byName.get(name);
  if (!found) throw new Error(`contract model: no archive column "${name}"`);
  return found;
};

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

/** The queries over `archive`'s columns: any column selected, any sortable one ordered by. */
export function archiveQueryOf(archive: ModelArchive): fc.Arbitrary<ArchiveQuerySpec> {
  return (
    fc
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
        orderBy: fc.uniqueArray(fc.record({ column: fc.constantFrom(...archive.sortable), descending: fc.boolean() }), { maxLength: 2, selector: (key) => key.column }),
        select: fc.oneof(fc.constant('default' as const), fc.subarray([...archive.names], { maxLength: 6 })),
        top: sometimes(fc.integer({ min: 0, max: 60 })),
        skip: sometimes(fc.integer({ min: 0, max: 60 })),
      })
      // Absent, not undefined: the spec's optional properties.
      .map((spec) => Object.fromEntries(Object.entries(spec).filter(([, value]) => value !== undefined)) as unknown as ArchiveQuerySpec)
  );
}

export const archiveQuery: fc.Arbitrary<ArchiveQuerySpec> = archiveQueryOf(ARCHIVE);

/** A state's number in the archive's state column (its x-so-batch-numbers). */
function stateNumber(state: TaskState): number {
  const number = ARCHIVE.state.numbers!.get(state);
  if (number === undefined) throw new Error(`contract model: the archive's column "${ARCHIVE.state.name}" has no item ${state}`);
  return number;
}

/** The query as GET /BatchTask's parameters (resolved against the model) and the list filter it means. */
export function resolveArchiveQuery(model: BatchModel, spec: ArchiveQuerySpec): { params: URLSearchParams; filter: ListFilter; selected: Column[] } {
  const conditions: string[] = [];
  const filter: ListFilter = {};
  if (spec.name) {
    const name = resolveName(model, spec.name);
    conditions.push(`${ARCHIVE.name.name} eq '${name.replaceAll("'", "''")}'`);
    filter.name = name;
  }
  if (spec.state) {
    const { state, spelling } = spec.state;
    conditions.push(`${ARCHIVE.state.name} eq ${spelling === 'name' ? state : spelling === 'number' ? stateNumber(state) : `'${state.toLowerCase()}'`}`);
    filter.state = state;
  }
  if (spec.associates) {
    const ids = spec.associates.op === 'eq' ? [resolveAssociate(model, spec.associates.ref)] : spec.associates.refs.map((ref) => resolveAssociate(model, ref));
    conditions.push(spec.associates.op === 'eq' ? `${ARCHIVE.associate.name} eq ${ids[0]}` : `${ARCHIVE.associate.name} oneOf (${ids.join(', ')})`);
    filter.associateIds = ids;
  }
  if (spec.system !== undefined) {
    conditions.push(`${ARCHIVE.system.name} eq ${spec.system}`);
    filter.system = spec.system;
  }
  const params = new URLSearchParams();
  const sortColumns = spec.orderBy.map((key) => key.column);
  const chosen = [...new Set([...sortColumns, ...(spec.select === 'default' ? ARCHIVE.defaults : spec.select)])];
  const selected: Column[] = chosen.length > 0 ? chosen : [ARCHIVE.id.name];
  // Without $select the rows carry the default columns: a sort column beyond them must be asked for.
  if (spec.select !== 'default' || sortColumns.some((name) => !ARCHIVE.defaults.includes(name))) params.set('$select', selected.join(','));
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

// What a cell of each kind shows, from the property's value (the model is the oracle; the
// server's rows are the archive's display values): numbers and yes/no as they are, text as it is,
// a list item by its name as the list spells it (matched case-insensitively, by name or number),
// a date as the task carries it (an ISO text). Anything else shows as null.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** An ISO date or date-time as ms since the epoch (no offset: UTC, as the kind says); null when it is none. */
function dateMs(text: string): number | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const [, year, month, day, hour, minute, second, fraction, offset] = match;
  const date = new Date(0);
  date.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  date.setUTCHours(Number(hour ?? 0), Number(minute ?? 0), Number(second ?? 0), Math.floor(Number(`0.${fraction ?? '0'}`) * 1000));
  if (date.getUTCDate() !== Number(day) || date.getUTCMonth() !== Number(month) - 1) return null;
  if (!offset || offset === 'Z') return date.getTime();
  const sign = offset.startsWith('-') ? -1 : 1;
  return date.getTime() - sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6))) * 60_000;
}

function listItemName(column: ModelColumn, value: unknown): string | null {
  if (typeof value === 'string') return column.namesByLower!.get(value.toLowerCase()) ?? null;
  if (typeof value === 'number') for (const [name, number] of column.numbers!) if (number === value) return name;
  return null;
}

/** The cell a row shows for a property value of the column's kind. */
export function cellOf(column: ModelColumn, value: unknown): Value {
  switch (column.kind) {
    case 'int':
    case 'associate':
      return typeof value === 'number' && Number.isFinite(value) ? value : null;
    case 'string':
      return typeof value === 'string' ? value : null;
    case 'bool':
      return typeof value === 'boolean' ? value : null;
    case 'list':
      return listItemName(column, value);
    case 'date':
      return typeof value === 'string' && dateMs(value) !== null ? value : null;
  }
}

/** A cell as the archive sorts it: list items by their number, dates by their instant, the rest as they are. */
function sortValue(column: ModelColumn, cell: unknown): Value {
  if (cell === undefined || cell === null) return null;
  if (column.kind === 'list') return typeof cell === 'string' ? (column.numbers!.get(listItemName(column, cell) ?? '') ?? null) : null;
  if (column.kind === 'date') return typeof cell === 'string' ? dateMs(cell) : null;
  return cell as Value;
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

/**
 * The cell the model expects a task to show in a column: undefined when it does not know it (a
 * property it has no value for; the state of a job that may have moved on). The id and the state
 * are kept outside the task's known properties.
 */
export function modelCell(task: ModelTask, column: ModelColumn): Value | undefined {
  if (column === ARCHIVE.id) return task.Id;
  if (column === ARCHIVE.state) return task.states.length === 1 ? cellOf(column, task.states[0]) : undefined;
  return column.property in task.known ? cellOf(column, task.known[column.property]) : undefined;
}

/** Whether the answer to `spec` may change between its pages: a task the filter or the order reads may move (a running job). */
export function dependsOnMovingTasks(model: BatchModel, spec: ArchiveQuerySpec): boolean {
  const moving = [...model.tasks.values()].filter((task) => task.states.length > 1 || task.job !== undefined);
  if (moving.length === 0) return false;
  if (spec.state !== undefined) return true;
  return spec.orderBy.some(({ column: name }) => moving.some((task) => modelCell(task, column(name)) === undefined || task.loose !== undefined));
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
  const order = spec.orderBy.map((key) => ({ ...key, column: column(key.column) }));
  const compareRows = (a: Row, b: Row) => {
    for (const { column: by, descending } of order) {
      const result = compareValues(sortValue(by, a[by.name]), sortValue(by, b[by.name]), strings);
      if (result !== 0) return descending ? -result : result;
    }
    return a.PrimaryKey - b.PrimaryKey;
  };
  const { name: nameColumn, state: stateColumn, associate: associateColumn, system: systemColumn } = ARCHIVE;
  let previous: Row | undefined;
  for (const item of rows) {
    expectThat(item && typeof item === 'object' && typeof (item as Row).PrimaryKey === 'number', () => `${where}: a row has no PrimaryKey: ${JSON.stringify(item)}`);
    const row = item as Row;
    const id = row.PrimaryKey;
    expectThat(!seen.has(id), () => `${where}: row ${id} is answered twice`);
    seen.add(id);
    expectThat(!model.gone.has(id), () => `${where}: task ${id} was deleted, but is still in the archive`);
    for (const name of selected) expectThat(name in row, () => `${where}: row ${id} lacks the selected column ${name}: ${JSON.stringify(row)}`);
    if (previous && strings) {
      const before = previous;
      expectThat(compareRows(before, row) < 0, () => `${where}: row ${id} comes after row ${before.PrimaryKey}, against $orderBy ${spec.orderBy.map((key) => `${key.column}${key.descending ? ' desc' : ''}`).join(',') || '(none: by PrimaryKey)'}`);
    }
    previous = row;
    // Each row fits the filter by its own columns.
    const misfits: string[] = [];
    const shows = (col: ModelColumn) => col.name in row;
    if (shows(nameColumn) && filter.name !== undefined && String(row[nameColumn.name] ?? '').toLowerCase() !== filter.name.toLowerCase()) misfits.push(`${nameColumn.name} ${JSON.stringify(row[nameColumn.name])}`);
    if (shows(stateColumn) && filter.state !== undefined && row[stateColumn.name] !== filter.state) misfits.push(`${stateColumn.name} ${JSON.stringify(row[stateColumn.name])}`);
    if (shows(associateColumn) && Array.isArray(filter.associateIds) && !filter.associateIds.includes(row[associateColumn.name] as number)) misfits.push(`${associateColumn.name} ${JSON.stringify(row[associateColumn.name])}`);
    if (shows(systemColumn) && filter.system !== undefined && row[systemColumn.name] !== filter.system) misfits.push(`${systemColumn.name} ${JSON.stringify(row[systemColumn.name])}`);
    expectThat(misfits.length === 0, () => `${where}: row ${id} does not fit the filter: ${misfits.join('; ')}`);
    const task = model.tasks.get(id);
    if (!task) {
      expectThat(!model.exact, () => `${where}: answers row ${id}, which the model does not have`);
      continue;
    }
    expectThat(model.fits(task, filter) !== 'no', () => `${where}: row ${id} is answered, but task ${id} does not fit the filter`);
    const wrong: string[] = [];
    for (const name of selected) {
      const col = column(name);
      if (col === stateColumn) {
        if (!task.states.some((state) => cellOf(col, state) === row[name])) wrong.push(`${name} ${JSON.stringify(row[name])}, expected ${task.states.join('/')}`);
        else model.noteState(task, row[name]);
        continue;
      }
      const expected = modelCell(task, col);
      if (expected !== undefined && row[name] !== expected) wrong.push(`${name} ${JSON.stringify(row[name])}, expected ${JSON.stringify(expected)}`);
    }
    expectThat(wrong.length === 0, () => `${where}: row ${id} has ${wrong.join('; ')}`);
  }

  if (!check.whole) return;
  // Which rows: exactly the model's when it knows every task and every sort value; otherwise bounds.
  const candidates = [...model.tasks.values()].map((task) => ({ task, fit: model.fits(task, filter) })).filter(({ fit }) => fit !== 'no');
  const sure = candidates.filter(({ fit }) => fit === 'yes').map(({ task }) => task);
  const skip = spec.skip ?? 0;
  const top = spec.top ?? Infinity;
  const sortKnown = candidates.every(({ task }) => order.every(({ column: by }) => modelCell(task, by) !== undefined));
  if (model.exact && strings && sure.length === candidates.length && sortKnown) {
    const expected = [...sure]
      .sort((a, b) => {
        for (const { column: by, descending } of order) {
          const result = compareValues(sortValue(by, modelCell(a, by)), sortValue(by, modelCell(b, by)), true);
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
