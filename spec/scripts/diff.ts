// What changed in the spec since a release, and what it means for the client's users.
//
//   node scripts/diff.ts [base]          every change between <base>'s spec and the working tree's,
//                                        each rated patch, minor or major (redocly diff, with
//                                        Redocly's diff-recommended rules)
//   node scripts/diff.ts --check [base]  fails when a change is major and no pending changeset
//                                        bumps @so-batch/client's major version
//
// <base> is any git ref. Without one: the last release tag of the client (`@so-batch/client@X.Y.Z`,
// which `changeset publish` or `changeset git-tag` makes), else the repository's first commit.
// The check needs a release to compare with: with no release tag and no base, it passes and says
// that nothing is released yet (a change cannot break users of a version nobody has).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readChangesets } from '@changesets/read';

export const CLIENT = '@so-batch/client';
const RELEASE_TAG_PATTERN = `${CLIENT}@*`;
/** Redocly's diff rules, kept apart from the lint config (redocly.yaml): diff-recommended only. */
const DIFF_CONFIG = fileURLToPath(new URL('../diff.redocly.yaml', import.meta.url));
const REDOCLY = join(dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')), 'bin', 'cli.js');

export type Impact = 'patch' | 'minor' | 'major';
export type Base = { ref: string; why: string; release?: string };
export type Change = { impact: Impact; where: string; messages: string[] };
export type DiffReport = { base: Base; summary: Record<Impact, number>; changes: Change[] };
export type DiffFailure = { kind: 'git'; message: string } | { kind: 'no-spec-at-base'; message: string } | { kind: 'redocly'; message: string };
export type CheckResult =
  | { kind: 'no-release'; message: string }
  | { kind: 'fine'; message: string; report: DiffReport }
  | { kind: 'breaking-without-major'; message: string; report: DiffReport }
  | DiffFailure;

function git(root: string, args: string[]): string {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
}

export function repoRoot(cwd = process.cwd()): string {
  return git(cwd, ['rev-parse', '--show-toplevel']).trim();
}

/** The last release tag of the client reachable from HEAD, if any. */
export function lastReleaseTag(root: string): string | undefined {
  try {
    return git(root, ['describe', '--tags', '--abbrev=0', '--match', RELEASE_TAG_PATTERN, 'HEAD']).trim() || undefined;
  } catch {
    return undefined; // no such tag
  }
}

/** The base a diff compares with when none is given: the last release, else the first commit. */
export function defaultBase(root: string): Base {
  const tag = lastReleaseTag(root);
  if (tag) return { ref: tag, why: 'the last release tag', release: tag.slice(CLIENT.length + 1) };
  const first = git(root, ['rev-list', '--max-parents=0', 'HEAD']).trim().split('\n').at(-1)!;
  return { ref: first, why: `the first commit: no ${RELEASE_TAG_PATTERN} tag yet` };
}

/** Writes <ref>'s spec/ into a temporary directory and returns its openapi.yaml. */
function specAt(root: string, ref: string): { path: string; dir: string } | DiffFailure {
  let files: string[];
  try {
    git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
    files = git(root, ['ls-tree', '-r', '--name-only', ref, '--', 'spec/']).split('\n').filter(Boolean);
  } catch {
    return { kind: 'git', message: `"${ref}" is not a commit, tag or branch of this repository.` };
  }
  if (!files.includes('spec/openapi.yaml')) return { kind: 'no-spec-at-base', message: `${ref} has no spec/openapi.yaml to compare with.` };
  const dir = mkdtempSync(join(tmpdir(), 'so-batch-spec-base-'));
  for (const file of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), execFileSync('git', ['show', `${ref}:${file}`], { cwd: root, maxBuffer: 64 << 20 }));
  }
  return { path: join(dir, 'spec', 'openapi.yaml'), dir };
}

/** "POST /api/v1/Agents/Batch/X responses/200/…" from redocly's JSON pointer. */
function readablePointer(pointer: string): string {
  const parts = pointer.replace(/^#\//, '').split('/').map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (parts[0] === 'paths' && parts.length >= 3) return `${parts[2]!.toUpperCase()} ${parts[1]} ${parts.slice(3).join('/')}`.trim();
  return parts.join('/');
}

type RedoclyJson = {
  summary: Record<Impact, number>;
  changes: { path: string; impact: Impact; verdicts?: { ruleId: string; message: string; impact: Impact }[] }[];
};

function redocly(args: string[], cwd: string, stdio: 'inherit' | 'pipe') {
  return spawnSync(process.execPath, [REDOCLY, 'diff', ...args, '--config', DIFF_CONFIG, '--fail-on', 'none'], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', stdio, 'pipe'],
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  });
}

