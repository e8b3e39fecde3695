// Generates src/generated/schema.gen.ts from the bundled spec with openapi-typescript.
// `--check` regenerates in memory and fails when the committed file differs.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

export const GENERATED_PATH = fileURLToPath(new URL('../src/generated/schema.gen.ts', import.meta.url));
export const REGENERATE_COMMAND = 'pnpm --filter @so-batch/client generate';

const HEADER = `// Generated from spec/openapi.yaml (its bundle, spec/dist/openapi.json) by \`${REGENERATE_COMMAND}\` (openapi-typescript).
// Do not edit: change the spec and regenerate.
`;

export async function generate(): Promise<string> {
  const specPath = createRequire(import.meta.url).resolve('@so-batch/spec/openapi.json');
  const ast = await openapiTS(pathToFileURL(specPath), { exportType: false, alphabetize: false, rootTypes: false });
  return HEADER + astToString(ast);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const source = await generate();
  if (process.argv.includes('--check')) {
    const committed = readFileSync(GENERATED_PATH, 'utf8');
    if (committed !== source) {
      console.error(`src/generated/schema.gen.ts is stale: run \`${REGENERATE_COMMAND}\` and commit it.`);
      process.exit(1);
    }
  } else {
    writeFileSync(GENERATED_PATH, source);
    console.log(`Wrote ${GENERATED_PATH}`);
  }
}
