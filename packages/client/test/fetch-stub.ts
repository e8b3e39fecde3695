import type { BatchTaskInfo } from '../src/index.ts';

export interface Recorded {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
}

type Reply = Response | Error | ((request: Request) => Response | Promise<Response>);

/** A fetch that answers from a script, one reply per call (the last repeats), and records each request. */
export function stubFetch(...replies: Reply[]) {
  const requests: Recorded[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    const text = await request.clone().text();
    requests.push({ method: request.method, url: new URL(request.url), headers: request.headers, body: text ? JSON.parse(text) : undefined });
    const reply = replies[Math.min(requests.length - 1, replies.length - 1)]!;
    if (reply instanceof Error) throw reply;
    if (typeof reply === 'function') return reply(request);
    return reply.clone();
  };
  return { fetch, requests };
}

export function json(value: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });
}

/** A fetch that never answers until the request's signal aborts, as a hung server does. */
export function hangingFetch() {
  return (request: Request) =>
    new Promise<Response>((_, reject) => {
      if (request.signal.aborted) return reject(request.signal.reason);
      request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
    });
}

export function task(overrides: Partial<BatchTaskInfo> = {}): BatchTaskInfo {
  return {
    Id: 248,
    Name: 'ExportJob',
    AssociateId: 195,
    DetailsTable: 0,
    DetailsRecord: 0,
    IsSystemTask: false,
    IsInternalTask: false,
    ParameterObject: null,
    LastStarted: '2024-01-01T10:00:00+01:00',
    Created: '2024-01-01T09:59:00+01:00',
    StartCount: 1,
    DatabaseSerialNumber: '1158690',
    Context: null,
    Result: null,
    State: 'Started',
    Description: null,
    Response: null,
    Request: null,
    ProgressDescription: 'Starting',
    ProgressPercent: 0,
    TableRight: null,
    FieldProperties: null,
    ...overrides,
  };
}
