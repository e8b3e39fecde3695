import type { AddressInfo } from 'node:net';
import type { MockClock } from './clock.ts';
import type { ControlAccess } from './control.ts';
import { checkRateLimit, FaultSet, RateLimiter, type FaultControls, type RateLimitOptions } from './faults.ts';
import { createFront, resolveLimits, type FrontLimits } from './front.ts';
import type { JobBehaviour, MockJobs } from './jobs.ts';
import { createSandbox, declaredTaskProperties, SANDBOX_OPTIONS, sandboxState, seedFor, type MockSandbox } from './sandbox.ts';
import type { StoredTask } from './store.ts';
import type { components } from './generated/schema.gen.ts';
import { startPrism } from './prism.ts';
import { bundledSpecPath, indexOperations, loadSpec } from './spec.ts';

export { DEFAULT_BODY_LIMIT, DEFAULT_LIMITS, type FrontLimits } from './front.ts';
export { bundledSpecPath, loadSpec } from './spec.ts';
export { controlSpecPath } from './control-spec.ts';
export type { ClockControls, ControlAccess, JobControls } from './control.ts';
export type { Fault, FaultControls, FaultHandle, FaultRule, RateLimitOptions } from './faults.ts';
export { ASSOCIATES, DEFAULT_CALLER, DEFAULT_MAX_FIXTURE_BYTES, FixtureError, fixturePath, readFixtureFile, type FixtureFileOptions } from './seed.ts';
export { DEFAULT_MAX_PARAMETER_BYTES, DEFAULT_MAX_STRING, DEFAULT_MAX_TASKS, type StoredTask } from './store.ts';
export type { ClockMode, MockClock } from './clock.ts';
export { MockEnvError, mockOptionsFromEnv, type MockEnvOptions } from './env.ts';
export { readJobsFile, type CancellationBehaviour, type JobBehaviour, type MockJobs } from './jobs.ts';
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
  OPERATORS,
  formatArchiveQuery,
  jsonSafeName,
  parseArchiveFilter,
  parseArchiveQuery,
  queryBatchTasks,
  type ParsedCondition,
} from './odata.ts';
export type { ArchiveColumn, ArchiveContext, ArchiveMode, ArchiveOptions, ArchivePage, ArchiveQuery, ArchiveRow, BatchTaskInfoLike, ColumnKind } from './odata.ts';

/** A task as the spec's BatchTaskInfo types it (generated: src/generated/schema.gen.ts). */
export type BatchTaskInfo = components['schemas']['BatchTaskInfo'];

/**
 * A task of startMock({ tasks }) or a MOCK_TASKS file: a BatchTaskInfo of which only Id, Name
 * and State are needed, the rest filled in as a server does (seed.ts, completeTask). Id and
 * State are never null, and State is a real one ('All' is a filter of the list calls, not a
 * state); the Id range and a non-empty Name are checked at run time (a FixtureError).
 */
