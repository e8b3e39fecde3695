import { readFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledSpecPath, startMock, type RunningMock } from '../src/index.ts';
import { startPrism } from '../src/prism.ts';
import { TaskStore } from '../src/store.ts';

const spec = JSON.parse(readFileSync(bundledSpecPath(), 'utf8'));
const example = (name: string) => spec.components.examples[name].value;

// These tests run beside others on a busy two-core machine: a wait is for an event or a state,
// bounded by a deadline well inside the test's budget, never a sleep tuned to an idle box. A
// request that gets no answer in HANG_MS is a hang, whatever the load.
const HANG_MS = 15_000;

// The headers of the reference pages' sample requests, as printed there.
const pageHeaders = {
  Authorization: 'Basic dGplMDpUamUw',
  Accept: 'application/json; charset=utf-8',
  'Content-Type': 'application/json; charset=utf-8',
};

let mock: RunningMock;
// Starting Prism beside other work can take most of a minute (see prism.ts).
const START_BUDGET = 120_000;
beforeAll(async () => {
  mock = await startMock();
}, START_BUDGET);
afterAll(async () => {
  await mock?.stop();
});

async function post(path: string, body: string, headers: Record<string, string> = pageHeaders) {
  const response = await fetch(`${mock.url}${path}`, { method: 'POST', headers, body, signal: AbortSignal.timeout(HANG_MS) });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text(), headers: response.headers };
}

/**
 * Over one raw connection: the headers of an oversized POST, then (once the answer is in) its
 * whole body, then a small valid request. Returns the status-line-led answers read off the socket.
 */
async function sendWholeBodyAfterTheAnswer(path: string, framing: Record<string, string>, size: number) {
  const { hostname, port } = new URL(mock.url);
  const socket = connect(Number(port), hostname);
  let received = '';
  let writeError: Error | undefined;
  socket.on('data', (data) => (received += data.toString('latin1')));
  socket.on('error', (error) => (writeError = error));
  const head = (lines: Record<string, string>) =>
    `POST ${path} HTTP/1.1\r\nHost: ${hostname}\r\nAuthorization: ${pageHeaders.Authorization}\r\nContent-Type: application/json\r\n` +
    Object.entries(lines).map(([name, value]) => `${name}: ${value}\r\n`).join('') + '\r\n';
  const until = async (done: () => boolean, what: string) => {
    const deadline = Date.now() + HANG_MS;
    while (!done()) {
      if (writeError || socket.destroyed) return;
      if (Date.now() > deadline) throw new Error(`no ${what} within ${HANG_MS} ms; received: ${received.slice(0, 200)}`);
      await new Promise((resolveWait) => setTimeout(resolveWait, 10));
    }
  };
  const answerCount = () => received.split(/(?=HTTP\/1\.1 \d{3} )/).filter(Boolean).length;
  await new Promise<void>((resolveConnect) => socket.once('connect', () => resolveConnect()));
  const chunked = framing['Transfer-Encoding'] === 'chunked';
  socket.write(head(framing));
  const piece = Buffer.alloc(64 * 1024, 'x');
  let sent = 0;
  // A chunked body has to go over the limit before the server can know; a declared one need not.
  if (chunked) {
    while (sent <= 1024 * 1024 + piece.length) {
      socket.write(`${piece.length.toString(16)}\r\n`);
      socket.write(piece);
      socket.write('\r\n');
      sent += piece.length;
    }
  }
  await until(() => answerCount() >= 1 && /\r\n\r\n[\s\S]*}/.test(received), 'answer to the oversized request');
  await new Promise((resolveWait) => setTimeout(resolveWait, 50));
  for (; sent < size && !writeError; sent += piece.length) {
    if (chunked) socket.write(`${piece.length.toString(16)}\r\n`);
    await new Promise<void>((resolveWrite) => socket.write(piece, () => resolveWrite()));
    if (chunked) socket.write('\r\n');
  }
  if (chunked) socket.write('0\r\n\r\n');
  const small = '{"Id":189}';
  socket.write(head({ 'Content-Length': String(small.length) }) + small);
  await until(() => answerCount() >= 2, 'answer to the request after it');
  socket.destroy();
  return { answers: received.split(/(?=HTTP\/1\.1 \d{3} )/).filter(Boolean), writeError };
}

