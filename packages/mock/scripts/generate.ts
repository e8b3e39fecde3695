// Generates src/generated/ with openapi-typescript:
// - control.gen.ts, the types of the mock's control API, from its OpenAPI document
//   (spec/control/openapi.yaml, bundled to spec/dist/control.json). The JS API (mock.faults,
//   mock.jobs) takes these types, so that it and the HTTP API cannot drift. Defaults stay optional
//   (defaultNonNullable: false): FaultRule is what a caller writes, not what the mock holds.
// - schema.gen.ts, the main spec's types (spec/openapi.yaml, bundled to spec/dist/openapi.json),
//   with the client's options: startMock({ tasks }) takes its BatchTaskInfo. The mock does not
//   depend on the client, so it generates its own copy from the same document.
// `--check` compares instead of writing (@so-batch/spec/generated: the same runner and message as
// every sibling's generator).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { doNotEditHeader, REGENERATE_COMMAND, runGenerator, type GeneratedFiles } from '@so-batch/spec/generated';

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

export const generatedFiles: GeneratedFiles = {
  dir: GENERATED_DIR,
  generate: async () => ({ 'control.gen.ts': await generateControlTypes(), 'schema.gen.ts': await generateSchemaTypes() }),
};

await runGenerator(generatedFiles, import.meta.url);
