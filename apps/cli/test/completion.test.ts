import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARCHIVE_COLUMN_KINDS, ARCHIVE_OPERATORS } from '@so-batch/client';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers.ts';

// The scripts come from commander's command tree: each is loaded into its real shell and asked
// for completions (zsh only parsed: its completion system needs an interactive terminal).

const has = (shell: string) => spawnSync(shell, ['-c', 'exit 0']).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'so-batch-completion-'));

async function script(shell: string): Promise<string> {
  const run = await cli(['completion', shell]);
  expect(run.code, run.stderr).toBe(0);
  const path = join(dir, `so-batch.${shell}`);
  writeFileSync(path, run.stdout);
  return path;
}

/** Completion of `value` after `so-batch query <flag>`, asked of a shell's script. */
type ValueCompletion = (flag: string, value: string) => string[];

const COLUMNS = Object.keys(ARCHIVE_COLUMN_KINDS);
const operatorsOf = (kind: string) => Object.entries(ARCHIVE_OPERATORS).filter(([, operator]) => (operator.kinds as readonly string[]).includes(kind)).map(([name]) => name);
const sorted = (words: string[]) => [...words].sort();

/** What every shell completes of query's archive values (the order left to the shell). */
function expectArchiveValues(complete: ValueCompletion): void {
  expect(sorted(complete('--select', ''))).toEqual(sorted(COLUMNS));
  expect(sorted(complete('--select', 'name,st'))).toEqual(['name,startCount', 'name,state']);
  expect(complete('--order-by', 'na')).toEqual(['name']);
  expect(sorted(complete('--order-by', 'created '))).toEqual(['created asc', 'created desc']);
  expect(complete('--order-by', 'created d')).toEqual(['created desc']);
  expect(complete('--order-by', 'created desc,batchT')).toEqual(['created desc,batchTaskId']);
  expect(complete('--filter', 'crea')).toEqual(['created']);
  // After a column, the operators of its kind (every spelling), from the spec.
  expect(sorted(complete('--filter', 'created '))).toEqual(sorted(operatorsOf('date').map((operator) => `created ${operator}`)));
  expect(sorted(complete('--filter', 'state '))).toEqual(sorted(operatorsOf('list').map((operator) => `state ${operator}`)));
  expect(complete('--filter', 'name beg')).toEqual(['name begins']);
  expect(complete('--filter', "name begins 'Export' and associateId cu")).toEqual(["name begins 'Export' and associateId currentAssociate"]);
  // A value is the user's to type.
  expect(complete('--filter', 'name begins ')).toEqual([]);
}