export type FixtureTask = Partial<BatchTaskInfo> &
  Pick<BatchTaskInfo, 'Name'> & {
    Id: NonNullable<BatchTaskInfo['Id']>;
    State: Exclude<NonNullable<BatchTaskInfo['State']>, 'All'>;
  };

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
  tasks?: readonly FixtureTask[];
  /**
   * Tasks kept at most (1000 by default); past it the oldest finished task is forgotten, never a
   * running one: with only running tasks left, a start gets 409. More `tasks` than this are refused.
   */
  maxTasks?: number;
  /** Characters kept at most in a task's string property (8192 by default); a longer one gets 400. */
  maxStringLength?: number;
  /** Called with each log line; the lines are kept in `logs` too. */
  onLog?: (line: string) => void;
  /** A Prism already serving `specPath` (the dev loop's warm one): used instead of starting one, and left running by stop(). */
  prismUrl?: string;
  /**
   * At most `requests` requests to /api in each `perMs` window (a fixed window over the whole
   * mock, on the sandbox's clock); past it, 429 with Retry-After in whole seconds until the window ends.
   */
  rateLimit?: RateLimitOptions;
  /**
   * The control API (/mock/..., spec/control/openapi.yaml): `'loopback'` (the default) answers
   * only this machine, `'open'` anyone, `false` turns it off (404).
   */
  control?: ControlAccess;
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
   * definitions, faults, clock and page size, as a restarted server keeps its database. Seed tasks
   * follow this mock's spec where the sandbox has not changed them. Not with the options that
   * make a sandbox (tasks, taskRunMs, maxTasks, maxStringLength, jobs, clock, clockStart, archivePageSize, rateLimit).
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
   * Puts the store back as it started (the seed, or `tasks`; ids handed out stay used), the job
   * definitions back to those given to startMock, removes every fault and forgets the rate
   * limit's count. The clock does not go back.
   */
  reset(): void;
  /** Fault rules: errors, slow answers and dropped connections on chosen operations (see FaultRule). */
  faults: FaultControls;
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

/** The faults and rate limit of each sandbox, kept across the fronts that serve it. */
const steeringOf = new WeakMap<MockSandbox, { faults: FaultSet; rateLimiter: RateLimiter | undefined }>();

/** Starts the mock: Prism on a private port, the front on `port`. Resolves once both answer. */
export async function startMock(options: MockOptions = {}): Promise<RunningMock> {
  const limits = resolveLimits(options);
  if (options.rateLimit !== undefined) checkRateLimit(options.rateLimit);
  if (options.control !== undefined && options.control !== 'loopback' && options.control !== 'open' && options.control !== false) {
    throw new TypeError(`startMock: control must be 'loopback', 'open' or false, not ${JSON.stringify(options.control)}.`);
  }
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
  if (options.sandbox === undefined) sandbox = createSandbox(doc, { ...options, depthLimit: limits.depthLimit });
  else {
    const given = [...SANDBOX_OPTIONS, 'rateLimit' as const].find((name) => options[name] !== undefined);
    if (given) throw new TypeError(`startMock: ${given} cannot be given with sandbox (the sandbox keeps the ${given} it was made with).`);
    sandbox = options.sandbox;
    const state = sandboxState(sandbox);
    state.store.declare(declaredTaskProperties(doc));
    state.store.reseed(seedFor(state, doc));
  }
  const { store, jobs: book, clock } = sandboxState(sandbox);
  // Faults and the rate limit belong to the sandbox too: a dev-loop reload keeps them.
  let steering = steeringOf.get(sandbox);
  const operationIds = indexOperations(doc).map((operation) => operation.operationId);
  if (steering) steering.faults.useOperations(operationIds);
  else {
    steering = {
      faults: new FaultSet(operationIds),
      rateLimiter: options.rateLimit && new RateLimiter(options.rateLimit, clock.now),
    };
    steeringOf.set(sandbox, steering);
  }
  const { faults, rateLimiter } = steering;
  const prism = options.prismUrl ? { url: options.prismUrl, stop: async () => {} } : await startPrism({ specPath, log });
  const reset = () => {
    store.reset();
    book.reset();
    faults.clear();
    rateLimiter?.reset();
  };
  const jobControls = {
    define: (name: string, behaviour: JobBehaviour) => sandbox.jobs.define(name, behaviour),
    remove: (name: string) => sandbox.jobs.remove(name),
    clear: () => sandbox.jobs.clear(),
    list: () => Object.fromEntries(sandbox.jobs.list().map(({ name, behaviour }) => [name, behaviour])),
  };
  const control = { access: options.control ?? ('loopback' as const), faults, reset, clock, jobs: jobControls };
  const server = createFront({ doc, prismUrl: prism.url, ...limits, store, log, control, rateLimiter });
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
    reset,
    faults: {
      add: (rule) => faults.add(rule),
      clear: () => faults.clear(),
      list: () => faults.list(),
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
