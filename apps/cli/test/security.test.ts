import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, type Run } from './helpers.ts';
import { fullTask } from './scripted-server.ts';

// The built CLI against servers that redirect it elsewhere, answer 100 MB, or echo its
// credentials in forms a plain search would miss. Two servers are two origins (another port).
const SECRET = { ticket: '7T:SEC-TICKET+/SECRET==', appToken: 'SEC-APP-TOKEN-SECRET', xsrf: 'SEC-XSRF/TOKEN SECRET', password: 'SEC-pa55 wörd/SECRET', user: 'me' };
const BASIC = Buffer.from(`${SECRET.user}:${SECRET.password}`).toString('base64');

type Handler = (request: IncomingMessage & { body: string }, response: ServerResponse) => void;

async function server() {
  const received: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[] = [];
  let handle: Handler = (_, response) => void response.writeHead(404).end();
  const http = createServer(async (request, response) => {
    let body = '';
    for await (const chunk of request) body += chunk;
    received.push({ method: request.method!, url: request.url!, headers: request.headers, body });
    handle(Object.assign(request, { body }), response);
  });
  await new Promise<void>((resolveListen) => http.listen(0, '127.0.0.1', () => resolveListen()));
  return {
    origin: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    received,
    answer(handler: Handler) {
      handle = handler;
      received.length = 0;
    },
    stop: () => new Promise<void>((resolveClose) => {
      http.close(() => resolveClose());
      http.closeAllConnections();
    }),
  };
}

let base: Awaited<ReturnType<typeof server>>;
let foreign: Awaited<ReturnType<typeof server>>;
beforeAll(async () => {
  base = await server();
  foreign = await server();
  foreign.answer((request, response) => void response.writeHead(200, { 'content-type': 'application/json' }).end(request.url!.includes('Start') ? '777' : '{"Id":666,"State":"Succeeded"}'));
});
afterAll(async () => {
  await base?.stop();
  await foreign?.stop();
});

const credentials = [
  ['SO_TICKET with SO_APP_TOKEN', { SO_TICKET: SECRET.ticket, SO_APP_TOKEN: SECRET.appToken }],
  ['SO_XSRF_TOKEN with SO_APP_TOKEN', { SO_XSRF_TOKEN: SECRET.xsrf, SO_APP_TOKEN: SECRET.appToken }],
  ['SO_USER with SO_PASSWORD', { SO_USER: SECRET.user, SO_PASSWORD: SECRET.password }],
] as const;

function expectNoSecrets(run: Run, extra: string[] = []): void {
  const printed = `${run.stdout}${run.stderr}`;
  for (const secret of [SECRET.ticket, SECRET.appToken, SECRET.xsrf, SECRET.password, BASIC, ...extra]) {
    expect(printed).not.toContain(secret);
    expect(printed.toLowerCase()).not.toContain(secret.toLowerCase());
  }
}

describe('a server that redirects the CLI to another host', () => {
  it.each(credentials)('%s: get is refused in one line naming both hosts, exit 3; the other host gets nothing', async (_, environment) => {
    base.answer((request, response) => void response.writeHead(302, { location: `${foreign.origin}/collect${request.url}` }).end());
    foreign.received.length = 0;
    const run = await cli(['get', '1'], { SO_BASE_URL: base.origin, ...environment });
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`so-batch: ${base.origin} redirected to another host, ${foreign.origin} (HTTP 302): so-batch does not follow it, so nothing was sent there. If that is the right server, use it as --base-url (or SO_BASE_URL).\n`);
    expect(foreign.received).toEqual([]);
    expectNoSecrets(run);
  });

  it('start answered 307 to another host: no "Started task 777", exit 3, its body sent nowhere else', async () => {
    base.answer((_, response) => void response.writeHead(307, { location: `${foreign.origin}/api/v1/Agents/Batch/StartBatchJob` }).end());
    foreign.received.length = 0;
    const run = await cli(['start', '--name', 'ExportJob', '--param', `Folder=${SECRET.password}`], { SO_BASE_URL: base.origin, SO_TICKET: SECRET.ticket, SO_APP_TOKEN: SECRET.appToken });
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).not.toMatch(/777/);
    expect(run.stderr).toContain(`${base.origin} redirected to another host, ${foreign.origin} (HTTP 307)`);
    expect(foreign.received).toEqual([]);
    expect(base.received).toHaveLength(1);
    expectNoSecrets(run);
  });

  it('start answered 302 within the same server: not sent again, not turned into a GET', async () => {
    base.answer((request, response) => {
      if (request.url!.startsWith('/moved')) return void response.writeHead(200, { 'content-type': 'application/json' }).end('777');
      response.writeHead(302, { location: `/moved${request.url}` }).end();
    });
    const run = await cli(['start', '--name', 'ExportJob'], { SO_BASE_URL: base.origin, SO_TICKET: SECRET.ticket });
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(new RegExp(`^so-batch: ${base.origin} redirected this change to ${base.origin}/moved/api/v1/Agents/Batch/StartBatchJob \\(HTTP 302\\): so-batch never sends a change twice`));
    expect(base.received.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /api/v1/Agents/Batch/StartBatchJob']);
  });

  it('--help lists what exit 3 and 6 now cover', async () => {
    const run = await cli(['--help'], {});
    expect(run.stdout).toMatch(/3 {4}configuration missing or wrong \(base URL, credentials; a 404 page that is not JSON\),\n {7}or the server redirected elsewhere/);
    expect(run.stdout).toMatch(/6 {4}the server refused or failed \(another HTTP error, or an answer too large\), or answered/);
  });
});

