// Generates src/generated/ from the bundled spec: schema.gen.ts (openapi-typescript's types),
// agents.gen.ts and rest.gen.ts (a function per operation: scripts/functions.ts), reads.gen.ts
// (the POSTs that only read) and facts.gen.ts (the spec's lists as values: BatchTaskInfo's
// properties, the never-null ones, the states, the final ones) and archive.gen.ts (the BatchTasks
// archive's columns and operators, as types for typed queries and as values). `--check` compares instead of writing
// (@so-batch/spec/generated: the same runner and message as every sibling's generator).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { readArchive, type ArchiveFacts } from '@so-batch/spec/archive';
import { checkGenerated, doNotEditHeader, literalUnion as union, REGENERATE_COMMAND, runGenerator, type GeneratedFiles, type StaleCheck } from '@so-batch/spec/generated';
import { operationFacts, renderModule, renderReads } from './functions.ts';

export { REGENERATE_COMMAND, type StaleCheck };
export const GENERATED_DIR = fileURLToPath(new URL('../src/generated/', import.meta.url));
export const GENERATED_PATH = join(GENERATED_DIR, 'schema.gen.ts');

const HEADER = `${doNotEditHeader('openapi-typescript')}\n`;
const FUNCTIONS_HEADER = doNotEditHeader('scripts/functions.ts');

function bundledSpecPath(): string {
  return createRequire(import.meta.url).resolve('@so-batch/spec/openapi.json');
}

/** schema.gen.ts: the spec's types (openapi-typescript). */
export async function generate(specPath = bundledSpecPath()): Promise<string> {
  const ast = await openapiTS(pathToFileURL(specPath), { exportType: false, alphabetize: false, rootTypes: false });
  return HEADER + astToString(ast);
}

type Json = Record<string, unknown>;

/** An object schema's properties in the order a reader meets them: its allOf parts first, then its own. */
function propertiesOf(spec: Json, name: string): string[] {
  const schemas = (spec.components as { schemas: Record<string, Json> }).schemas;
  const visit = (schema: Json | undefined, seen: string[]): string[] => {
    if (!schema) throw new Error(`facts.gen.ts: the spec has no schema ${name} to list the properties of`);
    if (typeof schema.$ref === 'string') return visit(schemas[schema.$ref.split('/').pop()!], seen);
    for (const part of (schema.allOf as Json[] | undefined) ?? []) visit(part, seen);
    for (const property of Object.keys((schema.properties as Json | undefined) ?? {})) if (!seen.includes(property)) seen.push(property);
    return seen;
  };
  return visit(schemas[name], []);
}

/** facts.gen.ts: what the spec lists, as values a program can use at run time (the types say the same). */
export function renderFacts(spec: Json, header = doNotEditHeader('scripts/generate.ts')): string {
  const schemas = (spec.components as { schemas: Record<string, Json> }).schemas;
  const states = schemas.BatchTaskState?.enum as string[] | undefined;
  const final = schemas.BatchTaskState?.['x-so-batch-final-states'] as string[] | undefined;
  if (!states) throw new Error('facts.gen.ts: BatchTaskState has no enum');
  if (!final || final.some((state) => !states.includes(state))) throw new Error('facts.gen.ts: BatchTaskState needs x-so-batch-final-states, a list of its own values');
  const properties = propertiesOf(spec, 'BatchTaskInfo');
  const neverNull = schemas.BatchTaskInfo?.['x-so-batch-never-null'] as string[] | undefined;
  if (!Array.isArray(neverNull) || neverNull.some((name) => !properties.includes(name))) throw new Error('facts.gen.ts: BatchTaskInfo needs x-so-batch-never-null, a list of its own properties');
  const list = (values: string[]) => `[\n${values.map((value) => `  ${JSON.stringify(value)},`).join('\n')}\n]`;
  return `${header}
import type { BatchTaskProperty, BatchTaskState } from '../types.ts';

/** Every property of BatchTaskInfo, in the spec's order: what \`select\` takes. */
export const BATCH_TASK_PROPERTIES = ${list(properties)} as const satisfies readonly BatchTaskProperty[];

/** The properties an answer without \`select\` never sends as null (the spec's x-so-batch-never-null). */
export const NEVER_NULL_PROPERTIES = ${list(neverNull)} as const satisfies readonly BatchTaskProperty[];

/** Every BatchTaskState, in the server's numeric order (\`All\` is a filter of the list calls). */
export const BATCH_TASK_STATES = ${list(states)} as const satisfies readonly BatchTaskState[];

/** The states after which a task no longer changes (the spec's x-so-batch-final-states). */
export const FINAL_STATES = ${list(final)} as const satisfies readonly BatchTaskState[];
`;
}

