import type { AddressInfo } from 'node:net';
import { createFront, resolveLimits, type FrontLimits } from './front.ts';
import { SimulatedTasks } from './tasks.ts';
import { startPrism } from './prism.ts';
import { bundledSpecPath, loadSpec } from './spec.ts';

export { DEFAULT_BODY_LIMIT, DEFAULT_LIMITS, type FrontLimits } from './front.ts';
export { bundledSpecPath } from './spec.ts';

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
  /** Called with each log line; the lines are kept in `logs` too. */
  onLog?: (line: string) => void;
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
  const limits = resolveLimits(options);
  const specPath = options.specPath ?? bundledSpecPath();
  const doc = loadSpec(specPath);
  const logs: string[] = [];
  const log = (line: string) => {
    logs.push(line);
    if (logs.length > 5000) logs.splice(0, logs.length - 5000);
    options.onLog?.(line);
  };
  const prism = await startPrism({ specPath, log });
  const tasks = new SimulatedTasks(options.taskRunMs === undefined ? {} : { runMs: options.taskRunMs });
  const server = createFront({ doc, prismUrl: prism.url, ...limits, tasks, log });
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
