import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMock, type RunningMock } from '@so-batch/mock';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, cli, type Run } from './helpers.ts';
import { echoingServer, scriptedServer, type Step } from './scripted-server.ts';

// The built CLI, spawned as a user runs it: `node dist/bin.js ...` (what the package's bin runs).
const STUB = fileURLToPath(new URL('../bin/so-batch.js', import.meta.url));
const PACKAGE = fileURLToPath(new URL('..', import.meta.url));
const WORKSPACE = fileURLToPath(new URL('../../..', import.meta.url));
const SECRET = { ticket: '7T:CLI-TICKET-SECRET==', password: 'cli-pa55-SECRET', token: '8A:CLI-TOKEN-SECRET', xsrf: 'CLI-XSRF-SECRET', appToken: 'CLI-APP-TOKEN-SECRET' };
// What Basic sends for SO_USER=me with SO_PASSWORD: an echo of the header shows this, not the password.
const BASIC = Buffer.from(`me:${SECRET.password}`).toString('base64');

const spec = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('@so-batch/spec/openapi.json'), 'utf8'));
const ajv = new Ajv2020({ strict: false, allErrors: true });
(addFormatsModule as unknown as (a: Ajv2020) => void)(ajv);
ajv.addSchema(spec, 'spec.json');
const isTask = ajv.compile({ $ref: 'spec.json#/components/schemas/BatchTaskInfo' });
const isTaskList = ajv.compile({ type: 'array', items: { $ref: 'spec.json#/components/schemas/BatchTaskInfo' } });


let mock: RunningMock;
let env: Record<string, string>;
beforeAll(async () => {
  mock = await startMock();
  env = { SO_BASE_URL: mock.url, SO_TICKET: SECRET.ticket, SO_APP_TOKEN: 'app-token' };
});
afterAll(() => mock?.stop());

function expectNoSecrets(run: Run): void {
  for (const secret of [...Object.values(SECRET), BASIC]) expect(`${run.stdout}${run.stderr}`).not.toContain(secret);
}

