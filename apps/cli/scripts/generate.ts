// Generates src/generated/answers.gen.js: Ajv's standalone validators for the answers the CLI
// shows, compiled from the bundled spec's own schemas. Compiled here rather than at run time: the
// CLI is one esbuild file, and this keeps Ajv's compiler (and the spec) out of it.
// `--check` regenerates in memory and fails when the committed file differs.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCodeModule from 'ajv/dist/standalone/index.js';
import addFormatsModule from 'ajv-formats';
import { _ } from 'ajv';

export const GENERATED_PATH = fileURLToPath(new URL('../src/generated/answers.gen.js', import.meta.url));
export const REGENERATE_COMMAND = 'pnpm --filter @so-batch/cli generate';

const HEADER = `// Generated from spec/openapi.yaml (its bundle, spec/dist/openapi.json) by \`${REGENERATE_COMMAND}\` (Ajv standalone).
// Do not edit: change the spec and regenerate.
import { fullFormats } from 'ajv-formats/dist/formats.js';
`;

/** The schema without what only documents it: the validators stay small, and check the same. */
function withoutProse(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutProse);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !['description', 'title', 'examples', 'example', 'x-enumDescriptions', 'xml'].includes(key))
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

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const source = generate();
  if (process.argv.includes('--check')) {
    if (readFileSync(GENERATED_PATH, 'utf8') !== source) {
      console.error(`apps/cli/src/generated/answers.gen.js is stale: run \`${REGENERATE_COMMAND}\` and commit it.`);
      process.exit(1);
    }
  } else {
    writeFileSync(GENERATED_PATH, source);
  }
}
