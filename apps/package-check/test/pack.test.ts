// @so-batch/client and @so-batch/mock as someone outside the workspace gets them: `pnpm pack`
// each, `npm install` the tarballs into a fresh project in the temp dir (from the registry, as a
// user would), then use them there: the client README's example, type-checked with the oldest
// TypeScript the README allows and run against `npx @so-batch/mock` on each Node at hand, and a
// vitest file that starts the mock with startMock(); the root README's failure-path file and its
// typed archive query (type-checked the same way, run against the mock started with tasks of its own).
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const runFile = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const RESULTS = fileURLToPath(new URL('../test-results/', import.meta.url));
/** The oldest TypeScript the client's README allows. */
const OLDEST_TYPESCRIPT = '5.4.5';
/** npm reaches the registry: a generous budget (about a minute on an idle machine). */
const NPM_BUDGET_MS = 540_000;
/** The Node pnpm runs this with: the workspace's Node 24. */
const WORKSPACE_NODE = process.execPath;

interface NodeBinary {
  path: string;
  version: string;
}

/** Nodes outside the workspace (Node 20 is /usr/local/bin/node or the system one), oldest first. */
function otherNodes(): NodeBinary[] {
  const candidates = ['/usr/local/bin/node', '/usr/bin/node', ...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'node'))];
  const seen = new Set([realpathSync(WORKSPACE_NODE)]);
  const found: NodeBinary[] = [];
  for (const candidate of candidates) {
    if (!existsSync(candidate) || candidate.startsWith(ROOT)) continue;
    const real = realpathSync(candidate);
    if (seen.has(real)) continue;
    seen.add(real);
    const version = readVersion(real);
    if (version) found.push({ path: real, version });
  }
  return found;
}

/** Synchronous: the test titles are computed from it when the file loads. */
function readVersion(node: string): string | undefined {
  try {
    return execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

const atLeast = (version: string, major: number, minor: number) => {
  const [wantMajor = 0, wantMinor = 0] = version.replace(/^v/, '').split('.').map(Number);
  return wantMajor > major || (wantMajor === major && wantMinor >= minor);
};

const olderNodes = otherNodes().filter((node) => !atLeast(node.version, 24, 18));
const clientNodes = [{ path: WORKSPACE_NODE, version: process.version }, ...olderNodes.filter((node) => atLeast(node.version, 20, 3))];

let project: string;
const tarballs: Record<'client' | 'mock', string> = { client: '', mock: '' };
const children: ChildProcess[] = [];

/** PATH without the workspace's folders, and with `node` first if given, so that npx and the bins' shebangs run that Node. */
const pathWith = (node: string | undefined) =>
  [...(node ? [dirname(node)] : []), ...(process.env.PATH ?? '').split(delimiter).filter((dir) => dir && !dir.startsWith(ROOT))].join(delimiter);
/**
 * A consumer's environment: none of what pnpm hands its scripts. Its NODE_PATH alone would let the
 * installed packages find the workspace's (such as @so-batch/spec) and hide a missing dependency.
 */
const outsideTheWorkspace = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(NODE_PATH|NODE_OPTIONS|npm_|pnpm_|PNPM_|VITEST|TURBO_)/i.test(name)));
const environment = (node: string | undefined, extra: Record<string, string> = {}) => ({
  ...outsideTheWorkspace,
  PATH: pathWith(node),
  SCARF_ANALYTICS: 'false',
  NO_COLOR: '1',
  npm_config_update_notifier: 'false',
  ...extra,
});

function pack(name: 'client' | 'mock', destination: string): Promise<void> {
  return runFile('pnpm', ['pack', '--pack-destination', destination], { cwd: join(ROOT, 'packages', name), timeout: 120_000 }).then(() => {
    const tarball = readdirSync(destination).find((file) => file.startsWith(`so-batch-${name}-`) && file.endsWith('.tgz'));
    if (!tarball) throw new Error(`pnpm pack wrote no tarball for @so-batch/${name}`);
    tarballs[name] = join(destination, tarball);
  });
}

