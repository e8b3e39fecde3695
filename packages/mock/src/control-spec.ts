import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { OpenApiDocument, Schema } from './spec.ts';

// The control API's OpenAPI document (spec/control/openapi.yaml, bundled): the mock validates
// control requests against it, and reads from it the fields and bounds of a fault rule, so that
// the JS API, the HTTP API and the document say the same.

export function controlSpecPath(): string {
  // Built, the package carries the bundle next to its code (dist/control.json, copied at build);
  // run from source in the workspace, it reads the spec package's.
  const packaged = fileURLToPath(new URL('./control.json', import.meta.url));
  if (existsSync(packaged)) return packaged;
  return createRequire(import.meta.url).resolve('@so-batch/spec/control.json');
}

let cached: OpenApiDocument | undefined;

export function loadControlSpec(): OpenApiDocument {
  if (cached) return cached;
  const path = controlSpecPath();
  try {
    cached = JSON.parse(readFileSync(path, 'utf8')) as OpenApiDocument;
  } catch (cause) {
    throw new Error(`Cannot read the control API's bundled document at ${path}: run "pnpm build" first.`, { cause });
  }
  return cached;
}

/** A named schema of the control API's document. */
export function controlSchema(name: string): Schema & { properties?: Record<string, Schema> } {
  const schema = loadControlSpec().components?.schemas?.[name];
  if (!schema) throw new Error(`The control API's document has no schema ${name}.`);
  return schema as Schema & { properties?: Record<string, Schema> };
}
