import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

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
  pathParameters: { name: string; schema: Schema }[];
  /** Media types the request body may have; empty when the operation takes no body. */
  requestMediaTypes: string[];
  requestSchema: Schema | undefined;
  /** Whether the operation takes `$select`, so the mock nulls out the other properties. */
  selectable: boolean;
}

export function bundledSpecPath(): string {
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
      const parameters = [
        ...((item.parameters as unknown[]) ?? []),
        ...((raw.parameters as unknown[]) ?? []),
      ].map((p) => resolve<{ name: string; in: string; schema: Schema }>(doc, p));
      const body = resolve<{ content?: Record<string, { schema?: Schema }> } | undefined>(doc, raw.requestBody);
      const requestMediaTypes = Object.keys(body?.content ?? {});
      const jsonMedia = body?.content?.['application/json'];
      operations.push({
        operationId: String(raw.operationId),
        method: method.toUpperCase(),
        template,
        pattern,
        pathParameters: template
          .match(/\{[^}]+\}/g)
          ?.map((token) => token.slice(1, -1))
          .map((name) => ({ name, schema: parameters.find((p) => p.in === 'path' && p.name === name)?.schema ?? {} })) ?? [],
        requestMediaTypes,
        requestSchema: jsonMedia?.schema,
        selectable: parameters.some((p) => p.in === 'query' && p.name === '$select'),
      });
    }
  }
  return operations;
}

export type OperationMatch =
  | { kind: 'operation'; operation: Operation; pathValues: string[] }
  | { kind: 'method-not-allowed'; allowed: string[] }
  | { kind: 'not-found' };

/** Routes like ASP.NET does: path segments case-insensitively. */
export function matchOperation(operations: Operation[], method: string, pathname: string): OperationMatch {
  const onPath = operations
    .map((operation) => ({ operation, match: operation.pattern.exec(pathname) }))
    .filter((candidate) => candidate.match);
  if (onPath.length === 0) return { kind: 'not-found' };
  const hit = onPath.find((candidate) => candidate.operation.method === method.toUpperCase());
  if (!hit) return { kind: 'method-not-allowed', allowed: onPath.map((c) => c.operation.method) };
  return {
    kind: 'operation',
    operation: hit.operation,
    pathValues: hit.match!.slice(1).map((value) => decodeURIComponent(value)),
  };
}