describe('help and version', () => {
  it('--help lists the commands, the environment, the exit codes and examples', async () => {
    const run = await cli(['--help']);
    expect(run.code).toBe(0);
    for (const text of ['list', 'get', 'start', 'update', 'watch', 'SO_TICKET', 'Exit codes', '130', 'Examples:']) expect(run.stdout).toContain(text);
  });

  it.each(['list', 'get', 'start', 'update', 'watch'])('%s --help shows examples, the global options and the exit codes', async (command) => {
    const run = await cli([command, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`so-batch ${command}`);
    for (const text of ['Examples:', 'Global Options:', '--base-url <url>', '--mock', 'Exit codes:', '130  interrupted']) expect(run.stdout).toContain(text);
    expect(run.stdout).not.toContain('(default: {})');
  });

  it('a reader that stops early (so-batch --help | head) ends it quietly', async () => {
    const child = spawn(process.execPath, [BIN, '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise((resolveCode) => child.on('close', resolveCode));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });

  it('--version prints the version', async () => {
    const run = await cli(['--version']);
    expect(run).toMatchObject({ code: 0, stdout: '1.0.0\n' });
  });
});

describe('installable', () => {
  it('the packed package runs npx-style, with no dependency to install; --mock there says what it needs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'so-batch-pack-'));
    execFileSync('pnpm', ['pack', '--pack-destination', dir], { cwd: PACKAGE, stdio: 'ignore' });
    const tarball = join(dir, 'so-batch-cli-1.0.0.tgz');
    const npx = (...args: string[]) => spawnSync('npm', ['exec', '--yes', '--package', tarball, '--', 'so-batch', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, npm_config_cache: join(dir, 'cache') } });
    expect(npx('--version').stdout.trim()).toBe('1.0.0');
    const mockless = npx('--mock', 'list');
    expect(mockless.status).toBe(3);
    expect(mockless.stderr).toMatch(/^so-batch: --mock could not load the mock \(Cannot find package '@so-batch\/mock' .*\)\. It needs the so-batch workspace/m);
  }, 120_000);

  it('the bin says how to build, in one line, before dist/ is built', () => {
    // The bin as committed, beside no dist/: a fresh clone after `pnpm install`.
    const dir = mkdtempSync(join(tmpdir(), 'so-batch-unbuilt-'));
    mkdirSync(join(dir, 'bin'));
    copyFileSync(STUB, join(dir, 'bin', 'so-batch.js'));
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }');
    const run = spawnSync(process.execPath, [join(dir, 'bin', 'so-batch.js'), '--help'], { encoding: 'utf8' });
    expect(run.status).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('so-batch is not built: run `pnpm build --filter=@so-batch/cli...` (or `pnpm build`) in the so-batch workspace.\n');
  });
});

describe('against the mock', () => {
  it('list prints a table, and nothing but the table on stdout', async () => {
    const run = await cli(['list'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Id\s+│\s+Name\s+│\s+State\s+│\s+Progress/);
    expect(run.stdout).toContain('ExportJob');
    expect(run.stdout).toMatch(/\d+ tasks\n$/);
    expect(run.stdout).not.toMatch(/\x1b\[/); // no colour when stdout is not a terminal
    expectNoSecrets(run);
  });

  it('list --json prints one JSON document that the spec validates', async () => {
    const run = await cli(['list', '--state', 'started', '--json'], env);
    expect(run.code).toBe(0);
    const tasks = JSON.parse(run.stdout);
    expect(isTaskList(tasks), JSON.stringify(isTaskList.errors)).toBe(true);
  });

  it.each([
    [['--associate', '12,13']],
    [['--associate', '12', '--state', 'Failed']],
    [['--name', 'ExportJob']],
    [['--name', 'ExportJob', '--associate', '12', '--state', 'Succeeded']],
    [['--select', 'id,Name,STATE']],
  ])('list %j --json validates', async (flags) => {
    const run = await cli(['list', ...flags, '--json'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(isTaskList(JSON.parse(run.stdout))).toBe(true);
  });

  it('list --select nulls out the rest, as the server does', async () => {
    const [task] = JSON.parse((await cli(['list', '--select', 'Id,State', '--json'], env)).stdout);
    expect(task).toMatchObject({ Id: expect.any(Number), State: expect.any(String), Name: null, ProgressPercent: null });
  });

  it('get prints the task; --json validates', async () => {
    const table = await cli(['get', '189'], env);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/Name\s+│ ExportJob/);
    const json = await cli(['get', '189', '--json'], env);
    expect(isTask(JSON.parse(json.stdout))).toBe(true);
  });

  it('start prints the new task id, and get finds the job it started', async () => {
    const run = await cli(['start', '--name', 'ExportJob', '--param', 'Folder=exports', '--param', 'Format=csv', '--description', 'Nightly'], env);
    expect(run.code, run.stderr).toBe(0);
    // The id alone, so that id=$(so-batch start ...) works.
    expect(run.stdout).toMatch(/^\d+\n$/);
    const id = Number(run.stdout);
    expect(id).toBeGreaterThan(10_000);
    const task = JSON.parse((await cli(['get', String(id), '--json'], env)).stdout);
    expect(task).toMatchObject({ Id: id, Name: 'ExportJob', Description: 'Nightly', ParameterObject: { Folder: 'exports', Format: 'csv' } });
    expect(isTask(task)).toBe(true);
    expect(JSON.parse((await cli(['start', '--name', 'ExportJob', '--json'], env)).stdout)).toEqual({ Id: id + 1 });
  });

  it('--mock start --watch follows the job on the mock it starts to Succeeded; a failing job exits 1', async () => {
    const fast = { PATH: process.env.PATH ?? '', MOCK_TASK_SECONDS: '1' };
    const run = await cli(['--mock', 'start', '--name', 'ExportJob', '--watch', '--interval', '100'], fast);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Succeeded/);
    expect(run.stdout).toMatch(/finished/);
    const failing = await cli(['--mock', 'start', '--name', 'FailingExport', '--watch', '--interval', '100'], fast);
    expect(failing.code).toBe(1);
    expect(failing.stdout + failing.stderr).toMatch(/Failed/);
  }, 200_000); // two --mock runs, each starting a Prism: 90 s each is what the mock gives Prism on a busy machine

  it('update prints the stored task; --json validates', async () => {
    const run = await cli(['update', '975', '--state', 'Started', '--description', 'Nightly', '--request', 'r', '--response', 's', '--json'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(isTask(JSON.parse(run.stdout))).toBe(true);
  });

  it('a short password is blanked only where it stands alone: ids that contain it print whole', async () => {
    const basic = { ...env, SO_USER: 'admin', SO_PASSWORD: '1000' };
    delete (basic as Record<string, string>).SO_TICKET;
    const started = await cli(['start', '--name', 'ExportJob', '--json'], basic);
    const { Id } = JSON.parse(started.stdout) as { Id: number };
    expect(String(Id)).toMatch(/^1000\d$/);
    const got = await cli(['get', String(Id), '--json'], basic);
    expect(JSON.parse(got.stdout).Id).toBe(Id);
  });

  it('--mock starts the mock itself', async () => {
    const run = await cli(['--mock', 'get', '189', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).Id).toBe(189);
    expect(run.stderr).toMatch(/Using the so-batch mock at http:\/\/127\.0\.0\.1:\d+/);
  }, 100_000); // a --mock run starts a Prism

  it('--mock watch 189 and --mock get 189 agree: the task the page asks about, which has Succeeded', async () => {
    const watch = await cli(['--mock', 'watch', '189', '--json']);
    expect(watch.code, watch.stderr).toBe(0);
    expect(JSON.parse(watch.stdout)).toMatchObject({ Id: 189, State: 'Succeeded' });
  }, 100_000); // a --mock run starts a Prism
});

describe('errors: one line, words a user can act on, an exit code by kind, no secret', () => {
  it.each([
    ['an unknown state', ['list', '--state', 'Running'], env, 2, /^so-batch: Unknown state "Running": use one of Unknown, New, Aquired, Started, Succeeded, Failed, SucceededManualCleanup, All\.\n$/],
    ['an unknown property', ['list', '--select', 'Id,Progress'], env, 2, /Unknown property "Progress" in --select/],
    ['a bad id', ['get', 'abc'], env, 2, /A task id is a whole number/],
    ['a password as an argument', ['list', '--password', SECRET.password], env, 2, /unknown option '--password'/],
    ['nothing to update', ['update', '1'], env, 2, /Nothing to update/],
    ['no server', ['list'], { SO_TICKET: SECRET.ticket }, 3, /No server: pass --base-url or set SO_BASE_URL/],
    ['no credentials', ['list'], { SO_BASE_URL: 'http://127.0.0.1:9' }, 3, /No credentials: set SO_TICKET, SO_TOKEN, or SO_USER with SO_PASSWORD/],
    ['a user without a password', ['list'], { SO_BASE_URL: 'http://127.0.0.1:9', SO_USER: 'me' }, 3, /SO_USER and SO_PASSWORD go together/],
    ['a bad base URL', ['list', '--base-url', 'ftp://crm.example.com'], { SO_TICKET: SECRET.ticket }, 3, /^so-batch: --base-url must use https \(or http\), not ftp\.\n$/],
    // Commander's own errors: one line, pointing at the command's help.
    ['a missing required option', ['start'], {}, 2, /^so-batch: required option '--name <name>' not specified \(so-batch start --help\)\n$/],
    ['a misspelt option', ['list', '--jsn'], {}, 2, /^so-batch: unknown option '--jsn'; did you mean --json\? \(so-batch list --help\)\n$/],
    ['an unknown command', ['frob'], {}, 2, /^so-batch: unknown command 'frob' \(so-batch --help\)\n$/],
    ['a missing argument', ['get'], {}, 2, /^so-batch: missing required argument 'id' \(so-batch get --help\)\n$/],
    ['a bad interval', ['watch', '1', '--interval', '5'], {}, 2, /^so-batch: --interval is milliseconds \(10 or more\), not "5"\.\n$/],
    ['a bad timeout', ['watch', '1', '--timeout', 'soon'], {}, 2, /^so-batch: --timeout is seconds, from 0\.001 to 2147483 \(24\.8 days\), not "soon"\.\n$/],
    // The client's options, in the CLI's words: the variable or flag in use, never its value.
    ['credentials in SO_BASE_URL', ['list'], { SO_BASE_URL: `https://me:${SECRET.password}@crm.example.com`, SO_TICKET: SECRET.ticket }, 3,
      /^so-batch: SO_BASE_URL must not carry credentials: set SO_TICKET, SO_TOKEN, or SO_USER with SO_PASSWORD instead\.\n$/],
    ['credentials in --base-url', ['list', '--base-url', `https://me:${SECRET.password}@crm.example.com`], { SO_TICKET: SECRET.ticket }, 3, /^so-batch: --base-url must not carry credentials/],
    ['a line break in SO_TICKET', ['list'], { SO_BASE_URL: 'https://crm.example.com', SO_TICKET: `${SECRET.ticket}\nX-Injected: 1` }, 3,
      /^so-batch: SO_TICKET must not contain line breaks, control characters or characters beyond Latin-1 \(it travels in an HTTP header\)\.\n$/],
    ['a line break in SO_XSRF_TOKEN', ['list'], { SO_BASE_URL: 'https://crm.example.com', SO_XSRF_TOKEN: `${SECRET.xsrf}\n` }, 3, /^so-batch: SO_XSRF_TOKEN must not contain line breaks/],
    ['a port fetch refuses', ['list'], { SO_BASE_URL: 'http://127.0.0.1:9', SO_TICKET: SECRET.ticket }, 3,
      /^so-batch: Could not reach http:\/\/127\.0\.0\.1:9: fetch refuses to connect to port 9, one of the ports browsers block\. Use another port/],
  ] as const)('%s', async (_, args, environment, code, message) => {
    const run = await cli([...args], { ...environment });
    expect(run.code).toBe(code);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/options\.|createBatchClient/);
    expect(run.stdout).toBe('');
    expectNoSecrets(run);
  });

  it('401: names the credentials in use, which were refused; the token is not repeated', async () => {
    const run = await cli(['list'], { SO_BASE_URL: mock.url, SO_TOKEN: `${SECRET.token} with spaces` });
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/^so-batch: Not authorized \(HTTP 401\): SO_TOKEN was refused\./);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expectNoSecrets(run);
  });

  it('--mock says why the mock did not load, and what to do', async () => {
    // As the packed CLI away from the workspace (its bundle and package.json): no @so-batch/mock to import.
    const away = mkdtempSync(join(tmpdir(), 'so-batch-cli-away-'));
    mkdirSync(join(away, 'dist'));
    copyFileSync(BIN, join(away, 'dist', 'bin.js'));
    copyFileSync(join(PACKAGE, 'package.json'), join(away, 'package.json'));
    const run = await cli(['--mock', 'list'], {}, undefined, join(away, 'dist', 'bin.js'));
    rmSync(away, { recursive: true, force: true });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/^so-batch: --mock could not load the mock \(Cannot find package '@so-batch\/mock' imported from \S+bin\.js\)\. It needs the so-batch workspace \(its @so-batch\/mock package\): run so-batch from there, through pnpm\.\n$/);
  });

  it('a network failure names the URL it tried', async () => {
    const { createServer } = await import('node:net');
    const port = await new Promise<number>((resolvePort) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as { port: number };
        probe.close(() => resolvePort(free));
      });
    });
    const run = await cli(['get', '1'], { SO_BASE_URL: `http://127.0.0.1:${port}`, SO_USER: 'me', SO_PASSWORD: SECRET.password });
    expect(run.code).toBe(7);
    expect(run.stderr).toBe(`so-batch: Could not reach http://127.0.0.1:${port}: ECONNREFUSED. Check --base-url (or SO_BASE_URL) and the network.\n`);
    expectNoSecrets(run);
  });
});

