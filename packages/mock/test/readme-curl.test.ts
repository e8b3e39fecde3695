import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../src/index.ts';

// The control API's curl lines of both READMEs, run as written (against this test's mock instead
// of 127.0.0.1:4010): each answers the status its comment names, else a 2xx. `curl` is wrapped
// only to print the status and keep the body, so the lines themselves are the README's.

const READMES = {
  'packages/mock/README.md': new URL('../README.md', import.meta.url),
  'README.md': new URL('../../../README.md', import.meta.url),
};
const WRAPPER = `curl() { command curl -sS -o /dev/null -w '%{http_code}\\n' "$@"; }\n`;

/** The sh blocks of `readme` that use the control API, as whole commands (continuation lines joined). */
function controlCommands(readme: string): string[] {
  const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1]!).filter((block) => block.includes('/mock/'));
  return blocks.flatMap((block) => block.replace(/\\\n\s*/g, ' ').split('\n').filter((line) => line.startsWith('curl ')));
}

/** The status a line's comment promises (`# 201, fault 1`), or undefined: any 2xx. */
function promised(line: string): number | undefined {
  const status = /#\s*(\d{3})\b/.exec(line)?.[1];
  return status === undefined ? undefined : Number(status);
}

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ clock: 'manual' });
});
afterAll(() => mock?.stop());

describe.each(Object.entries(READMES))('%s', (name, url) => {
  const commands = controlCommands(readFileSync(url, 'utf8'));

  it('has a curl line for each control: faults, reset, the clock and job behaviours', () => {
    for (const control of ['/mock/faults', '/mock/reset', '/mock/clock', '/mock/jobs/']) expect(commands.some((line) => line.includes(control)), `${name}: no curl line for ${control}`).toBe(true);
  });

  // Asynchronous: the mock answers from this very process.
  it('each line answers what its comment says', async () => {
    mock.reset();
    for (const line of commands) {
      const command = line.replaceAll('http://127.0.0.1:4010', mock.url);
      const { stdout } = await promisify(execFile)('bash', ['-c', WRAPPER + command], { encoding: 'utf8', timeout: 30_000 });
      const status = Number(stdout.trim().split('\n').pop());
      const wanted = promised(line);
      if (wanted === undefined) expect(status, line).toBeGreaterThanOrEqual(200), expect(status, line).toBeLessThan(300);
      else expect(status, line).toBe(wanted);
    }
  });
});
