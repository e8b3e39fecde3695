// Generated from spec/openapi.yaml (its bundle, spec/dist/openapi.json) by `pnpm generate` (scripts/generate.ts).
// Do not edit: change the spec and regenerate.
// The BatchTasks archive (x-so-batch-archive, spec/components/archive.yaml).

/** The kinds of value a column holds. */
export type ColumnKind = "int" | "string" | "associate" | "list" | "date" | "bool";
/** Each kind as messages name it. */
export const KIND_TITLES: Readonly<Record<ColumnKind, string>> = {"int":"number","string":"string","associate":"associate","list":"list","date":"date","bool":"yes/no"};

export interface ArchiveColumn {
  /** The column's name as rows spell it; input matches it case-insensitively. */
  readonly name: string;
  readonly kind: ColumnKind;
  /** The BatchTaskInfo wire property it is read from. */
  readonly property: string;
  /** For list columns: the item names, by the server's number. */
  readonly items?: ReadonlyMap<number, string>;
  /** Part of the rows when $select is absent. */
  readonly byDefault: boolean;
}

/** none: `column op`; one: `column op value`; two: `column op (low, high)`; list: `column op (v1, v2, ...)`. */
export type Arity = 'none' | 'one' | 'two' | 'list';

export interface OperatorSpec {
  /** This spelling (the operator's name or an alias). */
  readonly name: string;
  /** The operator it spells (its name in the spec). */
  readonly operator: string;
  readonly arity: Arity;
  readonly kinds: readonly ColumnKind[];
}

/** Every archive row's entity. */
export const ENTITY_NAME = "batchtask";
/** The server's page: at most this many rows per answer; odata.nextLink leads to the rest. */
export const ARCHIVE_PAGE_SIZE = 50;
/** Bounds on the work one query can ask for. */
export const MAX_PARAMETER_LENGTH = 4096;
export const MAX_FILTER_CONDITIONS = 100;
export const MAX_LIST_VALUES = 1000;
export const MAX_PERIOD_COUNT = 1000;

/** The columns, in the spec's order. */
export const BATCH_TASK_COLUMNS: readonly ArchiveColumn[] = [
  { name: "batchTaskId", kind: "int", property: "Id", byDefault: true },
  { name: "name", kind: "string", property: "Name", byDefault: true },
  { name: "description", kind: "string", property: "Description", byDefault: true },
  { name: "state", kind: "list", property: "State", byDefault: true, items: new Map([[0,"Unknown"],[1,"New"],[2,"Aquired"],[3,"Started"],[4,"Succeeded"],[5,"Failed"],[6,"SucceededManualCleanup"],[99999,"All"]]) },
  { name: "progressPercent", kind: "int", property: "ProgressPercent", byDefault: true },
  { name: "progressDescription", kind: "string", property: "ProgressDescription", byDefault: false },
  { name: "associateId", kind: "associate", property: "AssociateId", byDefault: true },
  { name: "created", kind: "date", property: "Created", byDefault: true },
  { name: "lastStarted", kind: "date", property: "LastStarted", byDefault: true },
  { name: "startCount", kind: "int", property: "StartCount", byDefault: false },
  { name: "isSystemTask", kind: "bool", property: "IsSystemTask", byDefault: false },
  { name: "isInternalTask", kind: "bool", property: "IsInternalTask", byDefault: false },
  { name: "result", kind: "string", property: "Result", byDefault: false },
  { name: "fileName", kind: "string", property: "FileName", byDefault: false },
  { name: "detailsTable", kind: "int", property: "DetailsTable", byDefault: false },
  { name: "detailsRecord", kind: "int", property: "DetailsRecord", byDefault: false },
  { name: "context", kind: "string", property: "Context", byDefault: false },
  { name: "databaseSerialNumber", kind: "string", property: "DatabaseSerialNumber", byDefault: false },
  { name: "request", kind: "string", property: "Request", byDefault: false },
  { name: "response", kind: "string", property: "Response", byDefault: false },
  { name: "cancellationBehaviour", kind: "list", property: "CancellationBehaviour", byDefault: false, items: new Map([[0,"CanCancel"],[1,"CancelWithWarning"],[2,"CannotCancel"]]) },
];