describe('so-batch completion', () => {
  it('bash: commands, options of the command typed, states for --state, shells for completion', async () => {
    const path = await script('bash');
    const complete = (...words: string[]) => {
      const line = `source ${path}; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _so_batch; printf '%s\\n' "\${COMPREPLY[@]}"`;
      return spawnSync('bash', ['-c', line], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
    };
    expect(complete('so-batch', '')).toEqual(expect.arrayContaining(['list', 'query', 'get', 'start', 'stop', 'update', 'watch', 'delete', 'completion', '--json', '--base-url']));
    expect(complete('so-batch', 'st')).toEqual(['start', 'stop']);
    expect(complete('so-batch', 'list', '--a')).toEqual(['--associate', '--all']);
    expect(complete('so-batch', 'query', '--')).toEqual(expect.arrayContaining(['--filter', '--order-by', '--top', '--skip', '--select', '--all-pages', '--json']));
    expect(complete('so-batch', 'list', '--state', 'Succ')).toEqual(['Succeeded', 'SucceededManualCleanup']);
    expect(complete('so-batch', 'completion', 'z')).toEqual(['zsh']);
    expect(complete('so-batch', 'list', '--name', '')).toEqual([]);
  });

  it("bash: query --select, --order-by and --filter complete the archive's columns, directions and operators", async () => {
    const path = await script('bash');
    const complete = (...words: string[]) => {
      const line = `source ${path}; COMP_WORDS=(${words.map((w) => `'${w.replaceAll("'", "'\\''")}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _so_batch; printf '%s\\n' "\${COMPREPLY[@]}"`;
      return spawnSync('bash', ['-c', line], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
    };
    expectArchiveValues((flag, value) => complete('so-batch', 'query', flag, value));
    // A quote the user opened stays.
    expect(complete('so-batch', 'query', '--filter', '"associateId cu')).toEqual(['"associateId currentAssociate']);
    // list's --select takes BatchTaskInfo properties, not the archive's columns.
    expect(complete('so-batch', 'list', '--select', '')).toEqual([]);
  });

  it.skipIf(!has('fish'))('fish: the same, asked through complete -C (skipped without fish: apt-get install fish)', async () => {
    const path = await script('fish');
    const complete = (line: string) =>
      spawnSync('fish', ['-c', `source ${path}; complete -C '${line}'`], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).map((row) => row.split('\t')[0]);
    expect(complete('so-batch st')).toEqual(['start', 'stop']);
    expect(complete('so-batch delete --')).toEqual(expect.arrayContaining(['--yes', '--json']));
    expect(complete('so-batch list --state Succ')).toEqual(['Succeeded', 'SucceededManualCleanup']);
    expect(complete('so-batch completion ')).toEqual(['bash', 'fish', 'zsh']);
  });

  it.skipIf(!has('fish'))("fish: query's archive values, as bash's (skipped without fish)", async () => {
    const path = await script('fish');
    const complete = (line: string) => spawnSync('fish', ['-c', `source ${path}; complete -C $argv[1]`, line], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).map((row) => row.split('\t')[0]!);
    // Quoted as typed: fish matches the token unquoted.
    expectArchiveValues((flag, value) => complete(`so-batch query ${flag} "${value}`));
    expect(complete('so-batch query --filter created\\ last')).toEqual(['created lastMonth', 'created lastQuarter', 'created lastWeek']);
  });

  it.skipIf(!has('zsh'))("zsh: query's archive values, as bash's (its function run with compset and compadd stood in for; skipped without zsh)", async () => {
    const path = await script('zsh');
    // compset and compadd work only inside a completion widget, which needs a terminal: these do what they do here.
    const stand = [
      'compdef() { :; }',
      `source ${path}`,
      'compset() { local m=${(M)PREFIX##$~2}; IPREFIX+=$m; PREFIX=${PREFIX#$m} }',
      'compadd() { local -a w; if [[ $1 == -a ]]; then w=(${(P)2}); else shift; w=("$@"); fi; for x in $w; do [[ $x == $PREFIX* ]] && print -r -- "$IPREFIX$x"; done }',
      'IPREFIX= PREFIX=$2 _so_batch_archive $1',
    ].join('\n');
    const text = (await cli(['completion', 'zsh'])).stdout;
    for (const [flag, what] of [['--select', 'select'], ['--order-by', 'order-by'], ['--filter', 'filter']]) expect(text).toContain(`:${what}:{_so_batch_archive ${what}}'`);
    expectArchiveValues((flag, value) => spawnSync('zsh', ['-c', stand, 'zsh', flag.slice(2), value], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean));
  });

  it.skipIf(!has('zsh'))('zsh: parses, and names every command and option (skipped without zsh: apt-get install zsh)', async () => {
    const path = await script('zsh');
    const parsed = spawnSync('zsh', ['-n', path], { encoding: 'utf8' });
    expect(parsed.status, parsed.stderr).toBe(0);
    const text = (await cli(['completion', 'zsh'])).stdout;
    expect(text.startsWith('#compdef so-batch\n')).toBe(true);
    for (const name of ['list:', 'query:', 'stop:', 'delete:', "--all-pages'[", "--request-timeout'[", '(Unknown New Aquired Started Succeeded Failed SucceededManualCleanup All)', "'1:value:(bash zsh fish)'"]) expect(text).toContain(name);
    // Defining it in a shell and asking compdef for it works without a terminal.
    const loaded = spawnSync('zsh', ['-c', `autoload -U compinit && compinit -u -D && source ${path} && print -r -- $_comps[so-batch]`], { encoding: 'utf8' });
    expect(loaded.stdout.trim(), loaded.stderr).toBe('_so_batch');
  });

  it('an unknown shell is a usage error', async () => {
    const run = await cli(['completion', 'tcsh']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^so-batch: command-argument value 'tcsh' is invalid for argument 'shell'\. Allowed choices are bash, zsh, fish\./);
  });
});
