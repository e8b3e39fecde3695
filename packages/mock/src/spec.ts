import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export type Schema = { [keyword: string]: unknown };
export interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export interface Operation {
  operationId: string;
  method: string;
  template: string;
  pattern: RegExp;
  pathParameters: { name: string; schema: Schema; sampleValues: unknown[] }[];
  /** Query parameters by lower-case name, with their enum values: the server binds both case-insensitively. */
  queryParameters: Map<string, { name: string; enum: string[] }>;
  /** Media types the request body may have; empty when the operation takes no body. */
  requestMediaTypes: string[];
  requestSchema: Schema | undefined;
  /** Whether the operation takes `$select`, so the mock nulls out the other properties. */
  selectable: boolean;
  /** Where one operation serves two reference pages (x-so-batch-meanings): which is which. */
  meanings: Meaning[];
  /** The pages' sample request bodies, by example name (page, newerPage, ...). */
  requestExamples: { name: string; value: unknown }[];
  /** The names of the success response's examples: a sample request gets the same-named one. */
  successExamples: string[];
}

/** One of the reference pages an operation serves, told apart by its path value. */
export interface Meaning {
  operationId: string;
  /** `integer`, or the name of a string enum schema (BatchTaskState). */
  parameter: string;
  response: string;
  /** The response example that answers this meaning. */
  example: string;
}

export function bundledSpecPath(): string {
  // Built, the package carries the bundle next to its code (dist/openapi.json, copied at build);
  // run from source in the workspace, it reads the spec package's.
  const packaged = fileURLToPath(new URL('./openapi.json', import.meta.url));
  if (existsSync(packaged)) return packaged;
  return createRequire(import.meta.url).resolve('@so-batch/spec/openapi.json');
}

export function loadSpec(path = bundledSpecPath()): OpenApiDocument {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as OpenApiDocument;
  } catch (cause) {
    throw new Error(`Cannot read the bundled spec at ${path}: run "pnpm build" first.`, { cause });
  }
}

/** Follows local `$ref`s (`#/components/...`) until a schema without one. */
export function resolve<T = Schema>(doc: OpenApiDocument, node: unknown): T {
  let current = node as Record<string, unknown> | undefined;
  for (let hops = 0; current && typeof current.$ref === 'string'; hops++) {
    if (hops > 32) throw new Error(`Circular $ref: ${String(current.$ref)}`);
    const segments = current.$ref.replace(/^#\//, '').split('/').map(decodePointer);
    let target: unknown = doc;
    for (const segment of segments) target = (target as Record<string, unknown> | undefined)?.[segment];
    current = target as Record<string, unknown> | undefined;
  }
  return current as T;
}

/** The schema and every allOf, anyOf and oneOf branch under it, resolved. */
export function subschemas(doc: OpenApiDocument, schema: Schema): Schema[] {
  const resolved = resolve(doc, schema);
  if (!resolved || typeof resolved !== 'object') return [];
  const nested = ['allOf', 'anyOf', 'oneOf'].flatMap((keyword) =>
    ((resolved[keyword] as Schema[] | undefined) ?? []).flatMap((branch) => subschemas(doc, branch)),
  );
  return [resolved, ...nested];
}

/** The string values of a schema's enum, through its branches. */
export function enumValues(doc: OpenApiDocument, schema: Schema): string[] {
  return subschemas(doc, schema).flatMap((part) => ((part.enum as unknown[]) ?? []).filter((v): v is string => typeof v === 'string'));
}

function decodePointer(segment: string): string {
  return decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function indexOperations(doc: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [template, pathItem] of Object.entries(doc.paths)) {
    const item = resolve<Record<string, unknown>>(doc, pathItem);
    const source = template
      .split(/(\{[^}]+\})/)
      .map((part) => (part.startsWith('{') ? '([^/]+)' : escapeRegExp(part)))
      .join('');
    const pattern = new RegExp(`^${source}/?$`, 'i');
    for (const method of HTTP_METHODS) {
      const raw = item[method] as Record<string, unknown> | undefined;
      if (!raw) continue;
      const rawParameters = [...((item.parameters as unknown[]) ?? []), ...((raw.parameters as unknown[]) ?? [])] as { $ref?: string }[];
      const parameters = rawParameters.map((p) => resolve<{ name: string; in: string; schema: Schema }>(doc, p));
      const body = resolve<{ content?: Record<string, { schema?: Schema }> } | undefined>(doc, raw.requestBody);
      const requestMediaTypes = Object.keys(body?.content ?? {});
      const jsonMedia = body?.content?.['application/json'] as { schema?: Schema; examples?: Record<string, unknown> } | undefined;
      const responses = (raw.responses ?? {}) as Record<string, unknown>;
      const success = Object.keys(responses).find((code) => code.startsWith('2'));
      const successContent = success ? resolve<{ content?: Record<string, { examples?: Record<string, unknown> }> }>(doc, responses[success])?.content : undefined;
      operations.push({
        operationId: String(raw.operationId),
        method: method.toUpperCase(),
        template,
        pattern,
        pathParameters: template
          .match(/\{[^}]+\}/g)
          ?.map((token) => token.slice(1, -1))
          .map((name) => {
            const parameter = parameters.find((p) => p.in === 'path' && p.name === name) as { schema?: Schema; example?: unknown; examples?: Record<string, unknown> } | undefined;
            const sampleValues = [
              ...(parameter?.example !== undefined ? [parameter.example] : []),
              ...Object.values(parameter?.examples ?? {}).map((example) => resolve<{ value?: unknown }>(doc, example)?.value),
            ].filter((value) => value !== undefined);
            return { name, schema: parameter?.schema ?? {}, sampleValues };
          }) ?? [],
        queryParameters: new Map(parameters.filter((p) => p.in === 'query').map((p) => [p.name.toLowerCase(), { name: p.name, enum: enumValues(doc, p.schema ?? {}) }])),
        requestMediaTypes,
        requestSchema: jsonMedia?.schema,
        // The Agents' $select (components/parameters/Select) nulls out properties; the OData
        // $select of the REST list picks archive columns, which Prism's example cannot show.
        selectable: rawParameters.some((p) => p.$ref === '#/components/parameters/Select'),
        meanings: (raw['x-so-batch-meanings'] as Meaning[] | undefined) ?? [],
        requestExamples: Object.entries(jsonMedia?.examples ?? {}).map(([name, example]) => ({ name, value: resolve<{ value?: unknown }>(doc, example)?.value })),
        successExamples: Object.keys(successContent?.['application/json']?.examples ?? {}),
      });
    }
  }
  return operations;
}

