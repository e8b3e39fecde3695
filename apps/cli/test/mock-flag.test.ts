import { describe, expect, it } from 'vitest';
import { cli } from './helpers.ts';

// --mock starts a fresh mock for each command: it says so once, and a task another --mock
// command started (10001) is plainly not there.

const NOTE = /^Using the so-batch mock at http:\/\/127\.0\.0\.1:\d+: a fresh mock for this command only \(tasks that an earlier --mock command started are gone; its seed tasks, such as 9001, do not move on their own\)\.\n/;

describe('--mock explains itself', () => {
  it('the note, once on stderr; stdout untouched', async () => {
    const result = await cli(['--mock', 'get', '9001', '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(NOTE);
    expect(result.stderr.match(/a fresh mock/g)).toHaveLength(1);
    expect(JSON.parse(result.stdout).Id).toBe(9001);
  }, 60_000);

  it.each([
    ['stop', ['stop', '10001']],
    ['watch', ['watch', '10001', '--timeout', '20']],
  ])('%s 10001 (started by another --mock command): "does not exist on this server", exit 5', async (_, args) => {
    const result = await cli(['--mock', ...args]);
    expect(result.code).toBe(5);
    expect(result.stderr).toMatch(NOTE);
    expect(result.stderr).toMatch(/\nso-batch: Task 10001 does not exist on this server \(or your user may not see it\)\.\n$/);
  }, 60_000);
});