describe('secrets: nothing printed shows a credential, even when the server echoes it', () => {
  let server: Awaited<ReturnType<typeof echoingServer>>;
  beforeAll(async () => {
    server = await echoingServer();
  });
  afterAll(() => server?.stop());
  const credentials = [
    ['SO_TICKET (with SO_APP_TOKEN)', { SO_TICKET: SECRET.ticket, SO_APP_TOKEN: SECRET.appToken }],
    ['SO_TOKEN', { SO_TOKEN: SECRET.token }],
    ['SO_USER with SO_PASSWORD', { SO_USER: 'me', SO_PASSWORD: SECRET.password }],
    ['SO_XSRF_TOKEN', { SO_XSRF_TOKEN: SECRET.xsrf }],
  ] as const;

  it.each(credentials)('%s: a 401 whose error body repeats them names them, and shows none', async (name, environment) => {
    const run = await cli(['list'], { SO_BASE_URL: server.url, ...environment });
    expect(run.code).toBe(4);
    expect(run.stderr.startsWith(`so-batch: Not authorized (HTTP 401): ${name} was refused. The server said: Invalid credentials: `)).toBe(true);
    expect(run.stderr).toContain('[redacted]');
    expectNoSecrets(run);
  });

  it.each(credentials)('%s: a task whose Description, progress and Result repeat them (get, get --json, watch)', async (_, environment) => {
    for (const args of [['get', '1'], ['get', '1', '--json'], ['watch', '1', '--interval', '20']]) {
      const run = await cli(args, { SO_BASE_URL: server.url, ...environment });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain('[redacted]');
      expectNoSecrets(run);
      // Blanked out before the layout: the table's borders still line up.
      if (args.length === 2) expect(new Set(run.stdout.trim().split('\n').map((line) => line.length)).size).toBe(1);
    }
  });
});

