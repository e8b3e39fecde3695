import autocannon from 'autocannon';
import { bundledSpecPath } from '@so-batch/mock';
import { startPrism } from '@so-batch/mock/prism';
import { serverProcess } from './servers.ts';

export interface MockFigures {
  server: string;
  request: string;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

const DURATION_S = 5;
const CONNECTIONS = 10;
// Basic, so that Prism alone (which knows no SOTicket scheme) accepts the same requests.
const HEADERS = { authorization: 'Basic dGplMDpUamUw', accept: 'application/json' };

type Request = 'GET' | 'POST' | 'ODATA';
const PATHS: Record<Request, string> = {
  GET: '/api/v1/BatchTask/All',
  POST: '/api/v1/Agents/Batch/GetBatchTaskInfo',
  // The archive query the mock computes over its store (Prism alone answers its sample page).
  ODATA: `/api/v1/BatchTask?$select=name,state,progressPercent&$filter=${encodeURIComponent("name eq 'ExportJob' and state eq 'Started'")}&$orderBy=name&$top=10`,
};
const LABELS: Record<Request, string> = {
  GET: 'GET /BatchTask/All',
  POST: 'POST GetBatchTaskInfo (validated)',
  ODATA: 'GET /BatchTask?$filter=... (OData)',
};

function load(url: string, request: Request): Promise<autocannon.Result> {
  return autocannon({
    url: `${url}${PATHS[request]}`,
    method: request === 'POST' ? 'POST' : 'GET',
    headers: request === 'POST' ? { ...HEADERS, 'content-type': 'application/json' } : HEADERS,
    ...(request === 'POST' ? { body: '{"Id":189}' } : {}),
    duration: DURATION_S,
    connections: CONNECTIONS,
  });
}

/**
 * autocannon (10 connections, 5 s) against our mock, against Prism alone serving the same spec,
 * and against a plain node:http server that answers the same bytes: a GET, and a POST whose
 * body the mock validates. The load generator runs in this process and every server in a
 * process of its own (the floor; the mock's front, which starts its Prism in another; Prism
 * alone), so that no server shares autocannon's event loop.
 */
export async function measureMock(): Promise<MockFigures[]> {
  const started: { close(): Promise<void> }[] = [];
  const figures: MockFigures[] = [];
  try {
    const mock = await serverProcess('mock');
    started.push(mock);
    const prism = await startPrism({ specPath: bundledSpecPath(), log: () => {} });
    started.push({ close: () => prism.stop() });
    const floor = await serverProcess('plain');
    started.push(floor);
    for (const request of ['GET', 'POST', 'ODATA'] as const) {
      for (const [server, url] of [['plain node:http (the floor)', floor.url], ['Prism alone', prism.url], ['so-batch mock (front + Prism)', mock.url]] as const) {
        const result = await load(url, request);
        if (result.non2xx > 0 || result.errors > 0) throw new Error(`${server} ${request}: ${result.non2xx} non-2xx, ${result.errors} errors`);
        figures.push({ server, request: LABELS[request], rps: result.requests.average, p50Ms: result.latency.p50, p99Ms: result.latency.p99, errors: result.errors });
      }
    }
  } finally {
    for (const server of started.reverse()) await server.close();
  }
  return figures;
}