/** Lists a tarball's files (without the leading package/). */
async function contents(tarball: string): Promise<string[]> {
  const { stdout } = await runFile('tar', ['-tzf', tarball]);
  return stdout.split('\n').filter(Boolean).map((file) => file.replace(/^package\//, ''));
}

/** Starts `npx @so-batch/mock` in the project (with `settings` added to its environment) and resolves with the URL it prints. */
function startPackagedMock(node: string, settings: Record<string, string> = {}): Promise<{ url: string; child: ChildProcess }> {
  return new Promise((resolveStart, reject) => {
    // Its own process group, so that stopping it reaches npx's child (the bin) too.
    const child = spawn('npx', ['--no-install', '@so-batch/mock'], {
      cwd: project,
      env: environment(node, { MOCK_PORT: '0', MOCK_TASK_SECONDS: '1', ...settings }),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    children.push(child);
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const url = /listening on (http:\/\/\S+) /.exec(output)?.[1];
      if (url) resolveStart({ url, child });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`npx @so-batch/mock exited with ${code} before it listened:\n${output}`)));
  });
}

async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {}
  }, 5000);
  await exited;
  clearTimeout(timer);
}

beforeAll(async () => {
  project = mkdtempSync(join(tmpdir(), 'so-batch-package-check-'));
  const packed = join(project, 'tarballs');
  mkdirSync(packed);
  await Promise.all([pack('client', packed), pack('mock', packed)]);

  writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'so-batch-consumer', private: true, type: 'module' }, null, 2)}\n`);
  // From the registry, as a user installs them: with the user's own npm and Node (and so the
  // machine's npm settings, such as its CA file: npm reads its global npmrc next to its Node, and
  // turbo does not hand tasks NODE_EXTRA_CA_CERTS). Scripts off: Prism's dependencies include an
  // analytics postinstall.
  await runFile(
    'npm',
    ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', tarballs.client, tarballs.mock, 'vitest@5.1.1', `typescript@${OLDEST_TYPESCRIPT}`],
    { cwd: project, env: environment(undefined), timeout: NPM_BUDGET_MS, maxBuffer: 16 * 1024 * 1024 },
  ).catch((error: { killed?: boolean; stderr?: string; message: string }) => {
    const why = error.killed ? `did not finish within ${NPM_BUDGET_MS / 1000} s` : 'failed';
    throw new Error(`npm install of the tarballs ${why}:\n${(error.stderr || error.message).split('\n').slice(-30).join('\n')}`);
  });

  // The client README's examples, word for word (its first ts block: createBatchClient; its
  // second: one function per call; its third: a typed archive query), and a consumer's settings.
  const readme = readFileSync(join(ROOT, 'packages', 'client', 'README.md'), 'utf8');
  const [example, perFunction, archive] = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]);
  if (!example || !perFunction || !archive) throw new Error('packages/client/README.md lacks its three ts blocks');
  writeFileSync(join(project, 'readme.ts'), example);
  writeFileSync(join(project, 'per-function.ts'), perFunction);
  writeFileSync(join(project, 'client-archive.ts'), archive);
  writeFileSync(join(project, 'globals.d.ts'), 'declare const process: { env: Record<string, string | undefined> };\n');
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { strict: true, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', lib: ['es2022', 'dom'], types: [], skipLibCheck: false, outDir: 'out' },
      files: ['readme.ts', 'per-function.ts', 'client-archive.ts', 'archive-query.ts', 'globals.d.ts'],
    }),
  );
  // The root README's failure-path file and its typed archive query, word for word: the ts block under each heading.
  const rootReadme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const archiveQuery = /^### Query the archive, typed\n[\s\S]*?```ts\n([\s\S]*?)```/m.exec(rootReadme)?.[1];
  if (!archiveQuery) throw new Error('README.md lacks the ts block of its section "Query the archive, typed"');
  writeFileSync(join(project, 'archive-query.ts'), archiveQuery);
  const failurePaths = /^## Test your integration's failure paths\n[\s\S]*?```ts\n([\s\S]*?)```/m.exec(rootReadme)?.[1];
  if (!failurePaths) throw new Error("README.md lacks the ts block of its section \"Test your integration's failure paths\"");
  writeFileSync(join(project, 'failure-paths.test.ts'), failurePaths);
  writeFileSync(
    join(project, 'consumer.test.ts'),
    `import { createBatchClient } from '@so-batch/client';
