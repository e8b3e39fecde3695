import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it.skipIf(!has('fish'))('fish: the same, asked through complete -C (skipped without fish: apt-get install fish)', async () => {
    const path = await script('fish');
    const complete = (line: string) =>
      spawnSync('fish', ['-c', `source ${path}; complete -C '${line}'`], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).map((row) => row.split('\t')[0]);
    expect(complete('so-batch st')).toEqual(['start', 'stop']);
    expect(complete('so-batch delete --')).toEqual(expect.arrayContaining(['--yes', '--json']));
    expect(complete('so-batch list --state Succ')).toEqual(['Succeeded', 'SucceededManualCleanup']);
    expect(complete('so-batch completion ')).toEqual(['bash', 'fish', 'zsh']);
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
