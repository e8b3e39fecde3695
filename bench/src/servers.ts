import { fork } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { LIST_BYTES, TASK_BYTES } from './sample.ts';

/**
 * The floor: a plain node:http server that answers every request with fixed bytes, so that
 * what a benchmark measures is the client (or, for the mock, the difference to this).
 * The benchmarks run it in a process of its own (serverProcess('plain')), not beside the
 * clients or the load generator.
 */
export async function plainServer(): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const body = req.method === 'GET' ? LIST_BYTES : TASK_BYTES;
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
      res.end(body);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', () => resolveListen()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    server,
    close: () => new Promise<void>((resolveClose) => {
      server.close(() => resolveClose());
      server.closeAllConnections();
    }),
  };
}

export type ServerKind = 'plain' | 'mock';

export interface ServerProcess {
  url: string;
  pid: number;
  close(): Promise<void>;
}

const START_TIMEOUT_MS = 60_000;

/**
 * Starts a server in a child process (src/serve.ts): the plain server above, or the so-batch
 * mock (its front; the front starts Prism in a process of its own). The server then has its
 * own event loop, and the process that measures it (tinybench's clients, autocannon) does not
 * share one with it. Resolves with its URL once it listens.
 */
export async function serverProcess(kind: ServerKind): Promise<ServerProcess> {
  const child = fork(fileURLToPath(new URL('./serve.ts', import.meta.url)), [kind], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  // However this process ends, the server does not outlive it (serve.ts also exits when the IPC channel closes).
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  try {
    const url = await new Promise<string>((resolveUrl, reject) => {
      const timer = setTimeout(() => reject(new Error(`the ${kind} server process did not listen within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
      child.once('message', (message) => {
        clearTimeout(timer);
        resolveUrl((message as { url: string }).url);
      });
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`the ${kind} server process ended before it listened (code ${code}, signal ${signal})`));
      });
    });
    return {
      url,
      pid: child.pid!,
      async close() {
        process.off('exit', kill);
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGTERM');
        const timer = setTimeout(kill, 5_000);
        await exited;
        clearTimeout(timer);
      },
    };
  } catch (error) {
    process.off('exit', kill);
    kill();
    await exited;
    throw error;
  }
}