import { startMock, type RunningMock } from '@so-batch/mock';
import { afterAll, beforeAll, expect, it } from 'vitest';

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ taskRunMs: 300 });
}, 60_000);
afterAll(() => mock?.stop());

it('reads a task and follows a job to its end on the mock', async () => {
  const client = createBatchClient({ baseUrl: mock.url, auth: { scheme: 'SOTicket', ticket: '7T:consumer==' } });
  const task = await client.getBatchTaskInfo(189);
  if (task.error) throw task.error;
  expect(task.data).toMatchObject({ Id: 189, Name: 'ExportJob', State: 'Succeeded' });
  const started = await client.startBatchJob({ Name: 'ExportJob' });
  if (started.error) throw started.error;
  const done = await client.waitForBatchTask(started.data, { intervalMs: 100 });
  if (done.error) throw done.error;
  expect(done.data.State).toBe('Succeeded');
}, 60_000);
`,
  );
});

afterAll(async () => {
  await Promise.all(children.map(stopProcessGroup));
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('the tarballs', () => {
  it('hold the built code, its declarations and maps, the LICENSE, README and CHANGELOG, and no sources, tests or tsconfig', async () => {
    const mock = await contents(tarballs.mock);
    const client = await contents(tarballs.client);
    for (const files of [mock, client]) {
      expect(files).toEqual(expect.arrayContaining(['package.json', 'LICENSE', 'README.md', 'CHANGELOG.md', 'dist/index.js', 'dist/index.d.ts', 'dist/index.js.map']));
      expect(files.filter((file) => /^(src|test)\/|tsconfig|vitest|\.build-inputs/.test(file))).toEqual([]);
    }
    expect(mock).toEqual(expect.arrayContaining(['bin/so-batch-mock.js', 'dist/openapi.json', 'dist/prism.js', 'dist/exit-with-parent.js']));
  });

  it('install with complete metadata and no workspace dependency', () => {
    for (const name of ['client', 'mock']) {
      const manifest = JSON.parse(readFileSync(join(project, 'node_modules', '@so-batch', name, 'package.json'), 'utf8'));
      expect(manifest.private).toBeUndefined();
      expect(manifest).toMatchObject({ license: 'MIT', type: 'module', engines: { node: expect.any(String) } });
      for (const field of ['repository', 'homepage', 'bugs', 'keywords', 'exports', 'files']) expect(manifest[field], field).toBeDefined();
      expect(JSON.stringify(manifest.dependencies ?? {})).not.toMatch(/workspace:|@so-batch\//);
    }
  });
});

it(`the client README's examples and the root README's typed query type-check with TypeScript ${OLDEST_TYPESCRIPT} (strict, nodenext, skipLibCheck off)`, async () => {
  const tsc = join(project, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = await runFile(WORKSPACE_NODE, [tsc, '-p', '.'], { cwd: project }).catch((error: { stdout?: string; message: string }) => {
    throw new Error(`tsc ${OLDEST_TYPESCRIPT} failed:\n${error.stdout ?? error.message}`);
  });
  expect(result.stdout).toBe('');
  expect(existsSync(join(project, 'out', 'readme.js'))).toBe(true);
  expect(existsSync(join(project, 'out', 'per-function.js'))).toBe(true);
  expect(existsSync(join(project, 'out', 'client-archive.js'))).toBe(true);
  expect(existsSync(join(project, 'out', 'archive-query.js'))).toBe(true);
});

/**
 * The root README's typed query ("my failed exports of last week, newest first") against a mock
 * started with tasks around a chosen present: a manual clock, moved to a Wednesday noon in the
 * future (a manual clock starts at the real present and only moves forward), so that "last week"
 * is the same calendar week whenever the test runs. Tasks on either side of each condition: only
 * associate 195's failed Export* tasks created in that week are listed. Every ticket is
 * associate 195 on the mock (its credentials.ts).
 */
describe('typed archive queries from the READMEs, against a mock with tasks of its own', () => {
  const DAY_MS = 86_400_000;
  // Wednesday 12:00 UTC of next week: always after the mock's clock starts.
  const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
  const thisMonday = today - ((new Date(today).getUTCDay() + 6) % 7) * DAY_MS;
  const present = thisMonday + 7 * DAY_MS + 2 * DAY_MS + 12 * 3_600_000;
  const weekStart = present - 2 * DAY_MS - 12 * 3_600_000;
  const lastWeek = weekStart - 7 * DAY_MS;
  const at = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
  const failed = (Id: number, Name: string, created: number, extra: Record<string, unknown> = {}) => ({ Id, Name, State: 'Failed', AssociateId: 195, Created: at(created), Result: `${Name} failed.`, ...extra });
  const tasks = [
    failed(301, 'ExportContacts', lastWeek + DAY_MS + 10 * 3_600_000),
    failed(302, 'ExportSales', lastWeek + 5 * DAY_MS),
    failed(303, 'Export', lastWeek), // Monday 00:00: the week's first moment
    failed(304, 'ExportProjects', weekStart - 1000), // Sunday 23:59:59: its last second
    failed(310, 'ExportDone', lastWeek + 2 * DAY_MS, { State: 'Succeeded', Result: 'Done.' }),
    failed(311, 'ImportContacts', lastWeek + 2 * DAY_MS),
    failed(312, 'ExportForAda', lastWeek + 2 * DAY_MS, { AssociateId: 7 }),
    failed(313, 'ExportTooOld', lastWeek - 1000),
    failed(314, 'ExportThisWeek', weekStart),
    failed(315, 'ReExport', lastWeek + 3 * DAY_MS),
  ];
  const expected = [304, 302, 301, 303].map((id) => tasks.find((task) => task.Id === id)!);
  let mockUrl: string;

  beforeAll(async () => {
    writeFileSync(join(project, 'archive-tasks.json'), JSON.stringify(tasks));
    ({ url: mockUrl } = await startPackagedMock(WORKSPACE_NODE, { MOCK_TASKS: 'archive-tasks.json', MOCK_CLOCK: 'manual' }));
    const clock = (await (await fetch(`${mockUrl}/mock/clock`)).json()) as { now: number };
    const moved = await fetch(`${mockUrl}/mock/clock/advance`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ms: present - clock.now }) });
    expect(((await moved.json()) as { time: string }).time).toBe(new Date(present).toISOString());
  }, 120_000);

  it.each(clientNodes.map((node) => [node.version, node] as const))('lists exactly the failed exports of last week, newest first, on Node %s', async (_version, node) => {
    const { stdout } = await runFile(node.path, [join(project, 'out', 'archive-query.js')], {
      cwd: project,
      env: environment(node.path, { SO_BASE_URL: mockUrl, SO_TICKET: '7T:example==' }),
      timeout: 60_000,
    });
    expect(stdout.split('\n').filter(Boolean)).toEqual(expected.map((task) => `#${task.Id} ${task.Name} ${task.Created}: ${task.Result}`));
  });

  it("the client README's archive example lists every failed or started Export* task, by id descending (Node 24)", async () => {
    const { stdout } = await runFile(WORKSPACE_NODE, [join(project, 'out', 'client-archive.js')], {
      cwd: project,
      env: environment(WORKSPACE_NODE, { SO_BASE_URL: mockUrl, SO_TICKET: '7T:example==' }),
      timeout: 60_000,
    });
    const listed = tasks.filter((task) => task.Name.startsWith('Export') && ['Failed', 'Started'].includes(task.State)).sort((a, b) => b.Id - a.Id);
    expect(listed.length).toBeGreaterThan(4);
    expect(stdout.split('\n').filter(Boolean)).toEqual(listed.map((task) => `#${task.Id} ${task.Name}: ${task.State}`));
  });
});

