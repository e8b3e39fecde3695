// The mock's environment variables, read once for both ways of serving it: the bin
// (`npx @so-batch/mock`) and the dev loop (`pnpm dev`). Files are read relative to where the
// user ran the command (fixturePath).
import { readJobsFile, type JobBehaviour } from './jobs.ts';
import { fixturePath, readFixtureFile } from './seed.ts';
import { bundledSpecPath, loadSpec } from './spec.ts';
import type { ClockMode } from './clock.ts';
import type { StoredTask } from './store.ts';

/** A variable the mock cannot use: the message names it and what it takes. */
export class MockEnvError extends Error {
  override readonly name = 'MockEnvError';
}

export interface MockEnvOptions {
  /** MOCK_PORT (4010). */
  port: number;
  /** MOCK_TASK_SECONDS (5), in ms. */
  taskRunMs: number;
  /** MOCK_MAX_TASKS (the store's default when absent). */
  maxTasks?: number;
  /** MOCK_CLOCK: real (default) or manual. */
  clock: ClockMode;
  /** MOCK_TASKS: the tasks to start with, instead of the seed. */
  tasks?: StoredTask[];
  /** MOCK_JOBS: how jobs of these names run. */
  jobs?: Record<string, JobBehaviour>;
}

/** Reads MOCK_PORT, MOCK_TASK_SECONDS, MOCK_MAX_TASKS, MOCK_CLOCK, MOCK_TASKS and MOCK_JOBS; throws MockEnvError. */
export function mockOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): MockEnvOptions {
  const port = Number(env.MOCK_PORT ?? 4010);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new MockEnvError(`MOCK_PORT must be a port number (0-65535), not "${env.MOCK_PORT}".`);
  const taskSeconds = Number(env.MOCK_TASK_SECONDS ?? 5);
  if (!Number.isFinite(taskSeconds) || taskSeconds < 0 || taskSeconds > 86_400) {
    throw new MockEnvError(`MOCK_TASK_SECONDS must be a number of seconds (0-86400), not "${env.MOCK_TASK_SECONDS}".`);
  }
  const maxTasks = env.MOCK_MAX_TASKS === undefined ? undefined : Number(env.MOCK_MAX_TASKS);
  if (maxTasks !== undefined && (!Number.isInteger(maxTasks) || maxTasks < 1 || maxTasks > 10_000_000)) {
    throw new MockEnvError(`MOCK_MAX_TASKS must be a whole number of tasks (1-10000000), not "${env.MOCK_MAX_TASKS}".`);
  }
  const clock = env.MOCK_CLOCK ?? 'real';
  if (clock !== 'real' && clock !== 'manual') throw new MockEnvError(`MOCK_CLOCK must be real or manual, not "${clock.slice(0, 40)}".`);
  const options: MockEnvOptions = { port, taskRunMs: taskSeconds * 1000, clock, ...(maxTasks === undefined ? {} : { maxTasks }) };
  if (env.MOCK_TASKS) {
    try {
      options.tasks = readFixtureFile(loadSpec(bundledSpecPath()), fixturePath(env.MOCK_TASKS, env), maxTasks === undefined ? {} : { maxTasks });
    } catch (error) {
      throw new MockEnvError(`MOCK_TASKS: ${(error as Error).message}`, { cause: error });
    }
  }
  if (env.MOCK_JOBS) {
    try {
      options.jobs = readJobsFile(loadSpec(bundledSpecPath()), fixturePath(env.MOCK_JOBS, env));
    } catch (error) {
      throw new MockEnvError(`MOCK_JOBS: ${(error as Error).message}`, { cause: error });
    }
  }
  return options;
}