/** Every change from <base>'s spec to the working tree's, rated. */
export function diffSpec(root: string, base: Base): DiffReport | DiffFailure {
  const baseSpec = specAt(root, base.ref);
  if ('kind' in baseSpec) return baseSpec;
  try {
    const output = join(baseSpec.dir, 'diff.json');
    const run = redocly([baseSpec.path, join(root, 'spec', 'openapi.yaml'), '--format', 'json', '--output', output], root, 'pipe');
    let json: RedoclyJson;
    try {
      json = JSON.parse(readFileSync(output, 'utf8')) as RedoclyJson;
    } catch {
      return { kind: 'redocly', message: `redocly diff failed (exit ${run.status}): ${(run.stderr ?? '').trim().slice(-2000)}` };
    }
    const changes = json.changes.map((change) => ({
      impact: change.impact,
      where: readablePointer(change.path),
      messages: (change.verdicts ?? []).map((verdict) => `${verdict.message} (${verdict.ruleId}, ${verdict.impact})`),
    }));
    return { base, summary: json.summary, changes };
  } finally {
    rmSync(baseSpec.dir, { recursive: true, force: true });
  }
}

/** Prints redocly's own report (each change with its rating) of <base> against the working tree. */
export function printDiff(root: string, base: Base): number {
  console.log(`Spec changes since ${base.ref} (${base.why}), rated by the semver bump they need:\n`);
  const baseSpec = specAt(root, base.ref);
  if ('kind' in baseSpec) {
    console.error(baseSpec.message);
    return 1;
  }
  try {
    const run = redocly([baseSpec.path, join(root, 'spec', 'openapi.yaml')], root, 'inherit');
    if (run.status !== 0) console.error((run.stderr ?? '').trim());
    return run.status ?? 1;
  } finally {
    rmSync(baseSpec.dir, { recursive: true, force: true });
  }
}

function majorOf(version: string): number {
  return Number(/^(\d+)\./.exec(version)?.[1] ?? Number.NaN);
}

/**
 * Refuses a major change without a major bump of the client: a pending changeset that bumps
 * @so-batch/client's major, or a client version already past the release's major (after
 * `changeset version`). `base` defaults to the last release tag; without one nothing is released.
 */
export async function checkRelease(root: string, baseRef?: string): Promise<CheckResult> {
  let base: Base;
  if (baseRef) {
    const release = baseRef.startsWith(`${CLIENT}@`) ? baseRef.slice(CLIENT.length + 1) : undefined;
    base = { ref: baseRef, why: 'given', ...(release ? { release } : {}) };
  } else {
    const tag = lastReleaseTag(root);
    if (!tag) return { kind: 'no-release', message: `No ${RELEASE_TAG_PATTERN} tag: nothing is released yet, so no spec change can break a user. The check starts with the first release tag.` };
    base = { ref: tag, why: 'the last release tag', release: tag.slice(CLIENT.length + 1) };
  }
  const report = diffSpec(root, base);
  if ('kind' in report) return report;
  return judgeRelease(root, report);
}

/** The verdict on a diff: fine, or a major change that no major bump of the client covers. */
export async function judgeRelease(root: string, report: DiffReport): Promise<CheckResult> {
  const { base } = report;
  const majors = report.changes.filter((change) => change.impact === 'major');
  const counts = `${report.summary.major} major, ${report.summary.minor} minor, ${report.summary.patch} patch`;
  if (majors.length === 0) return { kind: 'fine', report, message: `Spec changes since ${base.ref}: ${counts}; none breaks the client's users.` };

  const changesets = await readChangesets(root);
  const majorChangesets = changesets.filter((changeset) => changeset.releases.some((release) => release.name === CLIENT && release.type === 'major'));
  if (majorChangesets.length > 0) {
    return { kind: 'fine', report, message: `Spec changes since ${base.ref}: ${counts}; .changeset/${majorChangesets[0]!.id}.md bumps ${CLIENT}'s major version.` };
  }
  const clientVersion = (JSON.parse(readFileSync(join(root, 'packages', 'client', 'package.json'), 'utf8')) as { version: string }).version;
  if (base.release && majorOf(clientVersion) > majorOf(base.release)) {
    return { kind: 'fine', report, message: `Spec changes since ${base.ref}: ${counts}; ${CLIENT} is already at ${clientVersion}, a new major.` };
  }
  const listed = majors.map((change) => `  - ${change.where}: ${change.messages.join(' ') || 'major'}`).join('\n');
  return {
    kind: 'breaking-without-major',
    report,
    message:
      `The spec has ${majors.length} breaking (major) change${majors.length === 1 ? '' : 's'} since ${base.ref}, and no pending changeset bumps ${CLIENT}'s major version:\n${listed}\n` +
      `Undo the change, or record it: \`pnpm changeset --major ${CLIENT} -m "<what breaks and what to do instead>"\`.`,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const ref = args.find((arg) => !arg.startsWith('--'));
  let root: string;
  try {
    root = repoRoot();
  } catch {
    console.error('spec diff: not inside a git repository: it compares the spec with a git ref.');
    process.exit(2);
  }
  if (check) {
    const result = await checkRelease(root, ref);
    (result.kind === 'no-release' || result.kind === 'fine' ? console.log : console.error)(result.message);
    process.exit(result.kind === 'no-release' || result.kind === 'fine' ? 0 : 1);
  } else {
    let base: Base;
    try {
      base = ref ? { ref, why: 'given' } : defaultBase(root);
    } catch (error) {
      console.error(`spec diff: ${(error as Error).message}`);
      process.exit(2);
    }
    process.exit(printDiff(root, base));
  }
}
