// Generates src/generated/answers.gen.js: Ajv's standalone validators for the answers the CLI
// shows, compiled from the bundled spec's own schemas, and answers.gen.d.ts, their types.
// Compiled here rather than at run time: the CLI is one esbuild file, and this keeps Ajv's
// compiler (and the spec) out of it. `--check` compares instead of writing
// (@so-batch/spec/generated: the same runner and message as every sibling's generator).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCodeModule from 'ajv/dist/standalone/index.js';
import addFormatsModule from 'ajv-formats';
import { _ } from 'ajv';
import { doNotEditHeader, REGENERATE_COMMAND, runGenerator, type GeneratedFiles } from '@so-batch/spec/generated';

export { REGENERATE_COMMAND };
export const GENERATED_DIR = fileURLToPath(new URL('../src/generated/', import.meta.url));
export const GENERATED_PATH = join(GENERATED_DIR, 'answers.gen.js');

const HEADER = `${doNotEditHeader('Ajv standalone')}
import { fullFormats } from 'ajv-formats/dist/formats.js';
`;

/** The schema without what only documents it: the validators stay small, and check the same. */
function withoutProse(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutProse);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !['description', 'title', 'examples', 'example', 'x-enumDescriptions', 'xml'].includes(key) && !key.startsWith('x-so-batch-'))
      .map(([key, inner]) => [key, key === 'properties' || key === 'schemas' ? Object.fromEntries(Object.entries(inner as object).map(([k, v]) => [k, withoutProse(v)])) : withoutProse(inner)]),
  );
}

/** The exported validator's name, and the schema (in the spec) it checks. */
export const VALIDATORS = {
  isBatchTaskInfo: { $ref: 'spec.json#/components/schemas/BatchTaskInfo' },
  isBatchTaskInfoList: { type: 'array', items: { $ref: 'isBatchTaskInfo' } },
  isODataSlimResponse: { $ref: 'spec.json#/components/schemas/ODataSlimResponse' },
} as const;

export function generate(): string {
  const spec = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('@so-batch/spec/openapi.json'), 'utf8'));
  // Formats on, as the contract tests check them; the generated code imports ajv-formats' checks.
  const ajv = new Ajv2020({ strict: false, allErrors: false, code: { source: true, esm: true, formats: _`fullFormats` } });
  (addFormatsModule as unknown as (a: Ajv2020) => void)(ajv);
  ajv.addSchema({ components: withoutProse(spec.components) }, 'spec.json');
  for (const [name, schema] of Object.entries(VALIDATORS)) ajv.addSchema({ $id: name, ...schema });
  const standaloneCode = standaloneCodeModule as unknown as (a: Ajv2020, refs: Record<string, string>) => string;
  const code = standaloneCode(ajv, Object.fromEntries(Object.keys(VALIDATORS).map((name) => [name, name])));
  if (/\brequire\(/.test(code)) throw new Error('The validators need a runtime require(); import it in HEADER instead, so that esbuild bundles it.');
  return HEADER + code + '\n';
}

/** answers.gen.d.ts: a validator's type for each name in VALIDATORS. */
export function generateTypes(): string {
  return `${doNotEditHeader('scripts/generate.ts')}
// The types of answers.gen.js.
export interface AnswerProblem {
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
}
export interface AnswerValidator {
  (data: unknown): boolean;
  errors?: AnswerProblem[] | null;
}
${Object.keys(VALIDATORS).map((name) => `export declare const ${name}: AnswerValidator;`).join('\n')}
`;
}

export const generatedFiles: GeneratedFiles = {
  dir: GENERATED_DIR,
  generate: async () => ({ 'answers.gen.js': generate(), 'answers.gen.d.ts': generateTypes() }),
};

await runGenerator(generatedFiles, import.meta.url);
