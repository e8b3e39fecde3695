import type { AddressInfo } from 'node:net';
import type { ClockControls, ControlAccess, JobControls } from './control.ts';
import { checkRateLimit, FaultSet, RateLimiter, type FaultControls, type RateLimitOptions } from './faults.ts';
import { createFront, resolveLimits, type FrontLimits } from './front.ts';
import { defaultSeed, loadFixtures } from './seed.ts';
import { TaskStore, type StoredTask } from './store.ts';
import { startPrism } from './prism.ts';
import { bundledSpecPath, indexOperations, loadSpec } from './spec.ts';

export { DEFAULT_BODY_LIMIT, DEFAULT_LIMITS, type FrontLimits } from './front.ts';
export { bundledSpecPath, loadSpec } from './spec.ts';
export { controlSpecPath } from './control-spec.ts';
export type { ClockControls, ControlAccess, JobBehaviour, JobControls } from './control.ts';
export type { Fault, FaultControls, FaultHandle, FaultRule, RateLimitOptions } from './faults.ts';
export { ASSOCIATES, DEFAULT_CALLER, FixtureError, readFixtureFile } from './seed.ts';
export { DEFAULT_MAX_PARAMETER_BYTES, DEFAULT_MAX_STRING, DEFAULT_MAX_TASKS, type StoredTask } from './store.ts';
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
   * At most `requests` requests to /api in each `perMs` window (a fixed window over the whole
   * mock); past it, 429 with Retry-After in whole seconds until the window ends.
   */
  rateLimit?: RateLimitOptions;
  /**
   * The control API (/mock/..., spec/control/openapi.yaml): `'loopback'` (the default) answers
   * only this machine, `'open'` anyone, `false` turns it off (404).
   */
  control?: ControlAccess;
}

export interface RunningMock {
  /** Base URL, such as http://127.0.0.1:4010 (the paths start with /api/v1). */
  url: string;
  port: number;
  /** Every log line so far: the front's access log and Prism's output. No credentials. */
  logs: string[];
  /** Puts the store back as it started (the seed, or `tasks`; ids handed out stay used), removes every fault and forgets the rate limit's count. */
  reset(): void;
  /** Fault rules: errors, slow answers and dropped connections on chosen operations (see FaultRule). */
  faults: FaultControls;
  /** Every task in the store now, by Id. */
  tasks(): StoredTask[];
  stop(): Promise<void>;
}

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
  // Fixtures are checked before Prism starts: a bad one costs nothing to refuse.
  const seed = options.tasks === undefined ? defaultSeed(doc) : loadFixtures(doc, options.tasks);
  const store = new TaskStore(seed, {
    ...(options.taskRunMs === undefined ? {} : { runMs: options.taskRunMs }),
    ...(options.maxTasks === undefined ? {} : { maxTasks: options.maxTasks }),
    ...(options.maxStringLength === undefined ? {} : { maxString: options.maxStringLength }),
  });
  const prism = options.prismUrl ? { url: options.prismUrl, stop: async () => {} } : await startPrism({ specPath, log });
  const faults = new FaultSet(indexOperations(doc).map((operation) => operation.operationId));
  const rateLimiter = options.rateLimit && new RateLimiter(options.rateLimit);
  const reset = () => {
    store.reset();
    faults.clear();
    rateLimiter?.reset();
  };
  // The clock and job definitions join here when they exist; until then their controls answer 501.
  // The rate limiter counts its window in real time; its second argument takes another clock's now().
  const clock: ClockControls | undefined = undefined;
  const jobs: JobControls | undefined = undefined;
  const control = { access: options.control ?? ('loopback' as const), faults, reset, clock, jobs };
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
    async stop() {
      await new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      });
      await prism.stop();
    },
  };
}
