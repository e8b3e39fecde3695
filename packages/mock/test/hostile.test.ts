import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect, type Socket } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFront, resolveLimits, type FrontLimits } from '../src/front.ts';
import { bundledSpecPath, startMock, type RunningMock } from '../src/index.ts';
import { loadSpec } from '../src/spec.ts';
import { TaskStore } from '../src/store.ts';

// What a hostile client may send the mock, and what must hold whatever it sends: no 5xx, no
// hang past the mock's limits, no credential of the request in any answer or log line, and
// memory that comes back down. Generated cases use fast-check with a fixed seed, so a failure
// is the same failure on every run.

const SEED = 20_261_129;

// Credentials no answer or log line may ever show. Every request carries one of them.
const PASSWORD = 'Hostile-Pa55word-7f3a';
const BASIC = Buffer.from(`hostile.user:${PASSWORD}`).toString('base64');
const TICKET = '7T:hostileTicketQ2xpZW50U2VjcmV0';
const BEARER = '8A:hostileBearerVG9rZW5TZWNyZXQ';
const XSRF = 'hostile-xsrf-c2VjcmV0WHNyZg';
const APP_TOKEN = 'hostile-apptoken-5ecret9d4b220e9';
const SECRETS = [PASSWORD, BASIC, TICKET, BEARER, XSRF, APP_TOKEN];
const CREDENTIALS: Record<string, string>[] = [
  { authorization: `Basic ${BASIC}` },
  { authorization: `SOTicket ${TICKET}`, 'so-apptoken': APP_TOKEN },
  { authorization: `Bearer ${BEARER}` },
  { 'x-xsrf-token': XSRF },
  // Malformed ones: refused with 401, and still never repeated.
  { authorization: `Basic ${PASSWORD}` },
  { authorization: `Negotiate ${TICKET}` },
  { authorization: `Bearer ${BEARER} ${PASSWORD}` },
];

// Short limits, so that the slow-sender cases end within a test's budget.
const LIMITS = { requestTimeoutMs: 1500, headersTimeoutMs: 1000, keepAliveTimeoutMs: 1000, depthLimit: 64, bodyLimit: 1024 * 1024 };
/** How long past a time limit the mock may take to act on it: Node looks every headersTimeout/4; the rest is a busy machine's slack. */
const SLACK_MS = 8000;
/** A request with no answer in this long is a hang, however busy the machine. */
const HANG_MS = 30_000;
/** Starting Prism beside other work can take most of a minute (see prism.ts). */
const START_BUDGET = 120_000;

const AGENT_PATHS = ['GetBatchTaskInfo', 'GetBatchTaskInfosByAssociates', 'GetBatchTaskInfosByNameAndState', 'GetAllBatchTaskInfosByName', 'StartBatchJob', 'UpdateBatchTask', 'StopBatchJob', 'DeleteBatchTask', 'DeleteBatchTasks'].map((name) => `/api/v1/Agents/Batch/${name}`);
const REST_PATHS = ['/api/v1/BatchTask', '/api/v1/BatchTask/189', '/api/v1/BatchTask/189/Stop', '/api/v1/BatchTask/Started'];

let mock: RunningMock;
let host: string;
let port: number;
const agent = new Agent({ keepAlive: true, maxSockets: 4 });

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}
const figures = { requests: 0, fiveHundreds: [] as string[], rss: {} as Record<string, number> };