export type OperationMatch =
  | { kind: 'operation'; operation: Operation; pathValues: string[] }
  | { kind: 'method-not-allowed'; allowed: string[] }
  | { kind: 'not-found' }
  /** A path value whose %-escapes are not UTF-8 (`%zz`, `%C0%AF`): the client's mistake, answered 400. */
  | { kind: 'malformed-path'; segment: string };

/** Routes like ASP.NET does: path segments case-insensitively. */
export function matchOperation(operations: Operation[], method: string, pathname: string): OperationMatch {
  const onPath = operations
    .map((operation) => ({ operation, match: operation.pattern.exec(pathname) }))
    .filter((candidate) => candidate.match);
  if (onPath.length === 0) return { kind: 'not-found' };
  const hit = onPath.find((candidate) => candidate.operation.method === method.toUpperCase());
  if (!hit) return { kind: 'method-not-allowed', allowed: onPath.map((c) => c.operation.method) };
  const pathValues: string[] = [];
  for (const segment of hit.match!.slice(1)) {
    const value = decodePathValue(segment!);
    if (value === undefined) return { kind: 'malformed-path', segment: segment! };
    pathValues.push(value);
  }
  return { kind: 'operation', operation: hit.operation, pathValues };
}

/** A path value with its %-escapes decoded; undefined when they do not spell UTF-8. */
function decodePathValue(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** The meaning a path value selects: an integer is an id; otherwise a value of the named enum. */
export function meaningOf(doc: OpenApiDocument, operation: Operation, value: string): Meaning | undefined {
  return operation.meanings.find((meaning) => {
    if (meaning.parameter === 'integer') return /^-?\d+$/.test(value);
    const schema = resolve<Schema | undefined>(doc, doc.components?.schemas?.[meaning.parameter]);
    return ((schema?.enum as string[] | undefined) ?? []).some((name) => name.toLowerCase() === value.toLowerCase());
  });
}

/** A path segment left as the reference page prints it, such as `{state}` or `{id}`. */
export function isPlaceholder(value: string): boolean {
  // The spellings the pages print; any other {word} is an ordinary (invalid) value.
  return /^\{(id|state|batchTaskId|idOrState)\}$/i.test(value);
}

/**
 * The sample value for a placeholder the page left in its path: a state for `{state}`, an id for
 * anything else (`{id}`, `{Id}`, `{batchTaskId}`), from the path parameter's examples.
 */
export function placeholderValue(operation: Operation, index: number, placeholder: string): string {
  const samples = operation.pathParameters[index]?.sampleValues ?? [];
  const wantsState = /state/i.test(placeholder);
  const sample = samples.find((value) => (wantsState ? typeof value === 'string' && !/^\d+$/.test(value) : /^\d+$/.test(String(value))));
  return String(sample ?? samples[0] ?? placeholder);
}
