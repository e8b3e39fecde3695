// What every sibling that generates files from the spec shares: one command that writes them
// (`pnpm generate`), one that says whether they are stale (`pnpm check:generated`), with the same
// message everywhere. Each package's scripts/generate.ts describes its files as GeneratedFiles
// and ends with `await runGenerator(files)`; the dev loop (packages/mock/src/dev.ts) finds the
// same exports and regenerates them on every save.
//
// The working tree's content is what is compared, not what git has staged: turbo's cache key
// reads the working tree too, so a stale file never passes as a cache hit.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The one command that brings every generated file up to date (turbo bundles the spec first). */
export const REGENERATE_COMMAND = 'pnpm generate';

/** The workspace's root, for messages that name files as a reader finds them. */
export const WORKSPACE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface GeneratedFiles {
  /** The folder the files are written to (absolute). */
  dir: string;
  /** Every file, by its name in `dir`, with the content the spec gives now. */
  generate(): Promise<Record<string, string>>;
}

/** The first lines of a generated file: where it comes from, and that it is not to be edited. */
export function doNotEditHeader(tool: string, source = 'spec/openapi.yaml (its bundle, spec/dist/openapi.json)'): string {
  return `// Generated from ${source} by \`${REGENERATE_COMMAND}\` (${tool}).\n// Do not edit: change the spec and regenerate.`;
}

export type StaleCheck = { kind: 'fresh' } | { kind: 'stale'; file: string; message: string; freshCopy: string };

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Compares `current` (a file's content, or undefined when it is missing) with what the spec gives. */
export function compareGenerated(path: string, current: string | undefined, fresh: string): StaleCheck {
  if (current === fresh) return { kind: 'fresh' };
  const file = relative(WORKSPACE_ROOT, path).startsWith('..') ? path : relative(WORKSPACE_ROOT, path);
  const name = path.split(/[\\/]/).pop()!;
  const freshCopy = join(mkdtempSync(join(tmpdir(), 'so-batch-generate-')), name);
  writeFileSync(freshCopy, fresh);
  if (current === undefined) return { kind: 'stale', file, freshCopy, message: `${file} is missing: run \`${REGENERATE_COMMAND}\` and commit it.` };
  const currentLines = current.split('\n');
  const freshLines = fresh.split('\n');
  const line = freshLines.findIndex((text, index) => text !== currentLines[index]);
  const at = line === -1 ? currentLines.length : line;
  const shown = (text: string | undefined) => JSON.stringify(text === undefined ? '<end of file>' : text.length > 160 ? `${text.slice(0, 160)}...` : text);
  return {
    kind: 'stale',
    file,
    freshCopy,
    message:
      `${file} is stale (it differs from the spec from line ${at + 1} on: ${shown(currentLines[at])} where the spec gives ${shown(freshLines[at])}): ` +
      `run \`${REGENERATE_COMMAND}\` and commit it. The up-to-date copy is ${freshCopy}.`,
  };
}

/** Regenerates every file in memory and compares each with the copy in `dir` (the files' own folder by default). */
export async function checkGenerated(files: GeneratedFiles, dir = files.dir): Promise<StaleCheck[]> {
  const stale: StaleCheck[] = [];
  for (const [name, fresh] of Object.entries(await files.generate())) {
    const result = compareGenerated(join(dir, name), read(join(dir, name)), fresh);
    if (result.kind === 'stale') stale.push(result);
  }
  return stale;
}

/** Writes the files whose content changed; answers the paths written. */
export async function writeGenerated(files: GeneratedFiles): Promise<string[]> {
  const written: string[] = [];
  for (const [name, fresh] of Object.entries(await files.generate())) {
    const path = join(files.dir, name);
    if (read(path) === fresh) continue;
    writeFileSync(path, fresh);
    written.push(path);
  }
  return written;
}

/**
 * The body of a package's scripts/generate.ts when it is run: writes the files, or with `--check`
 * exits 1 naming each stale one and `pnpm generate`. Does nothing when the script is imported.
 */
export async function runGenerator(files: GeneratedFiles, script: string): Promise<void> {
  if (script !== pathToFileURL(process.argv[1] ?? '').href) return;
  if (process.argv.includes('--check')) {
    const stale = await checkGenerated(files);
    for (const result of stale) if (result.kind === 'stale') console.error(result.message);
    if (stale.length > 0) process.exit(1);
    console.log(`${relative(WORKSPACE_ROOT, files.dir)} matches the spec.`);
    return;
  }
  const written = await writeGenerated(files);
  for (const path of written) console.log(`Wrote ${relative(WORKSPACE_ROOT, path)}`);
  if (written.length === 0) console.log(`${relative(WORKSPACE_ROOT, files.dir)} was up to date.`);
}

/** A TypeScript union of string literals, as generated files write one: `"a" | "b"`. */
export function literalUnion(values: readonly string[]): string {
  return values.map((value) => JSON.stringify(value)).join(' | ');
}
