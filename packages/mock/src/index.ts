import type { AddressInfo } from 'node:net';
import type { MockClock } from './clock.ts';
import { createFront, resolveLimits, type FrontLimits } from './front.ts';
import type { JobBehaviour, MockJobs } from './jobs.ts';
import { createSandbox, SANDBOX_OPTIONS, sandboxState, seedFor, type MockSandbox } from './sandbox.ts';
import type { StoredTask } from './store.ts';
import { startPrism } from './prism.ts';
import { bundledSpecPath, loadSpec } from './spec.ts';

export { DEFAULT_BODY_LIMIT, DEFAULT_LIMITS, type FrontLimits } from './front.ts';
export { bundledSpecPath, loadSpec } from './spec.ts';
export { ASSOCIATES, DEFAULT_CALLER, FixtureError, readFixtureFile } from './seed.ts';
export { DEFAULT_MAX_PARAMETER_BYTES, DEFAULT_MAX_STRING, DEFAULT_MAX_TASKS, type StoredTask } from './store.ts';
export type { ClockMode, MockClock } from './clock.ts';
export { readJobsFile, userPath, type CancellationBehaviour, type JobBehaviour, type MockJobs } from './jobs.ts';
export { MAX_ARCHIVE_PAGE_SIZE, type MockSandbox } from './sandbox.ts';
export {
  ARCHIVE_PAGE_SIZE,
  ARCHIVE_QUERY_PARAMETERS,
  BATCH_TASK_COLUMNS,
  ENTITY_NAME,
  MAX_FILTER_CONDITIONS,
  MAX_LIST_VALUES,
  MAX_PARAMETER_LENGTH,
  MAX_PERIOD_COUNT,
  ODataQueryError,
  formatArchiveQuery,
  jsonSafeName,
  parseArchiveQuery,
  queryBatchTasks,
} from './odata.ts';
export type { ArchiveColumn, ArchiveContext, ArchiveMode, ArchiveOptions, ArchivePage, ArchiveQuery, ArchiveRow, BatchTaskInfoLike, ColumnKind } from './odata.ts';

/**
 * Each size and time a client controls has a cap (see FrontLimits and DEFAULT_LIMITS): body
 * (bodyLimit, 1 MiB), nesting (depthLimit, 64), request head (headerLimit, 16 KiB), time for the
 * headers (headersTimeoutMs, 5 s) and for the whole request (requestTimeoutMs, 10 s), idle
 * keep-alive (keepAliveTimeoutMs, 5 s) and connections at once (maxConnections, 256).
 */
export interface MockOptions extends Partial<FrontLimits> {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  host?: string;
  /** The bundled spec to serve; the workspace's spec/dist/openapi.json by default. */
  specPath?: string;
  /** How long a job started through the mock runs before it ends (5000 ms by default). */
  taskRunMs?: number;
  /**
   * The tasks the store starts with (and `reset()` returns to), instead of the default seed:
   * BatchTaskInfo objects with at least Id, Name and a real State; the rest is filled in. Checked
   * against the spec: a bad one throws a FixtureError naming the task and the property.
   */
  tasks?: readonly Record<string, unknown>[];
  /** Tasks kept at most (1000 by default); past it the oldest finished task is forgotten. */
  maxTasks?: number;
  /** Characters kept at most in a task's string property (8192 by default); a longer one gets 400. */
  maxStringLength?: number;
  /** Called with each log line; the lines are kept in `logs` too. */
  onLog?: (line: string) => void;
  /** A Prism already serving `specPath` (the dev loop's warm one): used instead of starting one, and left running by stop(). */
  prismUrl?: string;
  /**
   * 'real' (the default): the sandbox's time is Date.now(). 'manual': it starts at `clockStart`
   * (the present by default) and moves only by `mock.clock.advance(ms)` and `mock.clock.set(time)`;
   * every job's course, Created and LastStarted, and the OData date functions follow it.
   */
  clock?: 'real' | 'manual';
  /** Where a manual clock starts: ms since the epoch, a Date or an ISO 8601 string. */
  clockStart?: number | Date | string;
  /** How jobs of these names run (see JobBehaviour); `reset()` returns to these. Checked: a bad one throws a TypeError naming the job and the field. */
  jobs?: Readonly<Record<string, JobBehaviour>>;
  /** Rows per page of the OData archive (GET /BatchTask): the spec's 50 by default; a smaller one crosses pages with few tasks. */
  archivePageSize?: number;
  /**
   * Serve the state of an earlier mock (its `sandbox`): its tasks, running jobs, ids, job
   * definitions, clock and page size, as a restarted server keeps its database. Seed tasks
   * follow this mock's spec where the sandbox has not changed them. Not with the options that
   * make a sandbox (tasks, taskRunMs, maxTasks, maxStringLength, jobs, clock, clockStart, archivePageSize).
   */
  sandbox?: MockSandbox;
}

export interface RunningMock {
  /** Base URL, such as http://127.0.0.1:4010 (the paths start with /api/v1). */
  url: string;
  port: number;
  /** Every log line so far: the front's access log and Prism's output. No credentials. */
  logs: string[];
  /**
   * Puts the store back as it started (the seed, or `tasks`) and the job definitions back to
   * those given to startMock. Ids handed out stay used; the clock does not go back.
   */
  reset(): void;
  /** The sandbox's clock: `now()`, and on a manual clock `advance(ms)` and `set(time)`. */
  clock: MockClock;
  /** How jobs run, by name: `define(name, behaviour)`, `remove(name)`, `clear()`, `list()`. */
  jobs: MockJobs;
  /** The state behind this mock, for startMock({ sandbox }). */
  sandbox: MockSandbox;
  /** Every task in the store now, by Id. */
  tasks(): StoredTask[];
  stop(): Promise<void>;
}

/** Starts the mock: Prism on a private port, the front on `port`. Resolves once both answer. */
export async function startMock(options: MockOptions = {}): Promise<RunningMock> {
  const limits = resolveLimits(options);
  const specPath = options.specPath ?? bundledSpecPath();
  const doc = loadSpec(specPath);
  const logs: string[] = [];
  const log = (line: string) => {
    logs.push(line);
    if (logs.length > 5000) logs.splice(0, logs.length - 5000);
    options.onLog?.(line);
  };
  // Fixtures, job definitions and the clock are checked before Prism starts: a bad one costs nothing to refuse.
  let sandbox: MockSandbox;
  if (options.sandbox === undefined) sandbox = createSandbox(doc, options);
  else {
    const given = SANDBOX_OPTIONS.find((name) => options[name] !== undefined);
    if (given) throw new TypeError(`startMock: ${given} cannot be given with sandbox (the sandbox keeps the ${given} it was made with).`);
    sandbox = options.sandbox;
    const state = sandboxState(sandbox);
    state.store.reseed(seedFor(state, doc));
  }
  const { store, jobs: book, clock } = sandboxState(sandbox);
  const prism = options.prismUrl ? { url: options.prismUrl, stop: async () => {} } : await startPrism({ specPath, log });
  const server = createFront({ doc, prismUrl: prism.url, ...limits, store, log });
  try {
    await new Promise<void>((resolveListen, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolveListen());
    });
  } catch (error) {
    await prism.stop();
    throw error;
  }
  const { port, address } = server.address() as AddressInfo;
  return {
    url: `http://${address.includes(':') ? `[${address}]` : address}:${port}`,
    port,
    logs,
    reset() {
      store.reset();
      book.reset();
    },
    tasks: () => store.all(),
    clock,
    jobs: sandbox.jobs,
    sandbox,
    async stop() {
      await new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      });
      await prism.stop();
    },
  };
}
