import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it, onTestFinished } from 'vitest';

// x-so-batch-archive (components/archive.yaml) is what the mock's parser tables, the client's
// query types and the CLI are generated from. Its lint rule (so-batch/archive-consistent) must
// name what breaks it before a generator meets it; its decorator (so-batch/archive-tables)
// renders it into GetAll's description, which the docs page shows.

const run = promisify(execFile);
const SPEC = fileURLToPath(new URL('..', import.meta.url));
const REDOCLY = join(SPEC, 'node_modules', '.bin', 'redocly');
const ARCHIVE = readArchiveYaml();

function readArchiveYaml(): string {
  return readFileSync(join(SPEC, 'components', 'archive.yaml'), 'utf8');
}

/** A copy of the spec (its sources, config and plugin; not its node_modules or bundles) in the temp dir. */
function copySpec(): string {
  const dir = mkdtempSync(join(tmpdir(), 'so-batch-archive-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(SPEC, dir, { recursive: true, filter: (source) => !/[/\\](node_modules|dist|test|test-results|\.turbo)$/.test(source) });
  return dir;
}

/** Replaces `from` in a file of the copy, once: a missing `from` fails the test (the spec moved on). */
function edit(dir: string, file: string, from: string, to: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  expect(text, `${file} still holds ${JSON.stringify(from)}`).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

interface Problem {
  ruleId: string;
  message: string;
  location: { source: { ref: string }; pointer: string }[];
}

/** `redocly lint` with the spec's own config (redocly.yaml, found in the copy), as `pnpm lint` runs it. */
async function lint(dir: string): Promise<Problem[]> {
  const output = await run(REDOCLY, ['lint', 'openapi.yaml', '--format=json'], { cwd: dir, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 }).then(
    ({ stdout }) => stdout,
    // Exit 1 on errors: the report is still on stdout.
    (error: { stdout?: string; message: string }) => error.stdout || Promise.reject(new Error(`redocly lint did not report: ${error.message}`)),
  );
  return (JSON.parse(output) as { problems: Problem[] }).problems;
}

describe('so-batch/archive-consistent', () => {
  it('names a column whose property is not a BatchTaskInfo property, an operator kind that is not a kind, and a list enum value without a number', async () => {
    const dir = copySpec();
    edit(dir, 'components/archive.yaml', '{ name: startCount, kind: int, property: StartCount,', '{ name: startCount, kind: int, property: StartedCount,');
    edit(dir, 'components/archive.yaml', '{ name: le, arity: one, kinds: [int, associate],', '{ name: le, arity: one, kinds: [int, whole],');
    edit(dir, 'components/schemas.yaml', 'x-so-batch-numbers: { CanCancel: 0, CancelWithWarning: 1, CannotCancel: 2 }', 'x-so-batch-numbers: { CanCancel: 0, CannotCancel: 2 }');

    const problems = (await lint(dir)).filter((problem) => problem.ruleId === 'so-batch/archive-consistent');
    // Where each points: the operation's x-so-batch-archive (which $refs archive.yaml), down to the bad value.
    const where = (problem: Problem) => `${problem.location[0]!.source.ref.split('/').pop()}${problem.location[0]!.pointer}`;
    expect(problems.map((problem) => [problem.message, where(problem)]).sort()).toEqual(
      [
        ['x-so-batch-archive: column "startCount" shows "StartedCount", which is not a BatchTaskInfo property.', 'BatchTask.yaml#/get/x-so-batch-archive/columns/9/property'],
        ['x-so-batch-archive: "whole" is not one of the archive\'s kinds (int, string, associate, list, date, bool).', 'BatchTask.yaml#/get/x-so-batch-archive/operators/2/kinds/1'],
        [
          'x-so-batch-archive: list column "cancellationBehaviour" shows "CancellationBehaviour", which is not an enum with x-so-batch-numbers (a number for each of its values).',
          'BatchTask.yaml#/get/x-so-batch-archive/columns/20/property',
        ],
      ].sort(),
    );
  });

  it('finds nothing to say about the real spec', async () => {
    expect((await lint(SPEC)).filter((problem) => problem.ruleId.startsWith('so-batch/'))).toEqual([]);
  });
});

describe('so-batch/archive-tables', () => {
  it("renders x-so-batch-archive into GetAll's description in the bundle: a row per column, per kind, per operator, per function", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'so-batch-archive-bundle-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const output = join(dir, 'openapi.json');
    await run(REDOCLY, ['bundle', 'openapi.yaml', '--output', output], { cwd: SPEC, timeout: 60_000 });
    const bundled = JSON.parse(readFileSync(output, 'utf8'));
    const getAll = bundled.paths['/api/v1/BatchTask'].get;
    const description: string = getAll.description;
    const archive = getAll['x-so-batch-archive'] as {
      kinds: Record<string, { title: string; description: string }>;
      columns: { name: string; kind: string; property: string; default: boolean }[];
      operators: { name: string; aliases?: string[]; arity: string; kinds: string[] }[];
      functions: { form: string }[];
    };
    // The facts come from archive.yaml: read them there too, so the test follows the spec.
    expect(archive.columns.length).toBe([...ARCHIVE.matchAll(/^ {2}- \{ name: \w+, kind:/gm)].length);

    expect(description).toContain('\n### The BatchTasks archive\n');
    const rows = (header: string) => {
      const start = description.indexOf(`\n${header}\n`);
      expect(start, `a table headed ${header}`).toBeGreaterThan(0);
      const lines = description.slice(start + header.length + 2).split('\n');
      expect(lines[0]).toMatch(/^\| ---( \| ---)* \|$/);
      return lines.slice(1, lines.findIndex((line) => !line.startsWith('|')));
    };
    const kindTitle = (kind: string) => archive.kinds[kind]!.title;
    expect(rows('| Column | Kind | BatchTaskInfo property | Without $select |')).toEqual(
      archive.columns.map((column) => `| \`${column.name}\` | ${kindTitle(column.kind)} | \`${column.property}\` | ${column.default ? 'yes' : 'no'} |`),
    );
    expect(rows('| Kind | Values |')).toHaveLength(Object.keys(archive.kinds).length);
    const operatorRows = rows('| Operator | Also written | Form | Kinds | Means |');
    expect(operatorRows.map((row) => /^\| `([^`]+)` \|/.exec(row)?.[1])).toEqual(archive.operators.map((operator) => operator.name));
    expect(operatorRows.find((row) => row.startsWith('| `currentAssociate` |'))).toBe("| `currentAssociate` |  | `column op` | associate | the caller's associate id |");
    expect(operatorRows.find((row) => row.startsWith('| `eq` |'))).toMatch(/^\| `eq` \| `=`, `equals` \| `column op value` \| number, associate, list, string, yes\/no \|/);
    expect(rows('| Function | Kinds | Means |')).toHaveLength(archive.functions.length);
  });
});
