// Generates, from the bundled spec, src/generated/schema.gen.ts (openapi-typescript's types) and
// agents.gen.ts and rest.gen.ts (a function per operation: scripts/functions.ts).
// `--check` regenerates into a temporary file and compares it with the file in the working tree
// (its content, not what git has staged or committed: turbo's cache key reads the working tree
// too, so a stale file can never pass as a cache hit).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { operationFacts, renderModule, renderReads } from './functions.ts';

export const GENERATED_DIR = fileURLToPath(new URL('../src/generated/', import.meta.url));
export const GENERATED_PATH = join(GENERATED_DIR, 'schema.gen.ts');
/**
 * The one command that brings the files up to date: the root `generate` bundles the spec first
 * (turbo runs @so-batch/spec#build before it); the client's own `generate` alone would read a
 * stale bundle.
 */
export const REGENERATE_COMMAND = 'pnpm generate';

const HEADER = `// Generated from spec/openapi.yaml (its bundle, spec/dist/openapi.json) by \`${REGENERATE_COMMAND}\` (openapi-typescript).
// Do not edit: change the spec and regenerate.
`;
const FUNCTIONS_HEADER = `// Generated from spec/openapi.yaml (its bundle, spec/dist/openapi.json) by \`${REGENERATE_COMMAND}\` (scripts/functions.ts).
// Do not edit: change the spec and regenerate.`;

function bundledSpecPath(): string {
  return createRequire(import.meta.url).resolve('@so-batch/spec/openapi.json');
}

/** schema.gen.ts: the spec's types (openapi-typescript). */
export async function generate(specPath = bundledSpecPath()): Promise<string> {
  const ast = await openapiTS(pathToFileURL(specPath), { exportType: false, alphabetize: false, rootTypes: false });
  return HEADER + astToString(ast);
}

/** Every generated file, by its name in src/generated/; `source` is src/ as the files import it. */
export async function generateAll(specPath = bundledSpecPath(), source = '..'): Promise<Record<string, string>> {
  const facts = operationFacts(JSON.parse(readFileSync(specPath, 'utf8')) as Record<string, unknown>);
  return {
    'schema.gen.ts': await generate(specPath),
    'agents.gen.ts': renderModule(facts, 'agents', FUNCTIONS_HEADER, source),
    'rest.gen.ts': renderModule(facts, 'rest', FUNCTIONS_HEADER, source),
    'reads.gen.ts': renderReads(facts, FUNCTIONS_HEADER),
  };
}

export type StaleCheck = { kind: 'fresh' } | { kind: 'stale'; message: string; freshCopy: string };

/** Compares `current` (a file's content, or undefined when it is missing) with what the spec gives. */
function compare(name: string, current: string | undefined, fresh: string): StaleCheck {
  if (current === fresh) return { kind: 'fresh' };
  const freshCopy = join(mkdtempSync(join(tmpdir(), 'so-batch-generate-')), name);
  writeFileSync(freshCopy, fresh);
  if (current === undefined) return { kind: 'stale', freshCopy, message: `src/generated/${name} is missing: run \`${REGENERATE_COMMAND}\` and commit it.` };
  const currentLines = current.split('\n');
  const freshLines = fresh.split('\n');
  const line = freshLines.findIndex((text, index) => text !== currentLines[index]);
  const at = line === -1 ? currentLines.length : line;
  return {
    kind: 'stale',
    freshCopy,
    message:
      `src/generated/${name} is stale (it differs from the spec from line ${at + 1} on: ` +
      `${JSON.stringify(currentLines[at] ?? '<end of file>')} where the spec gives ${JSON.stringify(freshLines[at] ?? '<end of file>')}): ` +
      `run \`${REGENERATE_COMMAND}\` and commit it. The up-to-date copy is ${freshCopy}.`,
  };
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Regenerates schema.gen.ts and compares it with `path` (the working tree's copy). */
export async function checkGenerated(path = GENERATED_PATH): Promise<StaleCheck> {
  return compare('schema.gen.ts', read(path), await generate());
}

/** Regenerates every file and compares each with the working tree's copy in `dir`; the first stale one is reported. */
export async function checkAllGenerated(dir = GENERATED_DIR): Promise<StaleCheck> {
  for (const [name, fresh] of Object.entries(await generateAll())) {
    const result = compare(name, read(join(dir, name)), fresh);
    if (result.kind === 'stale') return result;
  }
  return { kind: 'fresh' };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv.includes('--check')) {
    const result = await checkAllGenerated();
    if (result.kind === 'stale') {
      console.error(result.message);
      process.exit(1);
    }
    console.log('src/generated/ matches the spec.');
  } else {
    for (const [name, content] of Object.entries(await generateAll())) {
      writeFileSync(join(GENERATED_DIR, name), content);
      console.log(`Wrote ${join(GENERATED_DIR, name)}`);
    }
  }
}
