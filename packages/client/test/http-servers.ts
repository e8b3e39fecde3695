import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

type Handler = (request: IncomingMessage & { body: string }, response: ServerResponse) => void | Promise<void>;

/**
 * A node:http server on 127.0.0.1, port 0: every request it gets is recorded, and `handle` (which
 * a test replaces) answers it. Two of them are two origins (same host, another port).
 */
export async function recordingServer(initial: Handler = (_, response) => void response.writeHead(404).end()) {
  const received: Received[] = [];
  let handle = initial;
  const server = createServer(async (request, response) => {
    let body = '';
    for await (const chunk of request) body += chunk;
    received.push({ method: request.method!, url: request.url!, headers: request.headers, body });
    await handle(Object.assign(request, { body }), response);
  });
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', () => resolveListen()));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    received,
    answer(handler: Handler) {
      handle = handler;
      received.length = 0;
    },
    stop: () =>
      new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}

export function sendJson(response: ServerResponse, value: unknown, status = 200): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(value));
}
