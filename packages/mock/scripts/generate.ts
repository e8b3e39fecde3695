// Generates src/generated/control.gen.ts, the types of the mock's control API, from its OpenAPI
// document (spec/control/openapi.yaml, bundled to spec/dist/control.json) with openapi-typescript.
// The JS API (mock.faults, mock.jobs) takes these types, so that it and the HTTP API cannot drift.
// Defaults stay optional (defaultNonNullable: false): FaultRule is what a caller writes, not what the mock holds.
// `--check` regenerates in memory and compares with the working tree's file; stale fails.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

export const GENERATED_PATH = fileURLToPath(new URL('../src/generated/control.gen.ts', import.meta.url));
/** The root command bundles the spec first (turbo runs @so-batch/spec#build before it). */
export const REGENERATE_COMMAND = 'pnpm generate';

const HEADER = `// Generated from spec/control/openapi.yaml (its bundle, spec/dist/control.json) by \`${REGENERATE_COMMAND}\` (openapi-typescript).
// Do not edit: change the control API's document and regenerate.
`;

export async function generateControlTypes(specPath = createRequire(import.meta.url).resolve('@so-batch/spec/control.json')): Promise<string> {
  const ast = await openapiTS(pathToFileURL(specPath), { exportType: false, alphabetize: false, rootTypes: false, defaultNonNullable: false });
  return HEADER + astToString(ast);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const fresh = await generateControlTypes();
  if (process.argv.includes('--check')) {
    let current: string | undefined;
    try {
      current = readFileSync(GENERATED_PATH, 'utf8');
    } catch {
      current = undefined;
    }
    if (current !== fresh) {
      const at = current === undefined ? 0 : fresh.split('\n').findIndex((line, index) => line !== current.split('\n')[index]);
      console.error(`src/generated/control.gen.ts is ${current === undefined ? 'missing' : `stale (from line ${at + 1} on)`}: run \`${REGENERATE_COMMAND}\` and commit it.`);
      process.exit(1);
    }
    console.log('src/generated/control.gen.ts matches spec/control/openapi.yaml.');
  } else {
    writeFileSync(GENERATED_PATH, fresh);
    console.log(`Wrote ${GENERATED_PATH}`);
  }
}
