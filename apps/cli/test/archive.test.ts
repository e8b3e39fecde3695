import { readFileSync } from 'node:fs';
import { ARCHIVE_COLUMN_KINDS, ARCHIVE_DEFAULT_COLUMNS, ARCHIVE_FUNCTIONS, ARCHIVE_OPERATORS } from '@so-batch/client';
import { startMock, type FixtureTask, type RunningMock } from '@so-batch/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from './helpers.ts';

// query and the BatchTasks archive: --help lists the spec's columns and operators, its examples
// run against the mock, and the README's CLI line, word for word, answers what it promises.

/** A shell line's words: "double" and 'single' quotes, backslash escapes; a redirect (> file) dropped. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === ' ' || ch === '\t') {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (ch === "'" || ch === '"') {
      const end = line.indexOf(ch, i + 1);
      if (end < 0) throw new Error(`unclosed ${ch} in: ${line}`);
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (ch === '\\') {
      word = (word ?? '') + line[++i]!;
    } else word = (word ?? '') + ch;
  }
  if (word !== undefined) words.push(word);
  const redirect = words.indexOf('>');
  return redirect < 0 ? words : words.slice(0, redirect);
}

/** The README's sh block under "### Query the archive, typed": its one command, continuation lines joined. */
function readmeLine(): string {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('### Query the archive, typed\n'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error('README.md: no sh block under "### Query the archive, typed"');
  return block.replace(/\\\n\s*/g, '').trim();
}

// The sandbox's time: Wednesday 25 November 2026, so "last week" is Monday 16 to Sunday 22 (UTC).
const NOW = '2026-11-25T10:00:00Z';
const ME = 195; // tje0
const OTHER = 497; // ada
const failedExport = (Id: number, Created: string, changes: Partial<FixtureTask> = {}): FixtureTask => ({
  Id,
  Name: 'ExportJob',
  State: 'Failed',
  AssociateId: ME,
  Created,
  Result: `Export ${Id} failed: disk full`,
  ...changes,
});
const TASKS: FixtureTask[] = [
  failedExport(501, '2026-11-16T00:00:00Z'), // last week's first second
  failedExport(502, '2026-11-22T23:59:59Z'), // and its last
  failedExport(503, '2026-11-19T12:00:00Z'),
  failedExport(504, '2026-11-20T08:00:00Z', { Name: 'ExportCsv' }), // begins with Export too
  failedExport(505, '2026-11-15T23:59:59Z'), // the Sunday before: two weeks ago
  failedExport(506, '2026-11-23T00:00:00Z'), // this week
  failedExport(507, '2026-11-18T09:00:00Z', { AssociateId: OTHER }),
  failedExport(508, '2026-11-18T09:00:00Z', { State: 'Succeeded', Result: 'done' }),
  failedExport(509, '2026-11-18T09:00:00Z', { Name: 'ImportJob' }),
  failedExport(510, '2026-11-18T09:00:00Z', { Name: 'MyExportJob' }), // contains Export, does not begin with it
];

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ clock: 'manual', clockStart: NOW, tasks: TASKS });
}, 60_000);
afterAll(() => mock?.stop());

const env = () => ({ SO_BASE_URL: mock.url, SO_USER: 'tje0', SO_PASSWORD: 'Tje0' });

describe("the README's query line", () => {
  const words = () => {
    const line = readmeLine();
    expect(line.startsWith('pnpm -s so-batch query ')).toBe(true);
    return shellWords(line.slice('pnpm -s so-batch '.length));
  };

  it("word for word: associate 195's failed exports of last week, newest first, exit 0", async () => {
    const run = await cli([...words(), '--json'], env());
    expect(run.code, run.stderr).toBe(0);
    const rows = JSON.parse(run.stdout).value as Record<string, unknown>[];
    expect(rows.map((row) => row.batchTaskId)).toEqual([502, 504, 503, 501]);
    expect(rows[0]).toMatchObject({ batchTaskId: 502, name: 'ExportJob', created: '2026-11-22T23:59:59Z', result: 'Export 502 failed: disk full' });
    expect(run.stderr).toBe('');
  });

  it('as a table: the same rows, and how many', async () => {
    const run = await cli(words(), env());
    expect(run.code, run.stderr).toBe(0);
    const ids = [...run.stdout.matchAll(/^│ (\d+) /gm)].map((match) => Number(match[1]));
    expect(ids).toEqual([502, 504, 503, 501]);
    expect(run.stdout).toMatch(/\n4 rows\n$/);
  });

  it("a column typo (creatd): the mock's 400, explained, exit 6", async () => {
    const run = await cli(words().map((word) => word.replace('created lastWeek', 'creatd lastWeek')), env());
    expect(run.code).toBe(6);
    expect(run.stderr).toMatch(/^so-batch: The server answered HTTP 400: The OData query cannot be read: \$filter at position \d+: unknown column 'creatd' \(the BatchTasks archive has: [^)]*\bcreated\b/);
    expect(run.stdout).toBe('');
  });

  it("associateId eq currentAssociate: the mock's teaching message, exit 6", async () => {
    const run = await cli(words().map((word) => word.replace('associateId currentAssociate', 'associateId eq currentAssociate')), env());
    expect(run.code).toBe(6);
    expect(run.stderr).toMatch(/^so-batch: The server answered HTTP 400: /);
    expect(run.stderr).toContain('write `associateId currentAssociate`');
  });
});

describe('query --help and the archive', () => {
  it('lists every column with its kind, marks the default ones, and the operators of each kind', async () => {
    const help = (await cli(['query', '--help'])).stdout;
    const defaults = new Set<string>(ARCHIVE_DEFAULT_COLUMNS);
    for (const [column, kind] of Object.entries(ARCHIVE_COLUMN_KINDS)) {
      expect(help).toMatch(new RegExp(`\\n {2}${column} +${kind}${defaults.has(column) ? ' +default' : ''}\\n`));
    }
    for (const kind of new Set(Object.values(ARCHIVE_COLUMN_KINDS))) {
      const line = new RegExp(`\\n {2}${kind} +([^\\n]*(?:\\n {5,}[^\\n]*)*)`).exec(help)?.[1];
      const named = line?.split(/,\s*(?![^(]*\))/).map((form) => form.split(' ')[0]);
      const expected = Object.entries(ARCHIVE_OPERATORS).filter(([, operator]) => (operator.kinds as readonly string[]).includes(kind)).map(([name]) => name);
      expect(named, kind).toEqual(expected);
    }
    for (const form of ARCHIVE_FUNCTIONS) expect(help).toContain(form);
  });

  it("every query example in the help and the CLI's README runs against the mock: exit 0", async () => {
    const helps = (await cli(['query', '--help'])).stdout + (await cli(['--help'])).stdout;
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const examples = [...`${helps}\n${readme}`.matchAll(/^(?: {2})?so-batch (query .*)$/gm)].map((match) => shellWords(match[1]!));
    expect(examples.length).toBeGreaterThanOrEqual(7);
    for (const args of examples) {
      const run = await cli(args, env());
      expect(run.code, `so-batch ${args.join(' ')}: ${run.stderr}`).toBe(0);
    }
  }, 60_000);
});