describe('the pages\' sample requests get the pages\' sample responses when asked (Prefer: example=page)', () => {
  const cases = [
    ['/api/v1/Agents/Batch/GetBatchTaskInfo', 'GetBatchTaskInfoRequest', 'GetBatchTaskInfoResponse', 'sv'],
    ['/api/v1/Agents/Batch/GetBatchTaskInfosByAssociates', 'GetBatchTaskInfosByAssociatesRequest', 'GetBatchTaskInfosByAssociatesResponse', 'en'],
    ['/api/v1/Agents/Batch/UpdateBatchTask', 'UpdateBatchTaskRequest', 'UpdateBatchTaskResponse', 'fr,de,ru,zh'],
    ['/api/v1/Agents/Batch/StartBatchJob', 'StartBatchJobRequest', 'StartBatchJobResponse', '*'],
  ] as const;
  for (const [path, requestName, responseName, language] of cases) {
    it(path, async () => {
      const reply = await post(path, JSON.stringify(example(requestName), null, 2), { ...pageHeaders, 'Accept-Language': language, Prefer: 'example=page' });
      expect(reply.status).toBe(200);
      expect(reply.type).toMatch(/^application\/json/);
      expect(JSON.parse(reply.text)).toEqual(example(responseName));
    });
  }

  it('/api/v1/BatchTask/{state}', async () => {
    const response = await fetch(`${mock.url}/api/v1/BatchTask/All`, {
      headers: { Authorization: pageHeaders.Authorization, Accept: pageHeaders.Accept, 'Accept-Language': '*', Prefer: 'example=byState' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(example('GetBatchTaskInfosByStateResponse'));
  });
});

describe('every page\'s sample request, newer editions too, gets that page\'s sample response when asked by name', () => {
  type Media = { examples?: Record<string, { $ref?: string; value?: unknown }> };
  type Op = { operationId: string; requestBody?: { content: Record<string, Media> }; responses: Record<string, { content?: Record<string, Media> }> };
  const value = (example: { $ref?: string; value?: unknown }) => (example.$ref ? spec.components.examples[example.$ref.split('/').pop()!].value : example.value);
  const cases = Object.entries(spec.paths as Record<string, Record<string, Op>>).flatMap(([path, item]) =>
    Object.entries(item).flatMap(([method, op]) => {
      const requests = op.requestBody?.content['application/json']?.examples ?? {};
      const success = Object.entries(op.responses).find(([code]) => code.startsWith('2'))!;
      const responses = success[1].content?.['application/json']?.examples ?? {};
      return Object.entries(requests)
        .filter(([name]) => name in responses)
        .map(([name, request]) => ({ label: `${op.operationId} (${name})`, name, method, path, request: value(request), response: value(responses[name]!) }));
    }),
  );

  it('covers the newer pages', () => {
    expect(cases.filter((c) => c.label.includes('newerPage')).length).toBeGreaterThanOrEqual(4);
  });

  it.each(cases)('$label', async ({ name, method, path, request, response }) => {
    const url = `${mock.url}${path.replace(/\{[^}]+\}/g, '411')}`;
    const reply = await fetch(url, { method: method.toUpperCase(), headers: { ...pageHeaders, Prefer: `example=${name}` }, body: JSON.stringify(request), signal: AbortSignal.timeout(HANG_MS) });
    expect(reply.status).toBe(200);
    expect(await reply.json()).toEqual(response);
  });

  it.each([
    ['/api/v1/BatchTask/{state}', 'GetBatchTaskInfosByStateResponse', 'byState'],
    ['/api/v1/BatchTask/{id}', 'RestGetBatchTaskInfoResponse', 'byId'],
  ])('GET %s, the placeholder left in as the page prints it, gets the page\'s sample', async (path, example, name) => {
    const reply = await fetch(`${mock.url}${path}`, { headers: { Authorization: pageHeaders.Authorization, Accept: pageHeaders.Accept, Prefer: `example=${name}` } });
    expect(reply.status).toBe(200);
    expect(await reply.json()).toEqual(spec.components.examples[example].value);
  });

  it('only the placeholders the pages print count: /BatchTask/{foo} is refused like any bad value', async () => {
    const reply = await fetch(`${mock.url}/api/v1/BatchTask/%7Bfoo%7D`, { headers: { Authorization: pageHeaders.Authorization } });
    expect(reply.status).toBe(400);
  });

  it('POST /api/v1/BatchTask/{id}/Stop, as printed, is answered', async () => {
    const reply = await fetch(`${mock.url}/api/v1/BatchTask/{id}/Stop`, { method: 'POST', headers: { Authorization: pageHeaders.Authorization } });
    expect(reply.status).toBe(200);
    expect(typeof (await reply.json())).toBe('boolean');
  });
});

describe('credentials', () => {
  const path = '/api/v1/Agents/Batch/GetBatchTaskInfo';
  const body = '{"Id":189}';
  const json = { 'Content-Type': 'application/json' };

  it.each([
    ['Basic', { Authorization: 'Basic dGplMDpUamUw' }],
    ['SOTicket', { Authorization: 'SOTicket 7T:abc123==', 'SO-AppToken': 'f2398a3a' }],
    ['Bearer', { Authorization: 'Bearer 8A:abc123==' }],
    ['X-XSRF-TOKEN', { 'X-XSRF-TOKEN': 'abc1234' }],
  ])('accepts %s', async (_, credentials) => {
    expect((await post(path, body, { ...json, ...credentials })).status).toBe(200);
  });

  it('refuses a request without credentials with 401 and the error body', async () => {
    const reply = await post(path, body, json);
    expect(reply.status).toBe(401);
    expect(reply.headers.get('www-authenticate')).toContain('SOTicket');
    expect(JSON.parse(reply.text)).toMatchObject({ Error: true, ErrorType: 'Unauthorized' });
  });

  it.each([
    ['a Basic value that is not base64 of user:password', 'Basic not-base64-secret!'],
    ['an unknown scheme', 'Negotiate c2VjcmV0LXRva2Vu'],
    ['a Bearer token with spaces in it', 'Bearer secret token'],
  ])('refuses %s with 401, without repeating the value', async (_, authorization) => {
    const reply = await post(path, body, { ...json, Authorization: authorization });
    expect(reply.status).toBe(401);
    const secret = authorization.slice(authorization.indexOf(' ') + 1);
    expect(reply.text).not.toContain(secret);
    expect(mock.logs.join('\n')).not.toContain(secret);
  });
});

describe('malformed requests', () => {
  const path = '/api/v1/Agents/Batch/GetBatchTaskInfo';

  it('answers a malformed JSON body with 400 at once, naming the problem', async () => {
    const started = performance.now();
    const reply = await post(path, '{"Id": 189');
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.text)).toMatchObject({ Error: true, ErrorType: 'BadRequest', ErrorMessage: expect.stringContaining('not valid JSON') });
    expect(performance.now() - started).toBeLessThan(HANG_MS); // a hang is what this guards against, not speed
  });

  it('answers a body that breaks the schema with 400 naming the property', async () => {
    const reply = await post(path, '{"Id": "one"}');
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.text).ErrorMessage).toMatch(/Id must be integer/);
  });

  it('answers a missing required property with 400 naming it', async () => {
    const reply = await post('/api/v1/Agents/Batch/GetBatchTaskInfosByAssociates', '{}');
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.text).ErrorMessage).toMatch(/AssociateIds/);
  });

  it('answers an unknown state with 400 listing the valid ones', async () => {
    const response = await fetch(`${mock.url}/api/v1/BatchTask/Running`, { headers: { 'X-XSRF-TOKEN': 't' } });
    expect(response.status).toBe(400);
    expect((await response.json()).ErrorMessage).toMatch(/Succeeded/);
  });

  it('answers a wrong Content-Type with 415', async () => {
    const reply = await post(path, 'Id=189', { ...pageHeaders, 'Content-Type': 'text/plain' });
    expect(reply.status).toBe(415);
    expect(JSON.parse(reply.text).ErrorMessage).toMatch(/application\/json/);
  });

  it('answers a body over the limit with 413 before reading it', async () => {
    const reply = await post(path, JSON.stringify({ Id: 1, Padding: 'x'.repeat(2 * 1024 * 1024) }));
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.text).ErrorType).toBe('PayloadTooLarge');
  });

  it('refuses a chunked body that grows over the limit with 413', async () => {
    const status = await new Promise<number>((resolveStatus, reject) => {
      const req = request(`${mock.url}${path}`, { method: 'POST', headers: { ...pageHeaders, 'Transfer-Encoding': 'chunked' } }, (res) => {
        res.resume();
        resolveStatus(res.statusCode ?? 0);
      });
      req.on('error', reject);
      const chunk = 'x'.repeat(64 * 1024);
      let sent = 0;
      const write = () => {
        while (sent < 40 && req.write(chunk)) sent++;
        if (sent < 40) req.once('drain', () => { sent++; write(); });
        else req.end();
      };
      write();
    });
    expect(status).toBe(413);
  });

  // Proxies (Prism's among them) write the whole body before they read the answer: closing the
  // connection on them after the 413 turns it into a broken pipe, and them into a 500.
  it.each([
    ['a declared length', { 'Content-Length': String(2 * 1024 * 1024) }],
    ['a chunked body', { 'Transfer-Encoding': 'chunked' }],
  ])('answers 413 to %s over the limit, and still takes the rest of the body from a client that sends it all', async (_, framing) => {
    const { answers, writeError } = await sendWholeBodyAfterTheAnswer(path, framing, 2 * 1024 * 1024);
    expect(writeError).toBeUndefined();
    expect(answers[0]).toMatch(/^HTTP\/1\.1 413 /);
    expect(answers[0]).not.toMatch(/connection: close/i);
    // The connection stays usable: the next request on it is answered.
    expect(answers[1]).toMatch(/^HTTP\/1\.1 200 /);
  }, 3 * HANG_MS);

  it('answers an unsupported method with 405 and Allow', async () => {
    const response = await fetch(`${mock.url}${path}`, { method: 'DELETE', headers: pageHeaders });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });
});

