// Generated from spec/openapi.yaml (its bundle, spec/dist/openapi.json) by `pnpm generate` (scripts/generate.ts).
// Do not edit: change the spec and regenerate.
// The BatchTasks archive behind GET /api/v1/BatchTask (x-so-batch-archive, spec/components/archive.yaml).
import type { components } from './schema.gen.ts';

type BatchTaskState = components['schemas']['BatchTaskState'];
type BatchTaskCancellationBehaviour = components['schemas']['BatchTaskCancellationBehaviour'];

/** Each column: the kind of value it holds, the BatchTaskInfo property it shows, a list column's items. */
export interface ArchiveColumns {
  batchTaskId: { kind: "int"; property: "Id" };
  name: { kind: "string"; property: "Name" };
  description: { kind: "string"; property: "Description" };
  state: { kind: "list"; property: "State"; items: BatchTaskState };
  progressPercent: { kind: "int"; property: "ProgressPercent" };
  progressDescription: { kind: "string"; property: "ProgressDescription" };
  associateId: { kind: "associate"; property: "AssociateId" };
  created: { kind: "date"; property: "Created" };
  lastStarted: { kind: "date"; property: "LastStarted" };
  startCount: { kind: "int"; property: "StartCount" };
  isSystemTask: { kind: "bool"; property: "IsSystemTask" };
  isInternalTask: { kind: "bool"; property: "IsInternalTask" };
  result: { kind: "string"; property: "Result" };
  fileName: { kind: "string"; property: "FileName" };
  detailsTable: { kind: "int"; property: "DetailsTable" };
  detailsRecord: { kind: "int"; property: "DetailsRecord" };
  context: { kind: "string"; property: "Context" };
  databaseSerialNumber: { kind: "string"; property: "DatabaseSerialNumber" };
  request: { kind: "string"; property: "Request" };
  response: { kind: "string"; property: "Response" };
  cancellationBehaviour: { kind: "list"; property: "CancellationBehaviour"; items: BatchTaskCancellationBehaviour };
}

/** Every spelling of every operator (aliases too): its operands and the kinds of column it applies to. */
export interface ArchiveOperators {
  eq: { arity: "one"; kinds: "int" | "associate" | "list" | "string" | "bool" };
  "=": { arity: "one"; kinds: "int" | "associate" | "list" | "string" | "bool" };
  equals: { arity: "one"; kinds: "int" | "associate" | "list" | "string" | "bool" };
  ne: { arity: "one"; kinds: "int" | "associate" | "list" | "string" | "bool" };
  unequals: { arity: "one"; kinds: "int" | "associate" | "list" | "string" | "bool" };
  le: { arity: "one"; kinds: "int" | "associate" };
  lt: { arity: "one"; kinds: "int" | "associate" };
  less: { arity: "one"; kinds: "int" | "associate" };
  ge: { arity: "one"; kinds: "int" | "associate" };
  gt: { arity: "one"; kinds: "int" | "associate" };
  greater: { arity: "one"; kinds: "int" | "associate" };
  between: { arity: "two"; kinds: "int" | "associate" };
  set: { arity: "none"; kinds: "int" | "associate" | "bool" };
  contains: { arity: "one"; kinds: "string" };
  notContains: { arity: "one"; kinds: "string" };
  begins: { arity: "one"; kinds: "string" };
  notBegins: { arity: "one"; kinds: "string" };
  is: { arity: "one"; kinds: "string" };
  isNot: { arity: "one"; kinds: "string" };
  associateIsOneOf: { arity: "list"; kinds: "associate" };
  associateIsNotOneOf: { arity: "list"; kinds: "associate" };
  currentAssociate: { arity: "none"; kinds: "associate" };
  oneOf: { arity: "list"; kinds: "int" | "associate" | "list" };
  NotOneOf: { arity: "list"; kinds: "int" | "associate" | "list" };
  before: { arity: "one"; kinds: "date" };
  date: { arity: "one"; kinds: "date" };
  after: { arity: "one"; kinds: "date" };
  dateBetween: { arity: "two"; kinds: "date" };
  beforeToday: { arity: "none"; kinds: "date" };
  today: { arity: "none"; kinds: "date" };
  afterToday: { arity: "none"; kinds: "date" };
  lastWeek: { arity: "none"; kinds: "date" };
  thisWeek: { arity: "none"; kinds: "date" };
  nextWeek: { arity: "none"; kinds: "date" };
  lastMonth: { arity: "none"; kinds: "date" };
  thisMonth: { arity: "none"; kinds: "date" };
  nextMonth: { arity: "none"; kinds: "date" };
  lastQuarter: { arity: "none"; kinds: "date" };
  thisQuarter: { arity: "none"; kinds: "date" };
  nextQuarter: { arity: "none"; kinds: "date" };
  thisHalf: { arity: "none"; kinds: "date" };
  thisYear: { arity: "none"; kinds: "date" };
}

/** The columns rows carry when the query has no select. */
export type ArchiveDefaultColumn = "batchTaskId" | "name" | "description" | "state" | "progressPercent" | "associateId" | "created" | "lastStarted";

