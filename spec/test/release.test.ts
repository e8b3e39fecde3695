import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRelease, CLIENT, judgeRelease, repoRoot, type CheckResult } from '../scripts/diff.ts';

const SPEC = fileURLToPath(new URL('..', import.meta.url));
const SCRIPT = fileURLToPath(new URL('../scripts/diff.ts', import.meta.url));
const TIMEOUT = 120_000; // each check runs redocly diff: a second or two, ten times that on a busy machine

/**
 * A throwaway repository with a copy of this spec, released as @so-batch/client@1.0.0 (the tag
 * `changeset publish` makes): the tests edit the copy, never the real spec.
 */
let repo: string;
const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid', ...args], { cwd: repo, encoding: 'utf8' });
const schemas = () => join(repo, 'spec', 'components', 'schemas.yaml');
const writeChangeset = (name: string, bump: string) =>
  writeFileSync(join(repo, '.changeset', `${name}.md`), `---\n"${CLIENT}": ${bump}\n---\n\nRenamed ProgressPercent.\n`);

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'so-batch-release-'));
  cpSync(SPEC, join(repo, 'spec'), {
    recursive: true,
    filter: (source) => !/[/\\](node_modules|dist|\.turbo|test-results)([/\\]|$)/.test(source.slice(SPEC.length - 1)),
  });
  mkdirSync(join(repo, 'packages', 'client'), { recursive: true });
  writeFileSync(join(repo, 'packages', 'client', 'package.json'), JSON.stringify({ name: CLIENT, version: '1.0.0' }));
  mkdirSync(join(repo, '.changeset'));
  writeFileSync(join(repo, '.changeset', 'README.md'), 'Changesets.\n');
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'release 1.0.0');
  git('tag', `${CLIENT}@1.0.0`);
});

afterAll(() => {
  if (repo) rmSync(repo, { recursive: true, force: true });
});

describe('the spec against its last release', () => {
  it('an unchanged spec has nothing to say', async () => {
    const result = await checkRelease(repo);
    expect(result.kind, result.message).toBe('fine');
    if (result.kind === 'fine') expect(result.report.summary).toEqual({ major: 0, minor: 0, patch: 0 });
  }, TIMEOUT);

  let refused: CheckResult | undefined;

  it('renaming ProgressPercent is major, and the check refuses it without a major changeset', async () => {
    const original = readFileSync(schemas(), 'utf8');
    const renamed = original.replace(/\bProgressPercent\b/g, 'ProgressPercentage');
    expect(original.match(/\bProgressPercent\b/g)).toHaveLength(3); // the property, its place in `required` and in `x-so-batch-never-null`
    writeFileSync(schemas(), renamed);

    // `pnpm spec:diff` (the same script) lists it as major, from the release tag by default.
    const diff = spawnSync(process.execPath, [SCRIPT], { cwd: repo, encoding: 'utf8' });
    expect(diff.status, diff.stderr).toBe(0);
    expect(diff.stdout).toContain(`since ${CLIENT}@1.0.0 (the last release tag)`);
    expect(diff.stdout).toMatch(/major .*ProgressPercentage/);
    expect(diff.stdout).toMatch(/Property `ProgressPercent` was renamed to `ProgressPercentage`/);

    refused = await checkRelease(repo);
    expect(refused.kind).toBe('breaking-without-major');
    expect(refused.message).toContain('Property `ProgressPercent` was renamed to `ProgressPercentage`');
    expect(refused.message).toContain(`pnpm changeset --major ${CLIENT}`);
  }, TIMEOUT);

  it('the command line refuses it too, with the same words', () => {
    const check = spawnSync(process.execPath, [SCRIPT, '--check'], { cwd: repo, encoding: 'utf8' });
    expect(check.status).toBe(1);
    expect(check.stderr).toContain('Property `ProgressPercent` was renamed to `ProgressPercentage`');
  }, TIMEOUT);

  it('a minor changeset does not cover it; a major one does, and so does the major version it made', async () => {
    if (refused?.kind !== 'breaking-without-major') throw new Error('needs the refused rename of the test before');
    const report = refused.report; // the same diff: only the changesets and the version change below
    writeChangeset('rename-progress', 'minor');
    expect((await judgeRelease(repo, report)).kind).toBe('breaking-without-major');
    writeChangeset('rename-progress', 'major');
    const accepted = await judgeRelease(repo, report);
    expect(accepted.kind, accepted.message).toBe('fine');
    expect(accepted.message).toContain('.changeset/rename-progress.md');

    // After `changeset version` has used the changeset up, the client's new major covers it.
    rmSync(join(repo, '.changeset', 'rename-progress.md'));
    expect((await judgeRelease(repo, report)).kind).toBe('breaking-without-major');
    writeFileSync(join(repo, 'packages', 'client', 'package.json'), JSON.stringify({ name: CLIENT, version: '2.0.0' }));
    expect((await judgeRelease(repo, report)).kind).toBe('fine');
  });

  it('a base that is not a ref is named in the error', async () => {
    const result = await checkRelease(repo, 'no-such-ref');
    expect(result).toEqual({ kind: 'git', message: '"no-such-ref" is not a commit, tag or branch of this repository.' });
  });
});

it('this repository has no breaking spec change without a major changeset', async () => {
  const result = await checkRelease(repoRoot(SPEC));
  expect(['no-release', 'fine'], result.message).toContain(result.kind);
}, TIMEOUT);
