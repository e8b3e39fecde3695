import type { AddressInfo } from 'node:net';
import { createFront, DEFAULT_BODY_LIMIT } from './front.ts';
import { SimulatedTasks } from './tasks.ts';
import { startPrism } from './prism.ts';
import { bundledSpecPath, loadSpec } from './spec.ts';

export { DEFAULT_BODY_LIMIT } from './front.ts';
export { bundledSpecPath } from './spec.ts';

export interface MockOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  host?: string;
  /** The bundled spec to serve; the workspace's spec/dist/openapi.json by default. */
  specPath?: string;
  /** Largest request body accepted, in bytes (1 MiB by default). */
  bodyLimit?: number;
  /** How long a job started through the mock runs before it ends (5000 ms by default). */
  taskRunMs?: number;
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
  stop(): Promise<void>;
}

/** Starts the mock: Prism on a private port, the front on `port`. Resolves once both answer. */
export async function startMock(options: MockOptions = {}): Promise<RunningMock> {
  const specPath = options.specPath ?? bundledSpecPath();
  const doc = loadSpec(specPath);
  const logs: string[] = [];
  const log = (line: string) => {
    logs.push(line);
    if (logs.length > 5000) logs.splice(0, logs.length - 5000);
    options.onLog?.(line);
  };
  const prism = options.prismUrl ? { url: options.prismUrl, stop: async () => {} } : await startPrism({ specPath, log });
  const tasks = new SimulatedTasks(options.taskRunMs === undefined ? {} : { runMs: options.taskRunMs });
  const server = createFront({ doc, prismUrl: prism.url, bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT, tasks, log });
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
    async stop() {
      await new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      });
      await prism.stop();
    },
  };
}
