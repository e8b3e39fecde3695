import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { checkGenerated, doNotEditHeader, REGENERATE_COMMAND, writeGenerated, type GeneratedFiles } from '../scripts/generated.ts';

// The runner every sibling's scripts/generate.ts shares: `pnpm generate` writes through it,
// `pnpm check:generated` compares through it.

function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'so-batch-generated-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const files = (dir: string, content: Record<string, string>): GeneratedFiles => ({ dir, generate: async () => content });

describe('the generated-files runner', () => {
  it('writes only what changed, then finds everything fresh', async () => {
    const dir = scratch();
    const set = files(dir, { 'a.gen.ts': `${doNotEditHeader('test')}\nexport const a = 1;\n`, 'b.gen.ts': 'export const b = 2;\n' });
    expect((await writeGenerated(set)).map((path) => path.split('/').pop())).toEqual(['a.gen.ts', 'b.gen.ts']);
    expect(await writeGenerated(set)).toEqual([]);
    expect(await checkGenerated(set)).toEqual([]);
    expect(readFileSync(join(dir, 'a.gen.ts'), 'utf8')).toMatch(/^\/\/ Generated from spec\/openapi\.yaml .* by `pnpm generate` \(test\)\.\n\/\/ Do not edit/);
  });

  it('names each stale or missing file, the first differing line, and `pnpm generate`', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'a.gen.ts'), 'export const a = 1;\nexport const old = true;\n');
    const stale = await checkGenerated(files(dir, { 'a.gen.ts': 'export const a = 1;\nexport const fresh = true;\n', 'b.gen.ts': 'x\n' }));
    for (const result of stale) if (result.kind === 'stale') onTestFinished(() => rmSync(dirname(result.freshCopy), { recursive: true, force: true }));
    expect(stale.map((result) => (result.kind === 'stale' ? result.message : ''))).toEqual([
      expect.stringMatching(/a\.gen\.ts is stale \(it differs from the spec from line 2 on: "export const old = true;" where the spec gives "export const fresh = true;"\): run `pnpm generate` and commit it\./),
      expect.stringMatching(/b\.gen\.ts is missing: run `pnpm generate` and commit it\./),
    ]);
    expect(REGENERATE_COMMAND).toBe('pnpm generate');
  });

  it('a generator script run with --check exits 1 with the message, and writes without it', () => {
    const dir = scratch();
    const runner = fileURLToPath(new URL('../scripts/generated.ts', import.meta.url));
    const script = join(dir, 'generate.ts');
    writeFileSync(script, `import { runGenerator } from ${JSON.stringify(runner)};\nawait runGenerator({ dir: ${JSON.stringify(dir)}, generate: async () => ({ 'x.gen.ts': 'fresh\\n' }) }, import.meta.url);\n`);
    const check = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
    expect(check.status).toBe(1);
    expect(check.stderr).toMatch(/x\.gen\.ts is missing: run `pnpm generate` and commit it\./);
    execFileSync(process.execPath, [script], { encoding: 'utf8' });
    expect(readFileSync(join(dir, 'x.gen.ts'), 'utf8')).toBe('fresh\n');
    expect(spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' }).status).toBe(0);
  });
});
