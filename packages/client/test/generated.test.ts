import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, it, onTestFinished } from 'vitest';
import { compareGenerated } from '@so-batch/spec/generated';
import { checkAllGenerated, generate, GENERATED_DIR, GENERATED_PATH, REGENERATE_COMMAND } from '../scripts/generate.ts';

// The file in the working tree is what is compared, whatever git has staged: turbo's cache key
// for this test (its inputs: the package's files, the spec through @so-batch/spec#build) reads
// the working tree too, so a stale file is never a cache hit. CI (.ci/run) also fails when
// `pnpm generate` leaves `git status` dirty, which catches a fresh file that was not committed.

it('the generated types and functions in the working tree match the spec', async () => {
  const result = await checkAllGenerated();
  expect(result.kind === 'fresh', result.kind === 'stale' ? result.message : '').toBe(true);
});

it('a stale function module fails with the one command that fixes it', async () => {
  const copy = mkdtempSync(join(tmpdir(), 'so-batch-stale-'));
  onTestFinished(() => rmSync(copy, { recursive: true }));
  for (const name of ['schema.gen.ts', 'agents.gen.ts', 'rest.gen.ts', 'reads.gen.ts', 'facts.gen.ts']) writeFileSync(join(copy, name), readFileSync(join(GENERATED_DIR, name), 'utf8'));
  writeFileSync(join(copy, 'rest.gen.ts'), readFileSync(join(GENERATED_DIR, 'rest.gen.ts'), 'utf8').replace("method: 'DELETE'", "method: 'POST'"));
  const result = await checkAllGenerated(copy);
  if (result.kind === 'stale') onTestFinished(() => rmSync(dirname(result.freshCopy), { recursive: true }));
  expect(result).toMatchObject({ kind: 'stale', message: expect.stringMatching(/rest\.gen\.ts is stale .* run `pnpm generate` and commit it/) });
});

it('a stale copy fails with the one command that fixes it', async () => {
  const fresh = await generate();
  expect(fresh.startsWith('// Generated from spec/openapi.yaml')).toBe(true);
  const result = compareGenerated(GENERATED_PATH, fresh.replace('DateTime: string;', 'DateTime: string | unknown;'), fresh);
  if (result.kind === 'stale') onTestFinished(() => rmSync(dirname(result.freshCopy), { recursive: true }));
  expect(result.kind).toBe('stale');
  if (result.kind !== 'stale') return;
  expect(result.message).toContain('packages/client/src/generated/schema.gen.ts is stale');
  expect(result.message).toContain(`run \`${REGENERATE_COMMAND}\``);
  expect(result.message).toContain('DateTime: string | unknown;');
  expect(readFileSync(result.freshCopy, 'utf8')).toBe(fresh);
  expect(readFileSync(GENERATED_PATH, 'utf8').split('\n')[0]).toContain(`\`${REGENERATE_COMMAND}\``);
});
