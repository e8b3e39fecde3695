import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { expect, it } from 'vitest';
import { generate, GENERATED_PATH, REGENERATE_COMMAND } from '../scripts/generate.ts';

/** The committed (staged) copy when this is a git checkout, else the file on disk. */
function committedCopy(): string {
  try {
    const top = execFileSync('git', ['rev-parse', '--show-toplevel'], { encoding: 'utf8' }).trim();
    return execFileSync('git', ['show', `:${relative(top, GENERATED_PATH)}`], { encoding: 'utf8', cwd: top, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return readFileSync(GENERATED_PATH, 'utf8');
  }
}

it('the committed generated types match the spec', async () => {
  const fresh = await generate();
  expect(fresh.startsWith('// Generated from spec/openapi.yaml')).toBe(true);
  expect(committedCopy() === fresh, `src/generated/schema.gen.ts is stale: run \`${REGENERATE_COMMAND}\` and commit the file.`).toBe(true);
});
