import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkGenerated } from '@so-batch/spec/generated';
import { generatedFiles } from '../scripts/generate.ts';
import { cli, onTerminal, visibleLines } from './helpers.ts';
import { answeringServerPerFile, fullTask } from './scripted-server.ts';
import { readFileSync } from 'node:fs';

// What the CLI does with answers, and the flags that shape requests and failures: each case is
// one of the "Why" points, against a local server that answers as the case needs.

const TICKET = '7T:ANSWERS-TICKET-SECRET';
const script = answeringServerPerFile(() => ({ json: null }));
const env = () => ({ SO_BASE_URL: script.server.url, SO_TICKET: TICKET });

describe('answers are checked against the spec before they are shown', () => {
  it('get: {"hello":"world"} is not a SuperOffice Batch answer: the URL, exit 6, no table', async () => {
    script.answer = () => ({ json: { hello: 'world' } });
    const run = await cli(['get', '189'], env());
    expect(run.code).toBe(6);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `so-batch: Not a SuperOffice Batch answer: POST ${script.server.url}/api/v1/Agents/Batch/GetBatchTaskInfo answered {"hello":"world"}, not a BatchTaskInfo (the answer must have required property 'Id'). Check --base-url (or SO_BASE_URL).\n`,
    );
  });

  it('get: a task with a wrong type is refused, naming the property', async () => {
    script.answer = () => ({ json: fullTask({ ProgressPercent: 'half' }) });
    const run = await cli(['get', '189'], env());
    expect(run.code).toBe(6);
    expect(run.stderr).toMatch(/not a BatchTaskInfo \(ProgressPercent must be integer,null\)/);
  });

  it.each([
    ['a list of something else', [{ hello: 1 }], /answered \[\{"hello":1\}\], not a list of BatchTaskInfo \(0 must have required property 'Id'\)/],
    ['an object, not a list', { value: [] }, /Not a SuperOffice Batch answer from POST http:\/\/127\.0\.0\.1:\d+\/api\/v1\/Agents\/Batch\/GetBatchTaskInfosByState: expected an array of BatchTaskInfo\./],
  ])('list: %s is refused, exit 6', async (_, json, message) => {
    script.answer = () => ({ json });
    const run = await cli(['list'], env());
    expect(run.code).toBe(6);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });

  it('watch: a poll that is not a task stops the watch, exit 6', async () => {
    script.answer = () => ({ json: { hello: 'world', State: 'Started' } });
    const run = await cli(['watch', '189', '--interval', '20', '--timeout', '10'], env());
    expect(run.code).toBe(6);
    expect(run.stderr).toMatch(/^so-batch: Not a SuperOffice Batch answer: POST http:\/\/127\.0\.0\.1:\d+\/api\/v1\/Agents\/Batch\/GetBatchTaskInfo answered \{"hello":"world","State":"Started"\}, not a BatchTaskInfo/);
    expect(script.server.requests).toHaveLength(1);
  });

  it('query: a page that is not an OData page is refused, exit 6', async () => {
    script.answer = () => ({ json: [fullTask()] });
    const run = await cli(['query'], env());
    expect(run.code).toBe(6);
    expect(run.stderr).toMatch(/^so-batch: Not a SuperOffice Batch answer from GET http:\/\/127\.0\.0\.1:\d+\/api\/v1\/BatchTask: expected an OData envelope with value\[\]\.\n$/);
  });

  it('an HTML 404 (a wrong base URL) says the base URL is probably wrong: exit 3, not 5', async () => {
    script.answer = () => ({ status: 404, text: '<!DOCTYPE html><html><body><h1>404 Not Found</h1></body></html>' });
    const run = await cli(['get', '189'], env());
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(
      `so-batch: Not a SuperOffice answer: POST ${script.server.url}/api/v1/Agents/Batch/GetBatchTaskInfo answered HTTP 404 with a page that is not JSON. The base URL (--base-url or SO_BASE_URL) is probably wrong: it is the installation's address, such as https://online.superoffice.com/Cust12345.\n`,
    );
  });

  it("SuperOffice's own 404 (with its error body) is still 'not found': exit 5", async () => {
    script.answer = () => ({ status: 404, json: { Error: true, ErrorType: 'NotFound', ErrorMessage: 'No such task' } });
    const run = await cli(['get', '189'], env());
    expect(run.code).toBe(5);
    expect(run.stderr).toBe('so-batch: Not found (HTTP 404): No such task.\n');
  });

  it('a non-SuperOffice server (HTTP 501, no error body): the URL and a hint', async () => {
    script.answer = () => ({ status: 501, text: 'Not Implemented', contentType: 'text/plain' });
    const run = await cli(['list'], env());
    expect(run.code).toBe(6);
    expect(run.stderr).toBe(
      `so-batch: The server answered HTTP 501 to POST ${script.server.url}/api/v1/Agents/Batch/GetBatchTaskInfosByState, without SuperOffice's error body. Check that --base-url (or SO_BASE_URL) is a SuperOffice installation with the WebAPI on (try --verbose).\n`,
    );
  });
});