/** archive.gen.ts: the BatchTasks archive (x-so-batch-archive) as the typed queries read it. */
export function renderArchive(archive: ArchiveFacts, header = doNotEditHeader('scripts/generate.ts')): string {
  const key = (name: string) => (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name));
  const itemTypes = [...new Set(archive.columns.flatMap((column) => (column.itemsSchema ? [column.itemsSchema] : [])))];
  const columnType = (column: ArchiveFacts['columns'][number]) =>
    `  ${key(column.name)}: { kind: ${JSON.stringify(column.kind)}; property: ${JSON.stringify(column.property)}${column.items ? `; items: ${column.itemsSchema ?? union(column.items.map(([, name]) => name))}` : ''} };`;
  const spellings = archive.operators.flatMap((op) => [op.name, ...op.aliases].map((name) => ({ name, op })));
  const operatorType = ({ name, op }: (typeof spellings)[number]) => `  ${key(name)}: { arity: ${JSON.stringify(op.arity)}; kinds: ${union(op.kinds)} };`;
  return `${header}
// The BatchTasks archive behind GET /api/v1/BatchTask (x-so-batch-archive, spec/components/archive.yaml).
${itemTypes.length ? `import type { components } from './schema.gen.ts';\n\n${itemTypes.map((name) => `type ${name} = components['schemas']['${name}'];`).join('\n')}\n` : ''}
/** Each column: the kind of value it holds, the BatchTaskInfo property it shows, a list column's items. */
export interface ArchiveColumns {
${archive.columns.map(columnType).join('\n')}
}

/** Every spelling of every operator (aliases too): its operands and the kinds of column it applies to. */
export interface ArchiveOperators {
${spellings.map(operatorType).join('\n')}
}

/** The columns rows carry when the query has no select. */
export type ArchiveDefaultColumn = ${union(archive.columns.filter((column) => column.default).map((column) => column.name))};

/** \`orderBy\`'s directions; the first is the default. */
export type ArchiveDirection = ${union(archive.directions)};

/** The kinds of value a column holds. */
export type ArchiveKind = ${union(Object.keys(archive.kinds))};

/** Every column's kind, in the spec's order: what a typed query needs at run time to write a value. */
export const ARCHIVE_COLUMN_KINDS = {
${archive.columns.map((column) => `  ${key(column.name)}: ${JSON.stringify(column.kind)},`).join('\n')}
} as const satisfies Record<keyof ArchiveColumns, ArchiveKind>;

/** The columns of each kind, space-separated: the compact form a typed query ships to a browser. */
export const ARCHIVE_KIND_COLUMNS: Record<ArchiveKind, string> = ${JSON.stringify(Object.fromEntries(Object.keys(archive.kinds).map((kind) => [kind, archive.columns.filter((column) => column.kind === kind).map((column) => column.name).join(' ')])))};

/** Every spelling of every operator: its arity (none, one, two, list) and kinds. */
export const ARCHIVE_OPERATORS = {
${spellings.map(({ name, op }) => `  ${key(name)}: { arity: ${JSON.stringify(op.arity)}, kinds: ${JSON.stringify(op.kinds)} },`).join('\n')}
} as const satisfies { [O in keyof ArchiveOperators]: { arity: ArchiveOperators[O]['arity']; kinds: readonly ArchiveOperators[O]['kinds'][] } };

/** The columns without select, in the spec's order. */
export const ARCHIVE_DEFAULT_COLUMNS = ${JSON.stringify(archive.columns.filter((column) => column.default).map((column) => column.name))} as const satisfies readonly ArchiveDefaultColumn[];

/** The functions of $filter, as the spec writes their form. */
export const ARCHIVE_FUNCTIONS = ${JSON.stringify(archive.functions.map((fn) => fn.form))} as const;

/** Rows per page: the server links to the rest. */
export const ARCHIVE_PAGE_SIZE = ${archive.pageSize};
`;
}

/** Every generated file, by its name in src/generated/; `source` is src/ as the files import it. */
export async function generateAll(specPath = bundledSpecPath(), source = '..'): Promise<Record<string, string>> {
  const spec = JSON.parse(readFileSync(specPath, 'utf8')) as Json;
  const facts = operationFacts(spec);
  return {
    'schema.gen.ts': await generate(specPath),
    'agents.gen.ts': renderModule(facts, 'agents', FUNCTIONS_HEADER, source),
    'rest.gen.ts': renderModule(facts, 'rest', FUNCTIONS_HEADER, source),
    'reads.gen.ts': renderReads(facts, FUNCTIONS_HEADER),
    'facts.gen.ts': renderFacts(spec),
    'archive.gen.ts': renderArchive(readArchive(spec)),
  };
}

export const generatedFiles: GeneratedFiles = { dir: GENERATED_DIR, generate: () => generateAll() };

/** Regenerates every file and compares each with the copy in `dir`; the first stale one is reported. */
export async function checkAllGenerated(dir = GENERATED_DIR): Promise<StaleCheck> {
  return (await checkGenerated(generatedFiles, dir))[0] ?? { kind: 'fresh' };
}

await runGenerator(generatedFiles, import.meta.url);