describe.each(clientNodes.map((node) => [node.version, node] as const))('on Node %s', (_version, node) => {
  /** Runs a compiled README example on this Node against a fresh `npx @so-batch/mock`; its output. */
  const runExample = async (file: string) => {
    const { url } = await startPackagedMock(WORKSPACE_NODE);
    const { stdout } = await runFile(node.path, [join(project, 'out', file)], {
      cwd: project,
      env: environment(node.path, { SO_BASE_URL: url, SO_TICKET: '7T:example==' }),
      timeout: 60_000,
    });
    return stdout;
  };

  it("the client README's example starts a job on `npx @so-batch/mock` and follows it to the end", async () => {
    const stdout = await runExample('readme.js');
    const lines = stdout.split('\n').filter(Boolean);
    expect(lines.at(-1), stdout).toBe('done: The job "ExportJob" finished.');
  });

  it("the client README's per-function example (@so-batch/client/core and /agents) starts a job and reads it back", async () => {
    const stdout = await runExample('per-function.js');
    expect(stdout).toMatch(/^#\d+ ExportJob: (New|Started) \d+%\n$/);
  });
});

it('a vitest file that uses startMock() passes in the consumer project (Node 24)', async () => {
  const vitest = join(project, 'node_modules', 'vitest', 'vitest.mjs');
  const { stdout } = await runFile(WORKSPACE_NODE, [vitest, 'run', 'consumer.test.ts', '--reporter=verbose'], {
    cwd: project,
    env: environment(WORKSPACE_NODE, { CI: '1' }),
    timeout: 150_000,
  }).catch((error: { stdout?: string; stderr?: string; message: string }) => {
    throw new Error(`vitest failed in the consumer project:\n${error.stdout ?? ''}\n${error.stderr ?? error.message}`);
  });
  expect(stdout).toMatch(/reads a task and follows a job to its end on the mock/);
  expect(stdout).toMatch(/Tests\s+1 passed/);
});

it("the root README's failure-path file passes in the consumer project: a job failing at 40%, a hung job, 503s, a 429, a lost answer, a slow answer, a dropped connection", async () => {
  const vitest = join(project, 'node_modules', 'vitest', 'vitest.mjs');
  const { stdout } = await runFile(WORKSPACE_NODE, [vitest, 'run', 'failure-paths.test.ts', '--reporter=verbose'], {
    cwd: project,
    env: environment(WORKSPACE_NODE, { CI: '1' }),
    timeout: 150_000,
  }).catch((error: { stdout?: string; stderr?: string; message: string }) => {
    throw new Error(`the README's failure-path file failed in the consumer project:\n${error.stdout ?? ''}\n${error.stderr ?? error.message}`);
  });
  expect(stdout).toMatch(/Tests\s+7 passed/);
  // Its wall time, for the closing note and BENCHMARKS.md: vitest's own figure, not asserted.
  const summary = stdout.replace(/\u001b\[[\d;]*m/g, '');
  const duration = /Duration\s+([\d.]+m?s)/.exec(summary)?.[1];
  const inTests = /Duration[^(]*\(tests ([\d.]+m?s)/.exec(summary)?.[1] ?? /\(tests (\d+%)/.exec(summary)?.[1];
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, 'failure-paths.json'), `${JSON.stringify({ duration, inTests }, null, 2)}\n`);
});

describe.each(olderNodes.map((node) => [node.version, node] as const))('on Node %s (older than the mock needs)', (_version, node) => {
  it('`npx @so-batch/mock` says in one line which Node it needs', async () => {
    const result = await runFile('npx', ['--no-install', '@so-batch/mock'], { cwd: project, env: environment(node.path, { MOCK_PORT: '0' }), timeout: 60_000 }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code?: number; stderr?: string }) => ({ code: error.code, stderr: error.stderr ?? '' }),
    );
    expect(result.code).toBe(1);
    const lines = result.stderr.split('\n').filter((line) => line.trim() && !line.startsWith('npm warn'));
    expect(lines).toEqual([`@so-batch/mock needs Node 24.18 or newer (its Prism does); this is Node ${node.version.replace(/^v/, '')}.`]);
  });
});
