import type { AddressInfo } from 'node:net';
import { createFront, resolveLimits, type FrontLimits } from './front.ts';
import { defaultSeed, loadFixtures } from './seed.ts';
import { TaskStore, type StoredTask } from './store.ts';
import { startPrism } from './prism.ts';
import { bundledSpecPath, loadSpec } from './spec.ts';

export { DEFAULT_BODY_LIMIT, DEFAULT_LIMITS, type FrontLimits } from './front.ts';
export { bundledSpecPath, loadSpec } from './spec.ts';
export { ASSOCIATES, DEFAULT_CALLER, DEFAULT_MAX_FIXTURE_BYTES, FixtureError, fixturePath, readFixtureFile, type FixtureFileOptions } from './seed.ts';
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
}

export interface RunningMock {
  /** Base URL, such as http://127.0.0.1:4010 (the paths start with /api/v1). */
  url: string;
  port: number;
  /** Every log line so far: the front's access log and Prism's output. No credentials. */
  logs: string[];
  /** Puts the store back as it started (the seed, or `tasks`). Ids handed out stay used. */
  reset(): void;
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
  // Fixtures are checked before Prism starts: a bad one costs nothing to refuse.
  const seed =
    options.tasks === undefined
      ? defaultSeed(doc)
      : loadFixtures(doc, options.tasks, {
          depthLimit: limits.depthLimit,
          ...(options.maxTasks === undefined ? {} : { maxTasks: options.maxTasks }),
          ...(options.maxStringLength === undefined ? {} : { maxString: options.maxStringLength }),
        });
  const store = new TaskStore(seed, {
    ...(options.taskRunMs === undefined ? {} : { runMs: options.taskRunMs }),
    ...(options.maxTasks === undefined ? {} : { maxTasks: options.maxTasks }),
    ...(options.maxStringLength === undefined ? {} : { maxString: options.maxStringLength }),
  });
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
    reset: () => store.reset(),
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