describe('behaves like the real server', () => {
  it('binds camelCase request bodies, as SuperOffice\'s own clients send them', async () => {
    expect((await post('/api/v1/Agents/Batch/GetBatchTaskInfo', '{"id":189}')).status).toBe(200);
    expect((await post('/api/v1/Agents/Batch/GetBatchTaskInfosByAssociates', '{"associateIds":[497]}')).status).toBe(200);
    const update = await post('/api/v1/Agents/Batch/UpdateBatchTask', '{"batchTaskInfo":{"id":975,"state":"started","description":"x"}}');
    expect(update.status).toBe(200);
  });

  it('routes paths and state names case-insensitively', async () => {
    const response = await fetch(`${mock.url}/api/v1/batchtask/succeeded`, { headers: { 'X-XSRF-TOKEN': 't' } });
    expect(response.status).toBe(200);
  });

  it('nulls out what $select leaves out', async () => {
    const reply = await post('/api/v1/Agents/Batch/GetBatchTaskInfo?$select=name,State', '{"Id":9001}');
    const task = JSON.parse(reply.text);
    expect(task.Name).toBe('ExportJob');
    expect(task.State).toBe('Started');
    expect(task.Id).toBeNull();
    expect(task.ProgressPercent).toBeNull();
  });

  it('reads XML requests and answers in XML when asked', async () => {
    const reply = await post('/api/v1/Agents/Batch/GetBatchTaskInfosByAssociates', '<request><AssociateIds><int>497</int><int>840</int></AssociateIds></request>', {
      ...pageHeaders,
      'Content-Type': 'text/xml',
      Accept: 'application/xml',
    });
    expect(reply.status).toBe(200);
    expect(reply.type).toMatch(/^application\/xml/);
    expect(reply.text).toMatch(/^<\?xml[^>]*\?><ArrayOfBatchTaskInfo[^>]*><BatchTaskInfo><Id>9005<\/Id>/);
    expect(reply.text).toContain('<FileName i:nil="true"/>');
  });

  it('answers malformed XML with 400', async () => {
    const reply = await post('/api/v1/Agents/Batch/GetBatchTaskInfo', '<request><Id>1</Id>', { ...pageHeaders, 'Content-Type': 'application/xml' });
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.text).ErrorMessage).toMatch(/not valid XML/);
  });

  it('serves a declared response on request (Prefer: code=...)', async () => {
    const reply = await post('/api/v1/Agents/Batch/GetBatchTaskInfo', '{"Id":1}', { ...pageHeaders, Prefer: 'code=401' });
    expect(reply.status).toBe(401);
    expect(JSON.parse(reply.text).Error).toBe(true);
  });

  it('answers text/json when asked for it', async () => {
    const reply = await post('/api/v1/Agents/Batch/StartBatchJob', JSON.stringify(example('StartBatchJobRequest')), { ...pageHeaders, Accept: 'text/json' });
    expect(reply.type).toMatch(/^text\/json/);
    expect(reply.text).toMatch(/^\d{5,}$/);
  });
});