/** Every spelling of every operator, in the spec's order (an operator's aliases after it). */
export const OPERATORS: readonly OperatorSpec[] = [
  { name: "eq", operator: "eq", arity: "one", kinds: ["int","associate","list","string","bool"] },
  { name: "=", operator: "eq", arity: "one", kinds: ["int","associate","list","string","bool"] },
  { name: "equals", operator: "eq", arity: "one", kinds: ["int","associate","list","string","bool"] },
  { name: "ne", operator: "ne", arity: "one", kinds: ["int","associate","list","string","bool"] },
  { name: "unequals", operator: "ne", arity: "one", kinds: ["int","associate","list","string","bool"] },
  { name: "le", operator: "le", arity: "one", kinds: ["int","associate"] },
  { name: "lt", operator: "lt", arity: "one", kinds: ["int","associate"] },
  { name: "less", operator: "lt", arity: "one", kinds: ["int","associate"] },
  { name: "ge", operator: "ge", arity: "one", kinds: ["int","associate"] },
  { name: "gt", operator: "gt", arity: "one", kinds: ["int","associate"] },
  { name: "greater", operator: "gt", arity: "one", kinds: ["int","associate"] },
  { name: "between", operator: "between", arity: "two", kinds: ["int","associate"] },
  { name: "set", operator: "set", arity: "none", kinds: ["int","associate","bool"] },
  { name: "contains", operator: "contains", arity: "one", kinds: ["string"] },
  { name: "notContains", operator: "notContains", arity: "one", kinds: ["string"] },
  { name: "begins", operator: "begins", arity: "one", kinds: ["string"] },
  { name: "notBegins", operator: "notBegins", arity: "one", kinds: ["string"] },
  { name: "is", operator: "is", arity: "one", kinds: ["string"] },
  { name: "isNot", operator: "isNot", arity: "one", kinds: ["string"] },
  { name: "associateIsOneOf", operator: "associateIsOneOf", arity: "list", kinds: ["associate"] },
  { name: "associateIsNotOneOf", operator: "associateIsNotOneOf", arity: "list", kinds: ["associate"] },
  { name: "currentAssociate", operator: "currentAssociate", arity: "none", kinds: ["associate"] },
  { name: "oneOf", operator: "oneOf", arity: "list", kinds: ["int","associate","list"] },
  { name: "NotOneOf", operator: "NotOneOf", arity: "list", kinds: ["int","associate","list"] },
  { name: "before", operator: "before", arity: "one", kinds: ["date"] },
  { name: "date", operator: "date", arity: "one", kinds: ["date"] },
  { name: "after", operator: "after", arity: "one", kinds: ["date"] },
  { name: "dateBetween", operator: "dateBetween", arity: "two", kinds: ["date"] },
  { name: "beforeToday", operator: "beforeToday", arity: "none", kinds: ["date"] },
  { name: "today", operator: "today", arity: "none", kinds: ["date"] },
  { name: "afterToday", operator: "afterToday", arity: "none", kinds: ["date"] },
  { name: "lastWeek", operator: "lastWeek", arity: "none", kinds: ["date"] },
  { name: "thisWeek", operator: "thisWeek", arity: "none", kinds: ["date"] },
  { name: "nextWeek", operator: "nextWeek", arity: "none", kinds: ["date"] },
  { name: "lastMonth", operator: "lastMonth", arity: "none", kinds: ["date"] },
  { name: "thisMonth", operator: "thisMonth", arity: "none", kinds: ["date"] },
  { name: "nextMonth", operator: "nextMonth", arity: "none", kinds: ["date"] },
  { name: "lastQuarter", operator: "lastQuarter", arity: "none", kinds: ["date"] },
  { name: "thisQuarter", operator: "thisQuarter", arity: "none", kinds: ["date"] },
  { name: "nextQuarter", operator: "nextQuarter", arity: "none", kinds: ["date"] },
  { name: "thisHalf", operator: "thisHalf", arity: "none", kinds: ["date"] },
  { name: "thisYear", operator: "thisYear", arity: "none", kinds: ["date"] },
];

/** The functions' names. */
export const FUNCTIONS: readonly string[] = ["substringof","startswith","endswith","this","next","previous","thisAndNext","thisAndPrevious","thisAndPreviousAndNext"];

/** The periods of the date functions. */
export type Period = "day" | "week" | "month" | "quarter" | "half" | "year";
export const PERIODS: readonly Period[] = ["day","week","month","quarter","half","year"];

/** $orderBy's directions; the first is the default. */
export const DIRECTIONS: readonly string[] = ["asc","desc"];