describe('watch, against a server that moves tasks along', () => {
  const succeeding: Step[] = [
    { State: 'New', ProgressPercent: 0, ProgressDescription: null },
    { State: 'Started', ProgressPercent: 10, ProgressDescription: 'Reading rows' },
    { State: 'Started', ProgressPercent: 60, ProgressDescription: 'Writing file' },
    { State: 'Started', ProgressPercent: 95, ProgressDescription: 'Writing file' },
    { State: 'Succeeded', ProgressPercent: 100, ProgressDescription: 'Done', Result: '1200 rows exported' },
  ];
  const failing: Step[] = [
    { State: 'Started', ProgressPercent: 30, ProgressDescription: 'Reading rows' },
    { State: 'Failed', ProgressPercent: 30, ProgressDescription: 'Stopped', Result: 'Disk full' },
  ];
  const endless: Step[] = [{ State: 'Started', ProgressPercent: 5, ProgressDescription: 'Working' }];
  const unknown: Step[] = [{ State: 'Unknown', ProgressPercent: 0, ProgressDescription: null }];
  // What the list calls answer for the sample tasks: not a state a task can be in.
  const all: Step[] = [{ State: 'All', ProgressPercent: 0, ProgressDescription: null }];
  const failingInASentence: Step[] = [{ State: 'Failed', ProgressPercent: 30, ProgressDescription: 'Stopped', Result: 'Disk full.' }];
  let server: Awaited<ReturnType<typeof scriptedServer>>;
  beforeAll(async () => {
    server = await scriptedServer({ 1: succeeding, 2: failing, 3: endless, 4: unknown, 5: all, 6: failingInASentence, 7: 'not json', 77: succeeding });
  });
  afterAll(() => server?.stop());
  const at = () => ({ SO_BASE_URL: server.url, SO_TICKET: SECRET.ticket });

  it('prints progress lines on stderr, then the final state and result; exit 0 on Succeeded', async () => {
    const run = await cli(['watch', '1', '--interval', '20'], at());
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('Succeeded: 1200 rows exported\n');
    expect(run.stderr.split('\n').filter(Boolean)).toEqual(['[  0%] New', '[ 10%] Started: Reading rows', '[ 60%] Started: Writing file', '[ 95%] Started: Writing file', '[100%] Succeeded: Done']);
  });

  it('exits 1 on Failed, saying why', async () => {
    const run = await cli(['watch', '2', '--interval', '20'], at());
    expect(run.code).toBe(1);
    // Said once: on stdout, where a Succeeded task's result goes; stderr has only the progress.
    expect(run.stdout).toBe('Failed: Disk full\n');
    expect(run.stderr).toBe('[ 30%] Started: Reading rows\n[ 30%] Failed: Stopped\n');
    expect(`${run.stdout}${run.stderr}`.match(/Disk full/g)).toHaveLength(1);
  });

  it('a Result that is a sentence gets no second full stop', async () => {
    const run = await cli(['watch', '6', '--interval', '20'], at());
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('Failed: Disk full.\n');
  });

  it('--timeout stops watching a task that does not end (State Unknown): exit 7, one line', async () => {
    const run = await cli(['watch', '4', '--interval', '20', '--timeout', '0.5'], at());
    expect(run.code).toBe(7);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('[  0%] Unknown\nso-batch: Stopped watching task 4 after 0.5 s (--timeout): it is still Unknown (0%); the task goes on.\n');
  });

  it.each([['3000000'], ['0'], ['soon']])('--timeout %s (past what a timer can wait, or no number) is a usage error', async (value) => {
    const run = await cli(['watch', '4', '--timeout', value], at());
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--timeout is seconds, from 0\.001 to 2147483/);
  });

  it('--timeout takes fractions of a second', async () => {
    const run = await cli(['watch', '4', '--interval', '20', '--timeout', '0.35'], at());
    expect(run.code, run.stderr).toBe(7);
  });

  it('start --watch --timeout too', async () => {
    const never = await scriptedServer({ 4: unknown }, 4);
    try {
      const run = await cli(['start', '--name', 'ExportJob', '--watch', '--interval', '20', '--timeout', '0.5'], { SO_BASE_URL: never.url, SO_TICKET: SECRET.ticket });
      expect(run.code).toBe(7);
      expect(run.stderr).toMatch(/^Started task 4\n\[  0%\] Unknown\nso-batch: Stopped watching task 4 after 0\.5 s \(--timeout\)/);
    } finally {
      await never.stop();
    }
  });

  it('a task in State All (never to end) is refused in one line: exit 6', async () => {
    // The client's waitForBatchTask refuses State All as an unexpected body; --timeout only keeps a regression from hanging.
    const run = await cli(['watch', '5', '--interval', '20', '--timeout', '5'], at());
    expect(run.code).toBe(6);
    expect(run.stderr).toMatch(/^\[  0%\] All\nso-batch: Not a SuperOffice Batch answer from POST http:\/\/127\.0\.0\.1:\d+\/api\/v1\/Agents\/Batch\/GetBatchTaskInfo: [^\n]*"All"[^\n]*[^.]\.\n$/);
  });

  it("an answer that is not a task (the client's unexpected-body): one line, exit 6", async () => {
    const run = await cli(['watch', '7', '--interval', '20'], at());
    expect(run.code).toBe(6);
    expect(run.stderr).toBe(`so-batch: Not a SuperOffice Batch answer from POST ${server.url}/api/v1/Agents/Batch/GetBatchTaskInfo: not JSON.\n`);
  });

  it('--json prints the final task only', async () => {
    const run = await cli(['watch', '1', '--interval', '20', '--json'], at());
    const task = JSON.parse(run.stdout);
    expect(isTask(task)).toBe(true);
    expect(task.State).toBe('Succeeded');
  });

  it('start --watch starts the job and follows it', async () => {
    const run = await cli(['start', '--name', 'ExportJob', '--watch', '--interval', '20'], at());
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^Started task 77\n/);
    expect(run.stdout).toBe('Succeeded: 1200 rows exported\n');
  });

  it('Ctrl-C stops watching, exits 130, and leaves the task alone', async () => {
    const before = server.requests.length;
    let interrupted = false;
    const run = await cli(['watch', '3', '--interval', '20'], at(), (stderr, child) => {
      if (!interrupted && stderr.includes('[  5%] Started: Working')) {
        interrupted = true;
        child.kill('SIGINT');
      }
    });
    expect(run.code).toBe(130);
    expect(run.stderr).toContain('Stopped watching task 3; the task goes on.');
    const calls = server.requests.slice(before).map((r) => r.path);
    expect(calls.every((path) => path.startsWith('/api/v1/Agents/Batch/GetBatchTaskInfo')), calls.join(', ')).toBe(true);
  });

  it('a task that does not exist: exit 5', async () => {
    const run = await cli(['watch', '404', '--interval', '20'], at());
    expect(run.code).toBe(5);
    expect(run.stderr).toBe('so-batch: Task 404 does not exist on this server (or your user may not see it).\n');
  });

  it('sends the credentials from the environment, and prints none of them', async () => {
    const run = await cli(['watch', '1', '--interval', '20'], at());
    expect(server.requests.at(-1)!.authorization).toBe(`SOTicket ${SECRET.ticket}`);
    expectNoSecrets(run);
  });
});
