// The BatchTasks archive as the generators read it: GET /api/v1/BatchTask's `x-so-batch-archive`
// (spec/components/archive.yaml) from the bundled spec, with each list column's items (its
// BatchTaskInfo property's enum, numbered by the enum's x-so-batch-numbers) filled in. The mock's
// tables, the client's query types and the CLI's help and completion are rendered from this one
// reading; Redocly's so-batch/archive-consistent rule checks the same things at lint time.

export type ArchiveArity = 'none' | 'one' | 'two' | 'list';

export interface ArchiveColumnFact {
  name: string;
  kind: string;
  /** The BatchTaskInfo property the column shows. */
  property: string;
  /** Part of the rows when $select is absent. */
  default: boolean;
  /** List columns: the items, [number, name], in the enum's order. */
  items?: Array<[number, string]>;
  /** List columns: the component schema of the items (BatchTaskState). */
  itemsSchema?: string;
}

export interface ArchiveOperatorFact {
  name: string;
  aliases: string[];
  arity: ArchiveArity;
  kinds: string[];
  description: string;
}

export interface ArchiveFunctionFact {
  name: string;
  kinds: string[];
  form: string;
  description: string;
}

export interface ArchiveFacts {
  entity: string;
  pageSize: number;
  kinds: Record<string, { title: string; description: string }>;
  columns: ArchiveColumnFact[];
  operators: ArchiveOperatorFact[];
  functions: ArchiveFunctionFact[];
  periods: string[];
  directions: string[];
  limits: { parameterLength: number; conditions: number; listValues: number; periodCount: number };
}

type Json = Record<string, unknown>;

export const ARCHIVE_OPERATION = { path: '/api/v1/BatchTask', method: 'get' } as const;

/** Reads and checks the archive from a bundled spec; throws naming what is missing or wrong. */
export function readArchive(spec: Json): ArchiveFacts {
  const fail = (problem: string): never => {
    throw new Error(`x-so-batch-archive (GET ${ARCHIVE_OPERATION.path}): ${problem}`);
  };
  const paths = spec.paths as Record<string, Record<string, Json>> | undefined;
  const archive = paths?.[ARCHIVE_OPERATION.path]?.[ARCHIVE_OPERATION.method]?.['x-so-batch-archive'] as ArchiveFacts | undefined;
  if (!archive || typeof archive !== 'object') return fail('missing from the spec');
  const schemas = ((spec.components as Json | undefined)?.schemas ?? {}) as Record<string, Json>;
  const refName = (node: Json | undefined) => (typeof node?.$ref === 'string' ? node.$ref.split('/').pop()! : undefined);
  const resolve = (node: Json | undefined): Json | undefined => {
    for (let hops = 0; node && refName(node) && hops < 20; hops++) node = schemas[refName(node)!];
    return node;
  };
  const properties = new Map<string, Json>();
  const collect = (node: Json | undefined, seen: Set<Json>) => {
    node = resolve(node);
    if (!node || seen.has(node)) return;
    seen.add(node);
    for (const member of (node.allOf as Json[] | undefined) ?? []) collect(member, seen);
    for (const [name, value] of Object.entries((node.properties as Record<string, Json> | undefined) ?? {})) properties.set(name, value);
  };
  collect(schemas.BatchTaskInfo, new Set());
  if (properties.size === 0) fail('the spec has no BatchTaskInfo properties for the columns to show');

  const kinds = Object.keys(archive.kinds ?? {});
  const columns = (archive.columns ?? []).map((column): ArchiveColumnFact => {
    if (!kinds.includes(column.kind)) fail(`column "${column.name}" has kind "${column.kind}", not one of ${kinds.join(', ')}`);
    const property = properties.get(column.property);
    if (!property) fail(`column "${column.name}" shows "${column.property}", which is not a BatchTaskInfo property`);
    const fact: ArchiveColumnFact = { name: column.name, kind: column.kind, property: column.property, default: column.default === true };
    if (column.kind !== 'list') return fact;
    const candidates = [property!, ...((property!.oneOf as Json[] | undefined) ?? []), ...((property!.anyOf as Json[] | undefined) ?? [])];
    const withEnum = candidates.find((candidate) => Array.isArray(resolve(candidate)?.enum));
    const enumSchema = resolve(withEnum);
    const numbers = enumSchema?.['x-so-batch-numbers'] as Record<string, number> | undefined;
    const values = enumSchema?.enum as string[] | undefined;
    if (!values || !numbers || values.some((value) => !Number.isInteger(numbers[value]))) {
      fail(`list column "${column.name}" shows "${column.property}", which is not an enum with a number for each value (x-so-batch-numbers)`);
    }
    fact.items = values!.map((value) => [numbers![value]!, value]);
    const schemaName = refName(withEnum) ?? refName(property);
    if (schemaName) fact.itemsSchema = schemaName;
    return fact;
  });
  if (columns.length === 0) fail('no columns');
  const operators = (archive.operators ?? []).map((operator) => ({ ...operator, aliases: operator.aliases ?? [] }));
  for (const operator of operators) {
    if (!['none', 'one', 'two', 'list'].includes(operator.arity)) fail(`operator "${operator.name}" has arity "${operator.arity}"`);
    for (const kind of operator.kinds) if (!kinds.includes(kind)) fail(`operator "${operator.name}" applies to kind "${kind}", which the archive does not have`);
  }
  return {
    entity: archive.entity,
    pageSize: archive.pageSize,
    kinds: archive.kinds,
    columns,
    operators,
    functions: archive.functions ?? [],
    periods: archive.periods ?? [],
    directions: archive.directions,
    limits: archive.limits,
  };
}