/** `orderBy`'s directions; the first is the default. */
export type ArchiveDirection = "asc" | "desc";

/** The kinds of value a column holds. */
export type ArchiveKind = "int" | "string" | "associate" | "list" | "date" | "bool";

/** Every column's kind, in the spec's order: what a typed query needs at run time to write a value. */
export const ARCHIVE_COLUMN_KINDS = {
  batchTaskId: "int",
  name: "string",
  description: "string",
  state: "list",
  progressPercent: "int",
  progressDescription: "string",
  associateId: "associate",
  created: "date",
  lastStarted: "date",
  startCount: "int",
  isSystemTask: "bool",
  isInternalTask: "bool",
  result: "string",
  fileName: "string",
  detailsTable: "int",
  detailsRecord: "int",
  context: "string",
  databaseSerialNumber: "string",
  request: "string",
  response: "string",
  cancellationBehaviour: "list",
} as const satisfies Record<keyof ArchiveColumns, ArchiveKind>;

/** The columns of each kind, space-separated: the compact form a typed query ships to a browser. */
export const ARCHIVE_KIND_COLUMNS: Record<ArchiveKind, string> = {"int":"batchTaskId progressPercent startCount detailsTable detailsRecord","string":"name description progressDescription result fileName context databaseSerialNumber request response","associate":"associateId","list":"state cancellationBehaviour","date":"created lastStarted","bool":"isSystemTask isInternalTask"};

/** Every spelling of every operator: its arity (none, one, two, list) and kinds. */
export const ARCHIVE_OPERATORS = {
  eq: { arity: "one", kinds: ["int","associate","list","string","bool"] },
  "=": { arity: "one", kinds: ["int","associate","list","string","bool"] },
  equals: { arity: "one", kinds: ["int","associate","list","string","bool"] },
  ne: { arity: "one", kinds: ["int","associate","list","string","bool"] },
  unequals: { arity: "one", kinds: ["int","associate","list","string","bool"] },
  le: { arity: "one", kinds: ["int","associate"] },
  lt: { arity: "one", kinds: ["int","associate"] },
  less: { arity: "one", kinds: ["int","associate"] },
  ge: { arity: "one", kinds: ["int","associate"] },
  gt: { arity: "one", kinds: ["int","associate"] },
  greater: { arity: "one", kinds: ["int","associate"] },
  between: { arity: "two", kinds: ["int","associate"] },
  set: { arity: "none", kinds: ["int","associate","bool"] },
  contains: { arity: "one", kinds: ["string"] },
  notContains: { arity: "one", kinds: ["string"] },
  begins: { arity: "one", kinds: ["string"] },
  notBegins: { arity: "one", kinds: ["string"] },
  is: { arity: "one", kinds: ["string"] },
  isNot: { arity: "one", kinds: ["string"] },
  associateIsOneOf: { arity: "list", kinds: ["associate"] },
  associateIsNotOneOf: { arity: "list", kinds: ["associate"] },
  currentAssociate: { arity: "none", kinds: ["associate"] },
  oneOf: { arity: "list", kinds: ["int","associate","list"] },
  NotOneOf: { arity: "list", kinds: ["int","associate","list"] },
  before: { arity: "one", kinds: ["date"] },
  date: { arity: "one", kinds: ["date"] },
  after: { arity: "one", kinds: ["date"] },
  dateBetween: { arity: "two", kinds: ["date"] },
  beforeToday: { arity: "none", kinds: ["date"] },
  today: { arity: "none", kinds: ["date"] },
  afterToday: { arity: "none", kinds: ["date"] },
  lastWeek: { arity: "none", kinds: ["date"] },
  thisWeek: { arity: "none", kinds: ["date"] },
  nextWeek: { arity: "none", kinds: ["date"] },
  lastMonth: { arity: "none", kinds: ["date"] },
  thisMonth: { arity: "none", kinds: ["date"] },
  nextMonth: { arity: "none", kinds: ["date"] },
  lastQuarter: { arity: "none", kinds: ["date"] },
  thisQuarter: { arity: "none", kinds: ["date"] },
  nextQuarter: { arity: "none", kinds: ["date"] },
  thisHalf: { arity: "none", kinds: ["date"] },
  thisYear: { arity: "none", kinds: ["date"] },
} as const satisfies { [O in keyof ArchiveOperators]: { arity: ArchiveOperators[O]['arity']; kinds: readonly ArchiveOperators[O]['kinds'][] } };

/** The columns without select, in the spec's order. */
export const ARCHIVE_DEFAULT_COLUMNS = ["batchTaskId","name","description","state","progressPercent","associateId","created","lastStarted"] as const satisfies readonly ArchiveDefaultColumn[];

/** The functions of $filter, as the spec writes their form. */
export const ARCHIVE_FUNCTIONS = ["substringof('text', column)","startswith(column, 'text')","endswith(column, 'text')","this(column, period)","next(column, n, period)","previous(column, n, period)","thisAndNext(column, n, period)","thisAndPrevious(column, n, period)","thisAndPreviousAndNext(column, period)"] as const;

/** Rows per page: the server links to the rest. */
export const ARCHIVE_PAGE_SIZE = 50;