// A job runs for a second of the sandbox's manual clock here: each test moves the clock and
// reads the job, so no test waits for it in wall time, however loaded the machine.
describe('jobs started through the mock run and end, as on a real server', { timeout: 60_000 }, () => {
  let running: RunningMock;
  beforeAll(async () => {
    running = await startMock({ taskRunMs: 1000, clock: 'manual' });
  }, START_BUDGET);
  afterAll(() => running?.stop());

  const agents = async (operation: string, body: unknown, query = '') => {
    const reply = await fetch(`${running.url}/api/v1/Agents/Batch/${operation}${query}`, { method: 'POST', headers: pageHeaders, body: JSON.stringify(body) });
    const text = await reply.text();
    return { status: reply.status, value: text ? JSON.parse(text) : undefined };
  };
  const rest = async (method: string, path: string, body?: unknown) => {
    const reply = await fetch(`${running.url}/api/v1/BatchTask${path}`, { method, headers: pageHeaders, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const text = await reply.text();
    return { status: reply.status, value: text ? JSON.parse(text) : undefined };
  };
  /** Reads the task, moves the clock 100 ms (a tenth of the run), and again, until the task ends; returns every answer seen. */
  const follow = async (id: number) => {
    const seen: Record<string, unknown>[] = [];
    for (let step = 0; step < 100; step++) {
      const { value } = await agents('GetBatchTaskInfo', { Id: id });
      seen.push(value);
      if (['Succeeded', 'Failed'].includes(value.State)) break;
      await running.clock.advance(100);
    }
    return seen;
  };

  it('StartBatchJob gives each job its own id; the job goes New, Started with rising progress, Succeeded', async () => {
    const first = await agents('StartBatchJob', { BatchTaskInfo: { Name: 'ExportJob', Description: 'Nightly', ParameterObject: { Folder: 'exports' } } });
    const second = await agents('StartBatchJob', { batchTaskInfo: { name: 'ImportJob' } });
    expect(first.status).toBe(200);
    expect(first.value).toBeGreaterThanOrEqual(10_001);
    expect(second.value).toBe(first.value + 1);

    const seen = await follow(first.value);
    const states = seen.map((task) => task.State).filter((state, index, all) => state !== all[index - 1]);
    // Every state, in this order: the clock moves only between reads.
    expect(states.join()).toBe('New,Started,Succeeded');
    const percents = seen.map((task) => task.ProgressPercent as number);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(new Set(percents.filter((percent) => percent > 0 && percent < 100)).size).toBeGreaterThan(5);
    expect(seen.at(-1)).toMatchObject({ Id: first.value, Name: 'ExportJob', Description: 'Nightly', ParameterObject: { Folder: 'exports' }, ProgressPercent: 100, Result: 'The job "ExportJob" finished.' });
  });

  it('a job whose name contains "fail" ends Failed, with a Result that says why', async () => {
    const { value: id } = await agents('StartBatchJob', { BatchTaskInfo: { Name: 'FailingExport' } });
    const last = (await follow(id)).at(-1)!;
    expect(last).toMatchObject({ State: 'Failed', ProgressPercent: 60 });
    expect(last.Result).toMatch(/fails every job whose name contains "fail"/);
  });

  it('StopBatchJob stops a running job (it ends Failed); a second stop answers false', async () => {
    const { value: id } = await agents('StartBatchJob', { BatchTaskInfo: { Name: 'ExportJob' } });
    expect((await agents('StopBatchJob', { Id: id })).value).toBe(true);
    expect((await agents('GetBatchTaskInfo', { Id: id })).value).toMatchObject({ State: 'Failed', Result: 'Stopped on request.' });
    expect((await rest('POST', `/${id}/Stop`)).value).toBe(false);
  });

  it('UpdateBatchTask changes State, Description, Response and Request, and nothing else', async () => {
    const { value: id } = await agents('StartBatchJob', { BatchTaskInfo: { Name: 'ExportJob' } });
    const { value } = await agents('UpdateBatchTask', { BatchTaskInfo: { Id: id, Name: 'Renamed', State: 'SucceededManualCleanup', Description: 'checked', Response: 'ok', Request: 'r' } });
    expect(value).toMatchObject({ Id: id, Name: 'ExportJob', State: 'SucceededManualCleanup', Description: 'checked', Response: 'ok', Request: 'r' });
    expect((await rest('PUT', `/${id}`, { Description: 'over REST' })).value).toMatchObject({ State: 'SucceededManualCleanup', Description: 'over REST' });
  });

  it('an update without a State leaves the job running: it still ends, with the new Description', async () => {
    const { value: id } = await agents('StartBatchJob', { BatchTaskInfo: { Name: 'ExportJob' } });
    expect((await agents('UpdateBatchTask', { BatchTaskInfo: { Id: id, Description: 'renamed while running' } })).value).toMatchObject({ Description: 'renamed while running' });
    expect((await follow(id)).at(-1)).toMatchObject({ State: 'Succeeded', Description: 'renamed while running' });
  });

  it('a deleted job is gone: 200 null from the Agents, 404 over REST', async () => {
    const { value: one } = await agents('StartBatchJob', { BatchTaskInfo: { Name: 'ExportJob' } });
    const { value: two } = await rest('POST', '', { Name: 'ExportJob' });
    expect((await agents('DeleteBatchTasks', { BatchTaskIds: [one] })).status).toBe(204);
    expect((await rest('DELETE', `/${two}`)).status).toBe(204);
    expect(await agents('GetBatchTaskInfo', { Id: one })).toEqual({ status: 200, value: null });
    const gone = await rest('GET', `/${two}`);
    expect(gone.status).toBe(404);
    expect(gone.value).toMatchObject({ Error: true, ErrorType: 'NotFound' });
  });

  it('reads over REST and with $select see the same job', async () => {
    const { value: id } = await rest('POST', '', { Name: 'ExportJob' });
    expect((await rest('GET', `/${id}`)).value).toMatchObject({ Id: id, Name: 'ExportJob' });
    expect((await agents('GetBatchTaskInfo', { Id: id }, '?$select=Name')).value).toMatchObject({ Id: null, Name: 'ExportJob', State: null });
  });

  it('an explicit Prefer wins over the simulation: the declared answer it names comes back', async () => {
    const { value: id } = await agents('StartBatchJob', { BatchTaskInfo: { Name: 'ExportJob' } });
    const reply = await fetch(`${running.url}/api/v1/BatchTask/${id}/Stop`, { method: 'POST', headers: { ...pageHeaders, Prefer: 'example=notStopped' } });
    expect(await reply.json()).toBe(false);
    expect((await agents('GetBatchTaskInfo', { Id: id })).value.State).not.toBe('Failed');
  });

  it('a job pushed out by a thousand newer ones answers as gone, not as a sample task', () => {
    // Only an ended job is pushed out (a running one never is): the first ends before the rest start.
    let now = 0;
    const store = new TaskStore([], { runMs: 1000, now: () => now });
    const first = store.start({ Name: 'First', Unrelated: 'x'.repeat(1000) }, 195)!;
    now = 10_000;
    for (let i = 0; i < 1000; i++) store.start({ Name: `Job ${i}` }, 195);
    expect(store.get(first)).toBeNull();
    expect(store.get(first + 1000)).toMatchObject({ Name: 'Job 999' });
    expect(store.get(first + 1)).not.toHaveProperty('Unrelated');
  });

  it('progress rises through values between 0 and 100 while a job runs, and StopBatchJob stops it mid-way', async () => {
    const { value: id } = await agents('StartBatchJob', { BatchTaskInfo: { Name: 'ExportJob' } });
    const percents: number[] = [];
    for (let step = 0; step < 6; step++) {
      await running.clock.advance(100);
      const { value: task } = await agents('GetBatchTaskInfo', { Id: id });
      expect(task.State).toBe('Started');
      percents.push(task.ProgressPercent);
    }
    expect(percents).toEqual([0, 10, 20, 30, 40, 50]);
    expect((await agents('StopBatchJob', { Id: id })).value).toBe(true);
    expect((await agents('GetBatchTaskInfo', { Id: id })).value).toMatchObject({ State: 'Failed', ProgressPercent: 50 });
  });

  it('the pages\' sample start still gets the page\'s sample id when asked for it', async () => {
    const reply = await fetch(`${running.url}/api/v1/Agents/Batch/StartBatchJob`, { method: 'POST', headers: { ...pageHeaders, Prefer: 'example=page' }, body: JSON.stringify(example('StartBatchJobRequest')) });
    expect(await reply.json()).toBe(example('StartBatchJobResponse'));
  });
});

describe('started from code', () => {
  it('leaves no Prism behind when its process is killed outright (SIGKILL: no exit handler runs)', async () => {
    const script = `
      import { startPrism } from '@so-batch/mock/prism';
      import { bundledSpecPath } from '@so-batch/mock';
      const prism = await startPrism({ specPath: bundledSpecPath(), log: () => {} });
      console.log(prism.child.pid);
      setInterval(() => {}, 1000);
    `;
    const parent = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: fileURLToPath(new URL('..', import.meta.url)), stdio: ['ignore', 'pipe', 'inherit'] });
    const prismPid = await new Promise<number>((resolvePid, reject) => {
      parent.stdout.once('data', (data: Buffer) => resolvePid(Number(String(data).trim())));
      parent.once('exit', (code) => reject(new Error(`the script ended (${code}) before Prism started`)));
    });
    expect(isRunning(prismPid)).toBe(true);
    parent.kill('SIGKILL');
    // Prism notices at once (its stdin closes); a loaded machine may take a while to run it.
    const deadline = Date.now() + 60_000;
    while (isRunning(prismPid) && Date.now() < deadline) await new Promise((resolveWait) => setTimeout(resolveWait, 50));
    expect(isRunning(prismPid), `Prism (pid ${prismPid}) outlived its parent`).toBe(false);
  }, 120_000); // Prism alone can take tens of seconds to start beside other work
});

