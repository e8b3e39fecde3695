import { describe, expect, it } from 'vitest';
import { MockEnvError, mockOptionsFromEnv } from '../src/index.ts';

// One reading of the MOCK_* variables for the bin and for `pnpm dev` (test/fixtures.test.ts runs both).
describe('mockOptionsFromEnv', () => {
  it('gives the defaults for an empty environment', () => {
    expect(mockOptionsFromEnv({})).toEqual({ port: 4010, taskRunMs: 5000, clock: 'real' });
    expect(mockOptionsFromEnv({ MOCK_PORT: '0', MOCK_TASK_SECONDS: '0.5', MOCK_MAX_TASKS: '7', MOCK_CLOCK: 'manual' })).toEqual({ port: 0, taskRunMs: 500, clock: 'manual', maxTasks: 7 });
  });

  it.each([
    [{ MOCK_PORT: '65536' }, 'MOCK_PORT must be a port number (0-65535), not "65536".'],
    [{ MOCK_TASK_SECONDS: '-1' }, 'MOCK_TASK_SECONDS must be a number of seconds (0-86400), not "-1".'],
    [{ MOCK_MAX_TASKS: '0' }, 'MOCK_MAX_TASKS must be a whole number of tasks (1-10000000), not "0".'],
    [{ MOCK_CLOCK: 'fast' }, 'MOCK_CLOCK must be real or manual, not "fast".'],
    [{ MOCK_TASKS: '/nonexistent/tasks.json' }, 'MOCK_TASKS: '],
    [{ MOCK_JOBS: '/nonexistent/jobs.json' }, 'MOCK_JOBS: '],
  ])('refuses %o with a MockEnvError naming the variable', (env, message) => {
    expect(() => mockOptionsFromEnv(env)).toThrow(MockEnvError);
    expect(() => mockOptionsFromEnv(env)).toThrow(message);
  });
});