describe('--json: a failure is a JSON document on stdout, with the same exit code', () => {
  it.each([
    ['not found', () => ({ json: null }), ['get', '189'], 5, { kind: 'not-found' }],
    ['not SuperOffice', () => ({ json: { hello: 'world' } }), ['get', '189'], 6, { kind: 'not-superoffice' }],
    ['refused', () => ({ status: 401, json: { Error: true, ErrorType: 'Unauthorized', ErrorMessage: `Bad ticket ${TICKET}` } }), ['list'], 4, { kind: 'auth', status: 401 }],
    ['a usage error', () => ({ json: null }), ['get', '99999999999'], 2, { kind: 'usage' }],
    ['an unknown option', () => ({ json: null }), ['list', '--frob'], 2, { kind: 'usage' }],
  ] as const)('%s', async (_, reply, args, code, error) => {
    script.answer = reply;
    const plain = await cli([...args], env());
    const json = await cli(['--json', ...args], env());
    expect(plain.code).toBe(code);
    expect(json.code).toBe(code);
    const document = JSON.parse(json.stdout);
    expect(document.error).toMatchObject(error);
    expect(`so-batch: ${document.error.message}\n`).toBe(plain.stderr);
    expect(json.stdout).not.toContain(TICKET);
  });
});

describe('--verbose and --request-timeout', () => {
  it('--verbose logs each request on stderr (method, URL, status, time), never a credential', async () => {
    script.answer = () => ({ json: fullTask({ Id: 189 }) });
    const run = await cli(['--verbose', 'get', '189', '--json'], { ...env(), SO_APP_TOKEN: 'APP-TOKEN-SECRET' });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(new RegExp(`^POST ${script.server.url}/api/v1/Agents/Batch/GetBatchTaskInfo -> 200 \\(\\d+ ms\\)\\n$`));
    expect(run.stderr + run.stdout).not.toMatch(/ANSWERS-TICKET-SECRET|APP-TOKEN-SECRET/);
    expect(JSON.parse(run.stdout).Id).toBe(189);
  });

  it('without --verbose, stderr stays quiet', async () => {
    script.answer = () => ({ json: fullTask({ Id: 189 }) });
    expect((await cli(['get', '189', '--json'], env())).stderr).toBe('');
  });

  it('--request-timeout limits each request (the client would wait 30 s): exit 7, in time', async () => {
    script.answer = () => ({ json: fullTask(), delayMs: 5_000 });
    const started = Date.now();
    const run = await cli(['--request-timeout', '0.2', 'get', '189'], env());
    expect(run.code).toBe(7);
    expect(run.stderr).toMatch(/^so-batch: No answer from http:\/\/127\.0\.0\.1:\d+ in time \(200 ms\)\.\n$/);
    // Reads are retried (twice): well within the 5 s the server would take, let alone 30 s.
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it.each([['0'], ['soon'], ['']])('--request-timeout %j is a usage error that names it', async (value) => {
    const run = await cli(['--request-timeout', value, 'list'], env());
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^so-batch: --request-timeout is seconds, from 0\.001 to 2147483/);
  });

  it('the help tells the two time limits apart', async () => {
    const help = (await cli(['watch', '--help'])).stdout.replace(/\s+/g, ' ');
    expect(help).toContain("--timeout <seconds> stop watching after this long (the task goes on); each request's own limit is the global --request-timeout");
    expect(help).toContain("--request-timeout <seconds> each request's time limit (default: 30); not watch's --timeout");
  });
});

describe('get --select, and ids', () => {
  it('get --select asks for those properties ($select) and lists only them', async () => {
    script.answer = () => ({ json: fullTask({ Id: 189, State: 'Started', Name: null }) });
    const run = await onTerminal(['get', '189', '--select', 'id,state'], env(), { stdoutTTY: false });
    expect(run.code, run.stderr).toBe(0);
    expect(script.server.requests[0]!.query).toEqual({ $select: 'Id,State' });
    expect(visibleLines(run.stdout).slice(1, -1).map((line) => line.replace(/\s+/g, ' '))).toEqual(['│ Id │ 189 │', '│ State │ Started │']);
  });

  it('an id past 32 bits is too large, not "not a whole number"', async () => {
    const run = await cli(['get', '99999999999'], env());
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('so-batch: A task id is a whole number, such as 189; "99999999999" is too large: ids go up to 2147483647.\n');
    expect((await cli(['delete', '1', '12x', '--yes'], env())).stderr).toBe('so-batch: A task id is a whole number, such as 189; "12x" is not a whole number.\n');
  });
});

describe('generated validators', () => {
  it('answers.gen.js and its types are what the spec generates now (pnpm generate)', async () => {
    const stale = await checkGenerated(generatedFiles);
    expect(stale.map((result) => (result.kind === 'stale' ? result.message : ''))).toEqual([]);
  });
});

describe('the packed tarball', () => {
  it('git ignores it where pnpm pack puts it (the workspace root)', () => {
    const root = fileURLToPath(new URL('../../..', import.meta.url));
    expect(execFileSync('git', ['check-ignore', 'so-batch-cli-1.0.0.tgz'], { cwd: root, encoding: 'utf8' }).trim()).toBe('so-batch-cli-1.0.0.tgz');
  });
});