describe('a Prism that ends on its own', () => {
  it('is named in the mock\'s log, with how it ended', async () => {
    const lines: string[] = [];
    const prism = await startPrism({ specPath: bundledSpecPath(), log: (line) => lines.push(line) });
    prism.child.kill('SIGTERM');
    await new Promise((resolveExit) => prism.child.once('exit', resolveExit));
    expect(lines.at(-1)).toBe('[prism] exited unexpectedly (code null, signal SIGTERM)');
    await prism.stop();
   }, 120_000); // Prism alone can take tens of seconds to start beside other work
});

/** Whether the process runs; an exited one that nobody has reaped yet (a zombie) does not. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return true; // no /proc here: the signal's answer stands
  }
}

describe('logs', () => {
  it('keep one line per request, without credentials', () => {
    const text = mock.logs.join('\n');
    expect(text).toMatch(/POST \/api\/v1\/Agents\/Batch\/GetBatchTaskInfo 200 \d+ms/);
    expect(text).not.toContain('dGplMDpUamUw');
    expect(text).not.toContain('7T:abc123==');
  });
});

describe('the rest of the Batch area', () => {
  const xsrf = { 'X-XSRF-TOKEN': 't', Accept: 'application/json' };

  it('GET /BatchTask/{id} answers one task, /BatchTask/{state} a list: the path value picks the page', async () => {
    const byId = await fetch(`${mock.url}/api/v1/BatchTask/894`, { headers: xsrf });
    expect(byId.status).toBe(200);
    expect(await byId.json()).toMatchObject({ ...example('RestGetBatchTaskInfoResponse'), State: expect.not.stringMatching(/^All$/), ProgressPercent: expect.any(Number) });
    const byState = await fetch(`${mock.url}/api/v1/BatchTask/Started`, { headers: xsrf });
    expect(Array.isArray(await byState.json())).toBe(true);
  });

  it('answers the deletes with 204 and no body', async () => {
    const agents = await post('/api/v1/Agents/Batch/DeleteBatchTasks', '{"BatchTaskIds":[107,660]}');
    expect(agents.status).toBe(204);
    expect(agents.text).toBe('');
    const rest = await fetch(`${mock.url}/api/v1/BatchTask/407`, { method: 'DELETE', headers: xsrf });
    expect(rest.status).toBe(204);
    expect(await rest.text()).toBe('');
  });

  it('takes a bare BatchTaskInfo on REST POST, and refuses the Agents wrapper there', async () => {
    const bare = await post('/api/v1/BatchTask', JSON.stringify(example('RestStartBatchJobRequest')));
    expect(bare.status).toBe(200);
    expect(Number(bare.text)).toBeGreaterThan(10_000);
    const wrapped = await post('/api/v1/BatchTask', JSON.stringify({ BatchTaskInfo: { Name: 'x' } }));
    expect(wrapped.status).toBe(400);
    expect(JSON.parse(wrapped.text).ErrorMessage).toMatch(/Name/);
  });

  it('answers the OData list with its envelope', async () => {
    const response = await fetch(`${mock.url}/api/v1/BatchTask?$top=2&$mode=Full`, { headers: xsrf });
    expect(response.status).toBe(200);
    expect((await response.json()).value).toHaveLength(2);
    const bad = await fetch(`${mock.url}/api/v1/BatchTask?$mode=Compact`, { headers: xsrf });
    expect(bad.status).toBe(400);
  });

  it('binds query names and enum values case-insensitively, as the page\'s own $mode=full and $jsonSafe=False do', async () => {
    const response = await fetch(`${mock.url}/api/v1/BatchTask?$Top=2&$mode=full&$jsonSafe=False&$filter=${encodeURIComponent("name begins 'Export'")}`, { headers: xsrf });
    expect(response.status, await response.clone().text()).toBe(200);
    expect((await response.json()).value).toHaveLength(2);
  });

  it('stops a job over REST', async () => {
    const response = await fetch(`${mock.url}/api/v1/BatchTask/9001/Stop`, { method: 'POST', headers: xsrf });
    expect(response.status).toBe(200);
    expect(await response.json()).toBe(true);
  });
});
