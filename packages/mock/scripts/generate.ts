// Generates src/generated/ with openapi-typescript:
// - control.gen.ts, the types of the mock's control API, from its OpenAPI document
//   (spec/control/openapi.yaml, bundled to spec/dist/control.json). The JS API (mock.faults,
//   mock.jobs) takes these types, so that it and the HTTP API cannot drift. Defaults stay optional
//   (defaultNonNullable: false): FaultRule is what a caller writes, not what the mock holds.
// - schema.gen.ts, the main spec's types (spec/openapi.yaml, bundled to spec/dist/openapi.json),
//   with the client's options: startMock({ tasks }) takes its BatchTaskInfo. The mock does not
//   depend on the client, so it generates its own copy from the same document.
// - archive.gen.ts, the BatchTasks archive's facts (columns, kinds, operators, functions, periods,
//   limits) from the spec's x-so-batch-archive: src/odata.ts parses and evaluates queries by hand,
//   over these tables.
// `--check` compares instead of writing (@so-batch/spec/generated: the same runner and message as
// every sibling's generator).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { readArchive, type ArchiveFacts } from '@so-batch/spec/archive';
import { doNotEditHeader, literalUnion as union, REGENERATE_COMMAND, runGenerator, type GeneratedFiles } from '@so-batch/spec/generated';

export { REGENERATE_COMMAND };
export const GENERATED_DIR = fileURLToPath(new URL('../src/generated/', import.meta.url));
export const GENERATED_PATH = join(GENERATED_DIR, 'control.gen.ts');
export const SCHEMA_PATH = join(GENERATED_DIR, 'schema.gen.ts');

const HEADER = `${doNotEditHeader('openapi-typescript', "spec/control/openapi.yaml (its bundle, spec/dist/control.json)")}\n`;
const SCHEMA_HEADER = `${doNotEditHeader('openapi-typescript')}\n`;

export async function generateControlTypes(specPath = createRequire(import.meta.url).resolve('@so-batch/spec/control.json')): Promise<string> {
  const ast = await openapiTS(pathToFileURL(specPath), { exportType: false, alphabetize: false, rootTypes: false, defaultNonNullable: false });
  return HEADER + astToString(ast);
}

/** The main spec's types, with packages/client/scripts/generate.ts's options (the same BatchTaskInfo). */
export async function generateSchemaTypes(specPath = createRequire(import.meta.url).resolve('@so-batch/spec/openapi.json')): Promise<string> {
  const ast = await openapiTS(pathToFileURL(specPath), { exportType: false, alphabetize: false, rootTypes: false });
  return SCHEMA_HEADER + astToString(ast);
}

/** archive.gen.ts: the archive's tables as src/odata.ts reads them (aliases expanded, each naming its operator). */
export function renderArchive(archive: ArchiveFacts, header = doNotEditHeader('scripts/generate.ts')): string {
  const kinds = Object.keys(archive.kinds);
  const column = (c: ArchiveFacts['columns'][number]) =>
    `  { name: ${JSON.stringify(c.name)}, kind: ${JSON.stringify(c.kind)}, property: ${JSON.stringify(c.property)}, byDefault: ${c.default}${c.items ? `, items: new Map(${JSON.stringify(c.items)})` : ''} },`;
  const operators = archive.operators.flatMap((op) =>
    [op.name, ...op.aliases].map((name) => `  { name: ${JSON.stringify(name)}, operator: ${JSON.stringify(op.name)}, arity: ${JSON.stringify(op.arity)}, kinds: ${JSON.stringify(op.kinds)} },`),
  );
  return `${header}
// The BatchTasks archive (x-so-batch-archive, spec/components/archive.yaml).

/** The kinds of value a column holds. */
export type ColumnKind = ${union(kinds)};
/** Each kind as messages name it. */
export const KIND_TITLES: Readonly<Record<ColumnKind, string>> = ${JSON.stringify(Object.fromEntries(kinds.map((kind) => [kind, archive.kinds[kind]!.title])))};

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

/** none: \`column op\`; one: \`column op value\`; two: \`column op (low, high)\`; list: \`column op (v1, v2, ...)\`. */
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
export const ENTITY_NAME = ${JSON.stringify(archive.entity)};
/** The server's page: at most this many rows per answer; odata.nextLink leads to the rest. */
export const ARCHIVE_PAGE_SIZE = ${archive.pageSize};
/** Bounds on the work one query can ask for. */
export const MAX_PARAMETER_LENGTH = ${archive.limits.parameterLength};
export const MAX_FILTER_CONDITIONS = ${archive.limits.conditions};
export const MAX_LIST_VALUES = ${archive.limits.listValues};
export const MAX_PERIOD_COUNT = ${archive.limits.periodCount};

/** The columns, in the spec's order. */
export const BATCH_TASK_COLUMNS: readonly ArchiveColumn[] = [
${archive.columns.map(column).join('\n')}
];

/** Every spelling of every operator, in the spec's order (an operator's aliases after it). */
export const OPERATORS: readonly OperatorSpec[] = [
${operators.join('\n')}
];

/** The functions' names. */
export const FUNCTIONS: readonly string[] = ${JSON.stringify(archive.functions.map((fn) => fn.name))};

/** The periods of the date functions. */
export type Period = ${union(archive.periods)};
export const PERIODS: readonly Period[] = ${JSON.stringify(archive.periods)};

/** $orderBy's directions; the first is the default. */
export const DIRECTIONS: readonly string[] = ${JSON.stringify(archive.directions)};
`;
}

export const generatedFiles: GeneratedFiles = {
  dir: GENERATED_DIR,
  generate: async () => {
    const specPath = createRequire(import.meta.url).resolve('@so-batch/spec/openapi.json');
    return {
      'control.gen.ts': await generateControlTypes(),
      'schema.gen.ts': await generateSchemaTypes(specPath),
      'archive.gen.ts': renderArchive(readArchive(JSON.parse(readFileSync(specPath, 'utf8')))),
    };
  },
};

await runGenerator(generatedFiles, import.meta.url);