/** One request, sent as given (the path is not normalised, as fetch would), answered within HANG_MS or failed. */
function send(method: string, path: string, headers: Record<string, string>, body?: string | Buffer): Promise<Answer> {
  figures.requests++;
  return new Promise((resolveAnswer, reject) => {
    const req = request({ host, port, method, path, headers, agent, timeout: HANG_MS }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const answer = { status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') };
        if (answer.status >= 500) figures.fiveHundreds.push(`${method} ${path} -> ${answer.status} ${answer.text.slice(0, 200)}`);
        resolveAnswer(answer);
      });
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${path}: no answer within ${HANG_MS} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** What a request must never get, whatever it sent. */
function expectSafe(answer: Answer, what: string): void {
  expect(answer.status, `${what}: ${answer.text.slice(0, 300)}`).toBeLessThan(500);
  const shown = `${JSON.stringify(answer.headers)}\n${answer.text}`;
  for (const secret of SECRETS) expect(shown.includes(secret), `${what}: a credential in the answer`).toBe(false);
  if (answer.status >= 400 && answer.text) {
    expect(JSON.parse(answer.text), `${what}: the SuperOffice error body`).toMatchObject({ Error: true, ErrorType: expect.any(String), ErrorMessage: expect.any(String), ErrorSource: expect.any(String) });
  }
}

/** A raw connection: what it received, and whether (and when) the mock closed it. */
function rawConnection(): Promise<{ socket: Socket; received: () => string; closed: Promise<number> }> {
  return new Promise((resolveSocket, reject) => {
    const socket = connect(port, host);
    let text = '';
    const opened = performance.now();
    socket.on('data', (data) => (text += data.toString('latin1')));
    socket.on('error', () => {}); // a reset after the answer is the mock closing; `closed` says when
    const closed = new Promise<number>((resolveClosed) => socket.once('close', () => resolveClosed(performance.now() - opened)));
    socket.once('connect', () => resolveSocket({ socket, received: () => text, closed }));
    socket.once('error', reject);
  });
}

/** Bounded by the test's own budget: the raw answer once the mock closed the connection. */
async function closedWithin<T>(closed: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: the connection was still open after ${ms} ms`)), ms)));
  try {
    return await Promise.race([closed, limit]);
  } finally {
    clearTimeout(timer);
  }
}

/** Waits, within the test's budget, for the mock's log line about a request whose connection just closed. */
async function logged(line: RegExp): Promise<void> {
  const deadline = Date.now() + HANG_MS;
  while (!mock.logs.some((entry) => line.test(entry))) {
    if (Date.now() > deadline) throw new Error(`no log line ${line} within ${HANG_MS} ms; the last ones:\n${mock.logs.filter((entry) => !entry.startsWith('[prism]')).slice(-5).join('\n')}`);
    await new Promise((resolveWait) => setTimeout(resolveWait, 20));
  }
}

const credentialsFor = (index: number) => CREDENTIALS[index % CREDENTIALS.length]!;
const head = (method: string, path: string, lines: string[]) => `${method} ${path} HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Basic ${BASIC}\r\n${lines.map((line) => `${line}\r\n`).join('')}\r\n`;

// ---- memory: the front runs in this process, Prism in a child -------------------------------

/** Prism's pid: the child of this process running prism-cli. */
function prismPid(): number | undefined {
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === process.pid && readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('prism-cli')) return Number(entry);
    } catch {
      // a process that ended meanwhile
    }
  }
  return undefined;
}
const rssOf = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
const MiB = 1024 * 1024;
let prism: number | undefined;
let peakSampler: NodeJS.Timeout | undefined;

beforeAll(async () => {
  mock = await startMock(LIMITS);
  ({ hostname: host } = new URL(mock.url));
  port = mock.port;
  prism = prismPid();
  collectGarbage();
  figures.rss = { frontHeapBefore: process.memoryUsage().heapUsed, frontRssBefore: process.memoryUsage().rss, prismBefore: prism ? rssOf(prism) : 0, frontPeak: 0, prismPeak: 0 };
  peakSampler = setInterval(() => {
    figures.rss.frontPeak = Math.max(figures.rss.frontPeak!, process.memoryUsage().rss);
    if (prism) figures.rss.prismPeak = Math.max(figures.rss.prismPeak!, rssOf(prism));
  }, 100);
}, START_BUDGET);
afterAll(async () => {
  clearInterval(peakSampler);
  agent.destroy();
  await mock?.stop();
});

// ---- generated requests ---------------------------------------------------------------------

// Budgets: a few seconds each on an idle machine; a loaded two-core one takes several times that.
describe('generated hostile requests get a 4xx or a 2xx, never a 5xx, and never a credential back', { timeout: 180_000 }, () => {
  it('paths: bad %-escapes, traversal, NUL, overlong UTF-8, on every method', async () => {
    const segment = fc.oneof(
      fc.constantFrom('%zz', '%ff%fe', '%C0%AF', '%', '%2', '%00', '..%2f', '..%2F..%2Fetc%2Fpasswd', '%2e%2e%2f', '..%5c..%5c', '%252e%252e%252f', '%ED%A0%80', '%F4%90%80%80', '%uD800', '{id}', '{foo}', '..', '.', '189', 'All', 'all', '-1', '99999999999999999999', '1e3'),
      fc.stringMatching(/^[A-Za-z0-9%._~!$&'()*+,;=:@{}-]{1,40}$/),
      fc.string({ unit: 'grapheme', maxLength: 20 }).map((text) => encodeURIComponent(text)),
    );
    const path = fc.oneof(
      fc.tuple(fc.constantFrom('/api/v1/BatchTask/', '/api/v1/batchtask/', '/api/v1/BatchTask//'), segment, fc.constantFrom('', '/Stop', '/stop/', '/%2e%2e/Stop')).map(([prefix, value, suffix]) => `${prefix}${value}${suffix}`),
      fc.tuple(fc.constantFrom(...AGENT_PATHS), fc.constantFrom('', '/', '/%zz', '/..%2f', '%00', '?$select=%zz', '?$select=Name,%ff', '?%zz=1', '?$select=' + 'a,'.repeat(500) + 'b')).map(([base, tail]) => `${base}${tail}`),
      fc.constantFrom('/api/v1/%zz/Batch', '/api/v1/BatchTask?$top=%zz&$mode=%ff&$filter=%C0%AF', '/%zz', '//api/v1/BatchTask', '/api/v1/BatchTask/..%2f..%2f..%2fetc%2fpasswd', '/api/v1/Agents/Batch/../Batch/GetBatchTaskInfo'),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'), path, fc.nat(), async (method, target, who) => {
        const body = ['POST', 'PUT', 'PATCH'].includes(method) ? '{"Id":189}' : undefined;
        const answer = await send(method, target, { ...credentialsFor(who), 'content-type': 'application/json' }, body);
        expectSafe(answer, `${method} ${target}`);
        if (/%zz|%C0%AF|%ff%fe/i.test(target) && answer.status === 400) expect(answer.text).toMatch(/not valid|does not match/);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it.each([
    ['GET', '/api/v1/BatchTask/%zz'],
    ['PUT', '/api/v1/BatchTask/%ff%fe'],
    ['DELETE', '/api/v1/BatchTask/%C0%AF'],
    ['POST', '/api/v1/BatchTask/%zz/Stop'],
  ])('%s %s, without credentials even, gets 400 naming the path value', async (method, path) => {
    const answer = await send(method, path, { 'content-type': 'application/json' }, method === 'PUT' ? '{}' : undefined);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text)).toMatchObject({ ErrorType: 'BadRequest', ErrorMessage: expect.stringMatching(/^The path value "%[^"]+" is not valid: its %-escapes do not spell UTF-8 characters\.$/) });
  });

  it('bodies: malformed, deep, huge, invalid UTF-8, __proto__ keys, odd numbers', async () => {
    const nested = fc.tuple(fc.integer({ min: 1, max: 6000 }), fc.constantFrom('[', '{"a":')).map(([depth, open]) => {
      const close = open === '[' ? ']' : '}';
      return { depth, text: `{"BatchTaskInfo":{"Name":"x","ParameterObject":${open.repeat(depth)}1${close.repeat(depth)}}}` };
    });
    const invalidUtf8 = fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes) => Buffer.concat([Buffer.from('{"BatchTaskInfo":{"Name":"'), Buffer.from(bytes.map((byte) => byte | 0x80)), Buffer.from('"}}')]));
    const body = fc.oneof(
      nested.map(({ depth, text }) => ({ depth, body: text as string | Buffer })),
      invalidUtf8.map((bytes) => ({ depth: 2, body: bytes as string | Buffer })),
      fc.json({ maxDepth: 8 }).map((text) => ({ depth: 0, body: text as string | Buffer })),
      fc.json({ maxDepth: 4 }).chain((text) => fc.nat(Math.max(0, text.length - 1)).map((cut) => ({ depth: 0, body: text.slice(0, cut) as string | Buffer }))),
      fc.constantFrom(
        '{"__proto__":{"polluted":true},"BatchTaskInfo":{"Name":"x","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}}',
        '{"Id":1e309}', '{"Id":-0}', '{"Id":123456789012345678901234567890}', '{"Id":189,"Id":"x"}', '{"Id":"\\ud800"}', '{"Id":189}\u0000',
        '\uFEFF{"Id":189}', '{"Id":NaN}', '{"Id":Infinity}', "{'Id':189}", '[]', 'null', '""', '{"Id":189}{"Id":190}', ' '.repeat(10_000),
      ).map((text) => ({ depth: 0, body: text as string | Buffer })),
      fc.integer({ min: 100_000, max: 1_100_000 }).map((size) => ({ depth: 2, body: `{"BatchTaskInfo":{"Name":"${'x'.repeat(size)}"}}` as string | Buffer })),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...AGENT_PATHS, '/api/v1/BatchTask', '/api/v1/BatchTask/189'), body, fc.nat(), async (path, { depth, body: sent }, who) => {
        const method = path.endsWith('/189') ? 'PUT' : 'POST';
        const answer = await send(method, path, { ...credentialsFor(who), 'content-type': 'application/json' }, sent);
        expectSafe(answer, `${method} ${path} (${Buffer.byteLength(sent)} bytes, depth ${depth})`);
        if (depth > LIMITS.depthLimit && answer.status !== 401) expect(answer.text).toContain(`more than ${LIMITS.depthLimit} levels deep`);
      }),
      { seed: SEED, numRuns: 300 },
    );
    // The front runs in this process: nothing a body held reached Object.prototype.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
  });

  it('Content-Type and Accept games', async () => {
    const contentType = fc.oneof(
      fc.constantFrom('application/json', 'APPLICATION/JSON; charset=utf-16', 'text/json', 'application/xml', 'text/xml;charset=latin1', 'application/json, text/xml', '', ';', 'application/json;;;', ' application/json ', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'application/problem+json', '*/*', `application/json; x=${'y'.repeat(4000)}`),
      fc.stringMatching(/^[ -~]{0,60}$/),
    );
    const accept = fc.oneof(fc.constantFrom('application/xml', 'text/xml;q=NaN', '*/*;q=1e999', 'application/json;q=0', 'text/*', 'image/png', '', ',,,;q=', 'application/xml;q=-1, text/json'), fc.stringMatching(/^[ -~]{0,60}$/));
    const payload = fc.constantFrom('{"Id":189}', '<request><Id>189</Id></request>', 'Id=189', '--x\r\nContent-Disposition: form-data; name="Id"\r\n\r\n189\r\n--x--');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...AGENT_PATHS.slice(0, 3)), contentType, accept, payload, fc.nat(), async (path, type, wants, body, who) => {
        const answer = await send('POST', path, { ...credentialsFor(who), 'content-type': type, accept: wants }, body);
        expectSafe({ ...answer, text: /xml/.test(String(answer.headers['content-type'])) ? '' : answer.text }, `${type} / ${wants}`);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('odd Prefer values get 400 naming the problem, in the SuperOffice body', async () => {
    const preference = fc.oneof(
      fc.tuple(fc.constantFrom('code', 'example', 'dynamic', 'Code', 'EXAMPLE'), fc.oneof(fc.constantFrom('200', '401', '999', '404', 'abc', '', '2OO', 'true', 'maybe', 'page', 'notStopped', 'nope', '"page"', '-1', '1e3'), fc.stringMatching(/^[!-~]{0,20}$/))).map(([name, value]) => `${name}=${value}`),
      fc.stringMatching(/^[ -~]{0,40}$/),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(preference, { minLength: 1, maxLength: 3 }), fc.constantFrom(', ', ',', '; '), fc.nat(), async (parts, separator, who) => {
        const prefer = parts.join(separator);
        const answer = await send('POST', '/api/v1/Agents/Batch/GetBatchTaskInfo', { ...credentialsFor(who % 4), 'content-type': 'application/json', prefer }, '{"Id":189}');
        expectSafe(answer, `Prefer: ${prefer}`);
        expect(answer.text, `Prefer: ${prefer}`).not.toContain('stoplight.io');
      }),
      { seed: SEED, numRuns: 150 },
    );
    const named = await send('POST', '/api/v1/Agents/Batch/GetBatchTaskInfo', { authorization: `Basic ${BASIC}`, 'content-type': 'application/json', prefer: 'code=401, example=nope' }, '{"Id":189}');
    expect(named.status).toBe(400);
    expect(JSON.parse(named.text)).toMatchObject({ ErrorType: 'BadRequest', ErrorMessage: expect.stringMatching(/^Prefer: .*"nope"/) });
  });

  it('XML: entities stay refused (XXE, billion laughs), deep nesting gets 400', async () => {
    const laughs = (levels: number, width: number) =>
      `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY l0 "lol">${Array.from({ length: levels }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(width)}">`).join('')}]><r><Id>&l${levels};</Id></r>`;
    const cases = [
      '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r><Id>&x;</Id></r>',
      '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x PUBLIC "-//x" "http://127.0.0.1:1/x.dtd">]><r><Id>&x;</Id></r>',
      '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]><r><Id>1</Id></r>',
      '<?xml version="1.0"?><!DOCTYPE r SYSTEM "http://127.0.0.1:1/x.dtd"><r><Id>1</Id></r>',
      laughs(10, 10),
      laughs(30, 30),
      `<r>${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}</r>`,
      `<r><!-- ${'<a>'.repeat(100)} --><Id>189</Id></r>`,
      `<r><![CDATA[${'<a>'.repeat(100)}]]></r>`,
      '<r><Id a="></Id>">189</Id></r>',
    ];
    for (const xml of cases) {
      const answer = await send('POST', '/api/v1/Agents/Batch/GetBatchTaskInfo', { authorization: `Basic ${BASIC}`, 'content-type': 'application/xml' }, xml);
      expectSafe(answer, xml.slice(0, 80));
      expect(answer.text).not.toMatch(/root:|lollollol/);
    }
    const deep = await send('POST', '/api/v1/Agents/Batch/GetBatchTaskInfo', { authorization: `Basic ${BASIC}`, 'content-type': 'application/xml' }, `<r>${'<a>'.repeat(65)}${'</a>'.repeat(65)}</r>`);
    expect(deep.status).toBe(400);
    expect(JSON.parse(deep.text).ErrorMessage).toContain('more than 64 levels deep');
  });
});

// ---- HTTP framing over raw sockets ----------------------------------------------------------

describe('HTTP framing over raw sockets', { timeout: 60_000 }, () => {
  const path = '/api/v1/Agents/Batch/GetBatchTaskInfo';
  const small = '{"Id":189}';

  it('Content-Length with Transfer-Encoding is refused with 400 (no smuggling), and the connection closes', async () => {
    const { socket, received, closed } = await rawConnection();
    socket.write(head('POST', path, ['Content-Type: application/json', `Content-Length: ${small.length}`, 'Transfer-Encoding: chunked']) + `${small.length.toString(16)}\r\n${small}\r\n0\r\n\r\n` + head('GET', '/api/v1/BatchTask/189', []));
    await closedWithin(closed, SLACK_MS, 'CL+TE');
    expect(received()).toMatch(/^HTTP\/1\.1 400 /);
    expect(received().match(/HTTP\/1\.1 /g)).toHaveLength(1); // the smuggled GET got no answer
    expect(received()).toContain('"ErrorType":"BadRequest"');
    expect(received()).not.toContain(BASIC);
  });

  it.each([
    ['two different Content-Lengths', ['Content-Length: 10', 'Content-Length: 11'], small],
    ['a bad chunk size', ['Transfer-Encoding: chunked'], 'zz\r\nxx\r\n0\r\n\r\n'],
    ['an obsolete folded header', ['Content-Length: 10', 'X-Folded: a', ' b'], small],
    ['a space before the colon', ['Content-Length : 10'], small],
    ['a NUL in a header', ['Content-Length: 10', 'X-Nul: a\u0000b'], small],
  ])('%s gets 400 in the SuperOffice body', async (_, lines, body) => {
    const { socket, received, closed } = await rawConnection();
    socket.write(head('POST', path, ['Content-Type: application/json', ...lines]) + body);
    await closedWithin(closed, SLACK_MS, String(lines));
    expect(received()).toMatch(/^HTTP\/1\.1 400 /);
    expect(received()).toMatch(/"ErrorMessage":"The request is not valid HTTP\/1\.1: [^"]+"/);
  });

  it('headers past the limit get 431', async () => {
    const { socket, received, closed } = await rawConnection();
    socket.write(head('GET', '/api/v1/BatchTask/189', [`X-Big: ${'x'.repeat(20 * 1024)}`]));
    await closedWithin(closed, SLACK_MS, 'big headers');
    expect(received()).toMatch(/^HTTP\/1\.1 431 /);
    expect(received()).toContain('larger than 16384 bytes');
  });

  it('a body longer than declared: the rest is read as the next request, and refused as one', async () => {
    const { socket, received, closed } = await rawConnection();
    socket.write(head('POST', path, ['Content-Type: application/json', 'Content-Length: 10']) + `${small}GARBAGE / HTTP/1.1\r\n\r\n`);
    await closedWithin(closed, SLACK_MS, 'longer body');
    const statuses = received().match(/HTTP\/1\.1 (\d{3})/g);
    expect(statuses).toEqual(['HTTP/1.1 200', 'HTTP/1.1 400']);
  });

  it('answers 30 pipelined requests, in order', async () => {
    const { socket, received } = await rawConnection();
    const ids = Array.from({ length: 30 }, (_, i) => i % 2 ? 189 : 975);
    socket.write(ids.map((id) => head('POST', path, ['Content-Type: application/json', `Content-Length: ${`{"Id":${id}}`.length}`]) + `{"Id":${id}}`).join(''));
    const deadline = Date.now() + HANG_MS;
    while ((received().match(/HTTP\/1\.1 200 /g)?.length ?? 0) < ids.length && Date.now() < deadline) await new Promise((resolveWait) => socket.once('data', resolveWait));
    socket.destroy();
    expect(received().match(/HTTP\/1\.1 \d{3} /g)).toEqual(ids.map(() => 'HTTP/1.1 200 '));
  });

  it('a body that stops short of its length is cut within the request timeout: 408, the connection closed', async () => {
    const { socket, received, closed } = await rawConnection();
    socket.write(head('POST', path, ['Content-Type: application/json', 'Content-Length: 1000']) + '{"Id":');
    const after = await closedWithin(closed, LIMITS.requestTimeoutMs + SLACK_MS, 'stalled body');
    expect(after).toBeGreaterThanOrEqual(LIMITS.requestTimeoutMs - 100);
    expect(received()).toMatch(/^HTTP\/1\.1 408 /);
    expect(received()).toContain('"ErrorType":"RequestTimeout"');
    await logged(new RegExp(`^POST ${path} 408 \\d+ms The request did not arrive in time: .* ${LIMITS.requestTimeoutMs} ms for the whole request\\.$`));
  });

  it('headers that never end are cut within the headers timeout: 408', async () => {
    const { socket, received, closed } = await rawConnection();
    socket.write(`GET /api/v1/BatchTask/189 HTTP/1.1\r\nHost: ${host}\r\nX-Slow: `);
    const timer = setInterval(() => socket.writable && socket.write('a'), 200); // a slowloris: a byte now and then
    try {
      await closedWithin(closed, LIMITS.headersTimeoutMs + SLACK_MS, 'slow headers');
    } finally {
      clearInterval(timer);
    }
    expect(received()).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('an idle keep-alive connection is closed after the keep-alive timeout', async () => {
    const { socket, received, closed } = await rawConnection();
    socket.write(head('POST', path, ['Content-Type: application/json', `Content-Length: ${small.length}`]) + small);
    const after = await closedWithin(closed, LIMITS.keepAliveTimeoutMs + SLACK_MS, 'idle keep-alive');
    expect(received()).toMatch(/^HTTP\/1\.1 200 /);
    expect(after).toBeGreaterThanOrEqual(LIMITS.keepAliveTimeoutMs - 100);
  });

  it('an upload the client aborts is logged as the client\'s abort, not as a 500', async () => {
    const { socket, closed } = await rawConnection();
    socket.write(head('POST', '/api/v1/Agents/Batch/StartBatchJob', ['Content-Type: application/json', 'Content-Length: 100000']) + `{"BatchTaskInfo":{"Name":"${'x'.repeat(30_000)}`);
    await new Promise((resolveWait) => setTimeout(resolveWait, 100));
    socket.destroy();
    await closed;
    await logged(/^POST \/api\/v1\/Agents\/Batch\/StartBatchJob 499 \d+ms client aborted$/);
    expect(mock.logs.filter((line) => line.startsWith('[front] fault')), 'faults of the mock itself').toEqual([]);
    expect(mock.logs.filter((line) => / 5\d\d \d+ms/.test(line) && !line.startsWith('[prism]'))).toEqual([]);
  });
});

// ---- connections ----------------------------------------------------------------------------

describe('a cap on connections at once', { timeout: 60_000 }, () => {
  let capped: Awaited<ReturnType<typeof startFrontAlone>>;
  beforeAll(async () => {
    capped = await startFrontAlone({ maxConnections: 3 }, '{"Id":189}');
  });
  afterAll(() => capped?.stop());

  it('one connection over the cap gets 503 with Retry-After and the error body; once one closes, the next is served', async () => {
    const open = (target: { port: number }) => new Promise<Socket>((resolveSocket) => {
      const socket = connect(target.port, '127.0.0.1', () => resolveSocket(socket));
      socket.on('error', () => {});
    });
    const ask = (socket: Socket) => new Promise<string>((resolveAnswer) => {
      let text = '';
      socket.on('data', (data) => {
        text += data.toString('latin1');
        if (/\r\n\r\n[\s\S]*\r\n0\r\n\r\n$/.test(text)) resolveAnswer(text); // the last chunk
      });
      socket.write(`GET /api/v1/BatchTask/189 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic ${BASIC}\r\nPrefer: code=200\r\n\r\n`);
    });
    const held = await Promise.all([open(capped), open(capped), open(capped)]);
    const extra = await open(capped);
    const refused = await ask(extra);
    expect(refused).toMatch(/^HTTP\/1\.1 503 /);
    expect(refused).toMatch(/\r\nretry-after: 1\r\n/i);
    expect(refused).toMatch(/\r\nconnection: close\r\n/i);
    expect(refused).toContain('"ErrorType":"ServiceUnavailable"');
    expect(await ask(held[0]!)).toMatch(/^HTTP\/1\.1 200 /);
    held[1]!.destroy();
    // Served again once a connection has closed (the mock hears of the close a moment later).
    const deadline = Date.now() + HANG_MS;
    let answer = '';
    do {
      const next = await open(capped);
      answer = await ask(next);
      next.destroy();
    } while (!answer.startsWith('HTTP/1.1 200 ') && Date.now() < deadline);
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    for (const socket of [...held, extra]) socket.destroy();
  });

  it('refuses a limit that cannot be one, naming it', async () => {
    await expect(startMock({ requestTimeoutMs: 0 })).rejects.toThrow(/requestTimeoutMs must be a positive whole number, not 0/);
    await expect(startMock({ headersTimeoutMs: 20_000, requestTimeoutMs: 10_000 })).rejects.toThrow(/headersTimeoutMs \(20000\) cannot be longer than its requestTimeoutMs/);
  });
});

/**
 * The front alone, before a stand-in for Prism that answers every request with `answer`: for what
 * needs no real Prism, so that the suite starts one Prism fewer on a busy machine.
 */
async function startFrontAlone(limits: Partial<FrontLimits>, answer: string) {
  const prism = createServer((_, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(answer));
  await new Promise<void>((resolveListen) => prism.listen(0, '127.0.0.1', () => resolveListen()));
  const lines: string[] = [];
  const front = createFront({
    doc: loadSpec(bundledSpecPath()),
    prismUrl: `http://127.0.0.1:${(prism.address() as AddressInfo).port}`,
    ...resolveLimits(limits),
    // An empty store: the requests here carry a Prefer (which the store leaves alone) or fail first.
    store: new TaskStore([]),
    log: (line) => lines.push(line),
  });
  await new Promise<void>((resolveListen) => front.listen(0, '127.0.0.1', () => resolveListen()));
  return {
    port: (front.address() as AddressInfo).port,
    lines,
    async stop() {
      front.closeAllConnections();
      await new Promise((resolveClose) => front.close(resolveClose));
      await new Promise((resolveClose) => prism.close(resolveClose));
    },
  };
}

// ---- a fault of the mock's own ------------------------------------------------------------------

describe('a fault of the mock\'s own', () => {
  it('is still a 500, in the error body, and logged with its stack, without the request\'s credential', async () => {
    // A Prism that answers 200 with something that is not JSON: the front cannot read it, and
    // that is no fault of the client's.
    const front = await startFrontAlone({}, 'not json');
    const { lines } = front;
    try {
      const reply = await fetch(`http://127.0.0.1:${front.port}/api/v1/BatchTask/189`, { headers: { Authorization: `SOTicket ${TICKET}`, 'SO-AppToken': APP_TOKEN } });
      expect(reply.status).toBe(500);
      expect(await reply.json()).toMatchObject({ Error: true, ErrorType: 'MockFailure', ErrorMessage: expect.stringMatching(/^The mock failed: .*JSON/) });
      await expect.poll(() => lines.some((line) => / 500 \d+ms The mock failed/.test(line)), { timeout: HANG_MS }).toBe(true);
      expect(lines.find((line) => line.startsWith('[front] fault: SyntaxError'))).toMatch(/ \| +at /);
      for (const secret of SECRETS) expect(lines.join('\n').includes(secret)).toBe(false);
    } finally {
      await front.stop();
    }
  });
});

// ---- what held, and must keep holding -------------------------------------------------------

describe('what held, and must keep holding', { timeout: 60_000 }, () => {
  it('200 concurrent starts give 200 unique ids', async () => {
    const ids = await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        const answer = await send('POST', '/api/v1/Agents/Batch/StartBatchJob', { authorization: `Basic ${BASIC}`, 'content-type': 'application/json' }, JSON.stringify({ BatchTaskInfo: { Name: `Job ${i}` } }));
        expect(answer.status).toBe(200);
        return JSON.parse(answer.text) as number;
      }),
    );
    expect(new Set(ids).size).toBe(200);
  });

  it('no log line holds a credential, and none says 500', () => {
    const text = mock.logs.join('\n');
    for (const secret of SECRETS) expect(text.includes(secret), 'a credential in the log').toBe(false);
    expect(mock.logs.filter((line) => / 5\d\d \d+ms/.test(line) && !line.startsWith('[prism]'))).toEqual([]);
    expect(figures.fiveHundreds).toEqual([]);
    expect(mock.logs.filter((line) => line.startsWith('[front] fault')), 'faults of the mock itself').toEqual([]);
  });

  it('memory comes back down after the run (figures in test-results/hostile.json)', async () => {
    clearInterval(peakSampler);
    agent.destroy();
    collectGarbage();
    await new Promise((resolveWait) => setTimeout(resolveWait, 200));
    collectGarbage();
    const rss = figures.rss;
    rss.frontHeapAfter = process.memoryUsage().heapUsed;
    rss.frontRssAfter = process.memoryUsage().rss;
    rss.prismAfter = prism ? rssOf(prism) : 0;
    const mib = Object.fromEntries(Object.entries(rss).map(([name, bytes]) => [name, Math.round((bytes / MiB) * 10) / 10]));
    mkdirSync(new URL('../test-results/', import.meta.url), { recursive: true });
    writeFileSync(new URL('../test-results/hostile.json', import.meta.url), `${JSON.stringify({ requests: figures.requests, fiveHundreds: figures.fiveHundreds.length, memoryMiB: mib }, null, 2)}\n`);
    console.log(`hostile run: ${figures.requests} requests, ${figures.fiveHundreds.length} got a 5xx; memory (MiB): ${JSON.stringify(mib)}`);
    // The front keeps nothing per request (the jobs started above are the tasks store's, and small).
    expect(rss.frontHeapAfter - rss.frontHeapBefore!).toBeLessThan(64 * MiB);
    if (prism) expect(rss.prismAfter - rss.prismBefore!).toBeLessThan(192 * MiB);
  });
});
