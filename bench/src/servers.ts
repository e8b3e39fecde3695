import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LIST_BYTES, TASK_BYTES } from './sample.ts';

/**
 * The floor: a plain node:http server that answers every request with fixed bytes, so that
 * what a benchmark measures is the client (or, for the mock, the difference to this).
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
