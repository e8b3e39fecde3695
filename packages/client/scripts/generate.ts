// Generates src/generated/schema.gen.ts from the bundled spec with openapi-typescript.
// `--check` regenerates into a temporary file and compares it with the file in the working tree
// (its content, not what git has staged or committed: turbo's cache key reads the working tree
// too, so a stale file can never pass as a cache hit).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

export const GENERATED_PATH = fileURLToPath(new URL('../src/generated/schema.gen.ts', import.meta.url));
/**
 * The one command that brings the file up to date: the root `generate` bundles the spec first
 * (turbo runs @so-batch/spec#build before it); the client's own `generate` alone would read a
 * stale bundle.
 */
export const REGENERATE_COMMAND = 'pnpm generate';

const HEADER = `// Generated from spec/openapi.yaml (its bundle, spec/dist/openapi.json) by \`${REGENERATE_COMMAND}\` (openapi-typescript).
// Do not edit: change the spec and regenerate.
`;

export async function generate(): Promise<string> {
  const specPath = createRequire(import.meta.url).resolve('@so-batch/spec/openapi.json');
  const ast = await openapiTS(pathToFileURL(specPath), { exportType: false, alphabetize: false, rootTypes: false });
  return HEADER + astToString(ast);
}

export type StaleCheck = { kind: 'fresh' } | { kind: 'stale'; message: string; freshCopy: string };

/** Regenerates into a temporary file and compares it with `path` (the working tree's copy). */
export async function checkGenerated(path = GENERATED_PATH): Promise<StaleCheck> {
  const fresh = await generate();
  const freshCopy = join(mkdtempSync(join(tmpdir(), 'so-batch-generate-')), 'schema.gen.ts');
  writeFileSync(freshCopy, fresh);
  let current: string;
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    return { kind: 'stale', freshCopy, message: `src/generated/schema.gen.ts is missing: run \`${REGENERATE_COMMAND}\` and commit it.` };
  }
  if (current === fresh) {
    rmSync(dirname(freshCopy), { recursive: true, force: true });
    return { kind: 'fresh' };
  }
  const currentLines = current.split('\n');
  const freshLines = fresh.split('\n');
  const line = freshLines.findIndex((text, index) => text !== currentLines[index]);
  const at = line === -1 ? currentLines.length : line;
  return {
    kind: 'stale',
    freshCopy,
    message:
      `src/generated/schema.gen.ts is stale (it differs from the spec from line ${at + 1} on: ` +
      `${JSON.stringify(currentLines[at] ?? '<end of file>')} where the spec gives ${JSON.stringify(freshLines[at] ?? '<end of file>')}): ` +
      `run \`${REGENERATE_COMMAND}\` and commit it. The up-to-date copy is ${freshCopy}.`,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv.includes('--check')) {
    const result = await checkGenerated();
    if (result.kind === 'stale') {
      console.error(result.message);
      process.exit(1);
    }
    console.log('src/generated/schema.gen.ts matches the spec.');
  } else {
    writeFileSync(GENERATED_PATH, await generate());
    console.log(`Wrote ${GENERATED_PATH}`);
  }
}
