import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export type Schema = Record<string, unknown>;
export type OpenApiDocument = { paths: Record<string, Record<string, unknown>>; components: Record<string, Record<string, unknown>> };

export interface SpecOperation {
  operationId: string;
  method: string;
  path: string;
  /** JSON pointer (as an Ajv ref) to the operation object. */
  pointer: string;
  requestBody: { required: boolean; mediaTypes: string[]; schema: Schema; example: unknown } | undefined;
  responses: { status: string; mediaTypes: string[]; examples: string[] }[];
  pathParameters: { name: string; schema: Schema; example: unknown }[];
  queryParameters: { name: string; schema: Schema }[];
  /** Set when one operation of the spec serves two reference pages (x-so-batch-meanings). */
  meaning: { parameter: string; response: string; example: string } | undefined;
  hasSelect: boolean;
  /** Reads change nothing on the server: GET, and the Agents calls named Get*. */
  readOnly: boolean;
}

export function specPath(): string {
  return createRequire(import.meta.url).resolve('@so-batch/spec/openapi.json');
}

export function loadSpec(): OpenApiDocument {
  return JSON.parse(readFileSync(specPath(), 'utf8')) as OpenApiDocument;
}

export function resolve<T = Schema>(doc: OpenApiDocument, node: unknown): T {
  let current = node as Schema | undefined;
  while (current && typeof current.$ref === 'string') {
    const segments = current.$ref.replace(/^#\//, '').split('/').map((s) => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~'));
    current = segments.reduce<unknown>((target, segment) => (target as Record<string, unknown>)?.[segment], doc) as Schema | undefined;
  }
  return current as T;
}

export function pointer(...segments: string[]): string {
  return segments.map((segment) => encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/');
}

export function loadOperations(doc: OpenApiDocument): SpecOperation[] {
  const operations: SpecOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, raw] of Object.entries(item)) {
      if (!['get', 'put', 'post', 'delete', 'patch'].includes(method)) continue;
      const operation = raw as Schema;
      const operationId = String(operation.operationId);
      const parameters = ((operation.parameters as unknown[]) ?? []).map((p) => resolve<{ name: string; in: string; schema: Schema; example?: unknown }>(doc, p));
      const body = resolve<{ required?: boolean; content: Record<string, { schema: Schema; examples?: Record<string, unknown> }> } | undefined>(doc, operation.requestBody);
      const firstExample = body ? Object.values(body.content)[0]?.examples : undefined;
      const responses = Object.entries(operation.responses as Record<string, unknown>).map(([status, response]) => {
        const content = resolve<{ content?: Record<string, { examples?: Record<string, unknown> }> }>(doc, response).content ?? {};
        return { status, mediaTypes: Object.keys(content), examples: Object.keys(Object.values(content)[0]?.examples ?? {}) };
      });
      const base: SpecOperation = {
        operationId,
        method: method.toUpperCase(),
        path,
        pointer: pointer('paths', path, method),
        requestBody: body
          ? {
              required: body.required ?? false,
              mediaTypes: Object.keys(body.content),
              schema: body.content['application/json']!.schema,
              example: firstExample ? resolve<{ value: unknown }>(doc, Object.values(firstExample)[0]).value : undefined,
            }
          : undefined,
        responses,
        // The spec puts a path parameter's `example` in its schema (OpenAPI forbids it beside `examples`).
        pathParameters: parameters.filter((p) => p.in === 'path').map((p) => ({ name: p.name, schema: p.schema, example: p.example ?? p.schema.example })),
        queryParameters: parameters.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema })),
        meaning: undefined,
        hasSelect: parameters.some((p) => p.in === 'query' && p.name === '$select'),
        readOnly: method === 'get' || /_Get/.test(operationId),
      };
      const meanings = operation['x-so-batch-meanings'] as { operationId: string; parameter: string; response: string; example: string }[] | undefined;
      if (!meanings) {
        operations.push(base);
        continue;
      }
      // One operation, two reference pages: the suite checks each page as its own operation.
      for (const { operationId: id, ...meaning } of meanings) {
        const parameterSchema = meaning.parameter === 'integer' ? { type: 'integer', format: 'int32' } : { $ref: `#/components/schemas/${meaning.parameter}` };
        const pathParameters = base.pathParameters.map((p) => ({ ...p, schema: parameterSchema, example: meaning.parameter === 'integer' ? 894 : 'Started' }));
        operations.push({
          ...base,
          operationId: id,
          pathParameters,
          meaning,
          responses: base.responses.map((r) => ({ ...r, examples: r.examples.filter((name) => name.startsWith(meaning.example)) })),
        });
      }
    }
  }
  return operations;
}

export function exampleOf(doc: OpenApiDocument, operation: SpecOperation, status: string, name: string): unknown {
  const op = resolve<Schema>(doc, (doc.paths[operation.path] as Schema)[operation.method.toLowerCase()]);
  const response = resolve<{ content: Record<string, { examples: Record<string, unknown> }> }>(doc, (op.responses as Schema)[status]);
  return resolve<{ value: unknown }>(doc, response.content['application/json']!.examples[name]).value;
}