describe('a server that answers 100 MB', () => {
  it('get: one line saying the answer is too large, exit 6; the CLI stops reading it', async () => {
    let ended: Promise<boolean> | undefined;
    base.answer((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, ' ');
      let written = 0;
      ended = new Promise((resolveEnded) => response.on('close', () => resolveEnded(written >= 100 * 1024 * 1024)));
      const pump = () => {
        while (written < 100 * 1024 * 1024 && !response.destroyed) {
          written += chunk.length;
          if (!response.write(chunk)) return void response.once('drain', pump);
        }
        if (!response.destroyed) response.end();
      };
      pump();
    });
    const run = await cli(['get', '1'], { SO_BASE_URL: base.origin, SO_TICKET: SECRET.ticket });
    expect(run.code).toBe(6);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe("so-batch: The server's answer (HTTP 200) is larger than 16 MiB, more than any answer of this API: so-batch stopped reading it.\n");
    expect(await ended!).toBe(false);
  });
});

describe('a server that echoes the credentials in other forms', () => {
  /** Every form a careless server or proxy may echo a value in. */
  const forms = (secret: string) => [
    secret.toLowerCase(),
    secret.toUpperCase(),
    encodeURIComponent(secret),
    encodeURIComponent(secret).replace(/%20/g, '+'),
    encodeURIComponent(secret).toLowerCase(),
    [...secret].map((c) => (/[A-Za-z0-9]/.test(c) ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)).join(''),
  ];
  const echoed = (request: IncomingMessage) => {
    const sent = [request.headers.authorization, request.headers['x-xsrf-token'], request.headers['so-apptoken']].filter((v): v is string => !!v);
    // Each header value, its credential without the scheme, and Basic's base64 alone.
    return sent.flatMap((value) => [value, value.replace(/^\S+\s+/, '')]).flatMap(forms);
  };

  it.each(credentials)('%s: get, get --json and a 401 print none of them, lower-cased, encoded or 9 levels deep', async (_, environment) => {
    base.answer((request, response) => {
      const echoes = echoed(request);
      if (request.url!.split('?')[0] === '/api/v1/Agents/Batch/GetBatchTaskInfo') {
        // ParameterObject is a dictionary of strings: the echoes go in as text, and 9 levels deep as JSON in a string.
        let deep: unknown = { Echo: echoes };
        for (let i = 0; i < 9; i++) deep = { Level: deep };
        return void response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(fullTask({ State: 'Succeeded', ProgressPercent: 100, Description: echoes.join(' '), Result: echoes.join(' | '), ParameterObject: { Echo: echoes.join(' '), Deep: JSON.stringify(deep) } })));
      }
      response.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ Error: true, ErrorType: 'Unauthorized', ErrorMessage: `Invalid credentials: ${echoes.join(' ')}` }));
    });
    const secrets = Object.entries(environment).flatMap(([name, value]) => (name === 'SO_USER' ? [] : forms(value)));
    for (const args of [['get', '1'], ['get', '1', '--json'], ['list']]) {
      const run = await cli(args, { SO_BASE_URL: base.origin, ...environment });
      expect(run.code, run.stderr).toBe(args[0] === 'list' ? 4 : 0);
      expect(`${run.stdout}${run.stderr}`).toContain('[redacted]');
      expectNoSecrets(run, secrets);
    }
  });
});
