import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll } from 'vitest';

export interface Step {
  State: string;
  ProgressPercent: number;
  ProgressDescription: string | null;
  Result?: string | null;
}

/** A BatchTaskInfo as the spec describes it (every required property), with `overrides`. */
export function fullTask(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    Id: 1, Name: 'ExportJob', AssociateId: 5, DetailsTable: 0, DetailsRecord: 0, IsSystemTask: false, IsInternalTask: false,
    ParameterObject: null, LastStarted: '2026-11-22T10:00:00Z', Created: '2026-11-22T09:59:00Z', StartCount: 1, DatabaseSerialNumber: '1',
    Context: null, Result: null, State: 'New', Description: null, Response: null, Request: null, ProgressDescription: null, ProgressPercent: 0,
    TableRight: null, FieldProperties: null, ...overrides,
  };
}

/**
 * A small server that moves tasks through scripted states, one step per GetBatchTaskInfo
 * (Prism alone always answers the same example); 'not json' answers 200 with an HTML page.
 * It records every request it gets.
 */
export async function scriptedServer(scripts: Record<number, Step[] | 'not json'>, startedId = 77) {
  const requests: { path: string; body: unknown; authorization: string | undefined }[] = [];
  const polls = new Map<number, number>();
  const read = async (req: IncomingMessage) => {
    let text = '';
    for await (const chunk of req) text += chunk;
    return text ? JSON.parse(text) : undefined;
  };
  const server = createServer(async (req, res) => {
    const body = await read(req);
    requests.push({ path: req.url ?? '', body, authorization: req.headers.authorization });
    const json = (value: unknown) => res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(value));
    if (req.url?.startsWith('/api/v1/Agents/Batch/GetBatchTaskInfo')) {
      const id = (body as { Id: number }).Id;
      const script = scripts[id];
      if (!script) return json(null);
      if (script === 'not json') return res.writeHead(200, { 'content-type': 'text/html' }).end('<html>Sign in</html>');
      const at = polls.get(id) ?? 0;
      polls.set(id, at + 1);
      const step = script[Math.min(at, script.length - 1)]!;
      return json(fullTask({ Id: id, ...step }));
    }
    if (req.url?.startsWith('/api/v1/Agents/Batch/StartBatchJob')) return json(startedId);
    res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ Error: true, ErrorType: 'NotFound', ErrorMessage: 'not scripted' }));
  });
  return listening(server, requests);
}

/**
 * A server that echoes the credentials it gets (Authorization, X-XSRF-TOKEN, SO-AppToken), as a
 * careless one might: GetBatchTaskInfo answers a Succeeded task whose Description, progress and
 * Result repeat them; everything else answers 401 with an error body that repeats them.
 */
export async function echoingServer() {
  const server = createServer((req, res) => {
    const echo = [req.headers.authorization, req.headers['x-xsrf-token'], req.headers['so-apptoken']].filter(Boolean).join(' ');
    if (req.url?.split('?')[0] === '/api/v1/Agents/Batch/GetBatchTaskInfo') {
      return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(fullTask({ Id: 1, State: 'Succeeded', ProgressPercent: 100, Description: echo, ProgressDescription: `Sent ${echo}`, Result: echo })));
    }
    res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ Error: true, ErrorType: 'Unauthorized', ErrorMessage: `Invalid credentials: ${echo}` }));
  });
  return listening(server, []);
}

async function listening<R>(server: Server, requests: R[]) {
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', () => resolveListen()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    stop: () => new Promise<void>((resolveClose) => {
      server.close(() => resolveClose());
      server.closeAllConnections();
    }),
  };
}

export interface Answer {
  status?: number;
  /** JSON unless `text` is given. */
  json?: unknown;
  text?: string;
  contentType?: string;
  /** Answer only after this long (for time limits). */
  delayMs?: number;
}

export interface Received {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * A server that answers each request as `answer` says, by method and path, and records what it got:
 * for checking which call a command's flags map onto, and how the CLI takes answers no spec allows.
 */
export async function answeringServer(answer: (request: Received) => Answer | Promise<Answer>) {
  const requests: Received[] = [];
  const server = createServer(async (req, res) => {
    let text = '';
    for await (const chunk of req) text += chunk;
    const url = new URL(req.url ?? '/', 'http://localhost');
    const received: Received = { method: req.method ?? '', path: url.pathname, query: Object.fromEntries(url.searchParams), body: text ? JSON.parse(text) : undefined, headers: req.headers };
    requests.push(received);
    const reply = await answer(received);
    if (reply.delayMs) await new Promise((resolveDelay) => setTimeout(resolveDelay, reply.delayMs));
    if (res.destroyed) return;
    const body = reply.text ?? (reply.json === undefined ? '' : JSON.stringify(reply.json));
    res.writeHead(reply.status ?? 200, body ? { 'content-type': reply.contentType ?? (reply.text !== undefined ? 'text/html' : 'application/json; charset=utf-8') } : {}).end(body);
  });
  return listening(server, requests);
}

/**
 * One answering server for a test file: started before its tests, its log emptied after each,
 * stopped after all. It answers with `script.answer`, which a test sets to what its case needs.
 */
export function answeringServerPerFile(first: (request: Received) => Answer | Promise<Answer>) {
  const script = { answer: first, server: undefined as unknown as Awaited<ReturnType<typeof answeringServer>> };
  beforeAll(async () => {
    script.server = await answeringServer((request) => script.answer(request));
  });
  afterAll(() => script.server?.stop());
  afterEach(() => {
    script.server.requests.length = 0;
  });
  return script;
}
