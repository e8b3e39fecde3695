// Job behaviours, through real HTTP requests to the mock on a manual clock: StartBatchJob, then
// GetBatchTaskInfo after each advance. Each behaviour field changes the job's course as its
// documentation says; a definition that cannot be true is refused, naming the field, and
// changes nothing.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixturePath, readJobsFile, startMock, type JobBehaviour, type RunningMock } from '../src/index.ts';
import { startPrism, type PrismProcess } from '../src/prism.ts';
import { bundledSpecPath, loadSpec } from '../src/spec.ts';

const tje0 = { Authorization: 'Basic dGplMDpUamUw', 'Content-Type': 'application/json' };
const RUN_MS = 10_000;
const QUEUED_MS = 500; // the default queue: a tenth of the run, at most 500 ms

let mock: RunningMock;
// A Prism of the test's own, so that a second front over the same sandbox starts in milliseconds.
let prism: PrismProcess;
beforeAll(async () => {
  prism = await startPrism({ specPath: bundledSpecPath(), log: () => {} });
  mock = await startMock({ prismUrl: prism.url, clock: 'manual', taskRunMs: RUN_MS, jobs: { StartupJob: { runMs: 1000, result: 'Given at the start.' } }, archivePageSize: 3 });
});
afterAll(async () => {
  await mock?.stop();
  await prism?.stop();
});
beforeEach(() => mock.reset());

async function agents(operation: string, body: unknown) {
  const reply = await fetch(`${mock.url}/api/v1/Agents/Batch/${operation}`, { method: 'POST', headers: tje0, body: JSON.stringify(body) });
  expect(reply.status).toBe(200);
  return reply.json();
}
const start = async (name: string) => (await agents('StartBatchJob', { BatchTaskInfo: { Name: name } })) as number;
const read = async (id: number) => (await agents('GetBatchTaskInfo', { Id: id })) as Record<string, unknown>;

describe('each behaviour field', () => {
  it('failAtPercent: the job ends Failed at that percent, with a Result saying so', async () => {
    mock.jobs.define('FlakyExport', { runMs: 10_000, failAtPercent: 40 });
    const id = await start('FlakyExport');
    await mock.clock.advance(QUEUED_MS + 3_999);
    expect(await read(id)).toMatchObject({ State: 'Started', ProgressPercent: 39 });
    await mock.clock.advance(1);
    const failed = await read(id);
    expect(failed).toMatchObject({ State: 'Failed', ProgressPercent: 40, ProgressDescription: 'Step 3 of 5' });
    expect(failed.Result).toBe('The job "FlakyExport" failed at 40%: the mock\'s definition of the job fails it there (failAtPercent 40).');
    // Ended: more time changes nothing.
    await mock.clock.advance(60_000);
    expect(await read(id)).toEqual(failed);
  });

  it('runMs and result: the job runs that long and ends with that Result', async () => {
    mock.jobs.define('Report', { runMs: 2 * 3_600_000, result: 'report.pdf is ready' });
    const id = await start('Report');
    await mock.clock.advance(QUEUED_MS + 3_600_000);
    expect(await read(id)).toMatchObject({ State: 'Started', ProgressPercent: 50 });
    await mock.clock.advance(3_600_000);
    expect(await read(id)).toMatchObject({ State: 'Succeeded', ProgressPercent: 100, Result: 'report.pdf is ready' });
  });

  it('hang: the job reaches Started and never ends, but can still be stopped', async () => {
    mock.jobs.define('Stuck', { hang: true });
    const id = await start('Stuck');
    expect((await read(id)).State).toBe('New');
    await mock.clock.advance(QUEUED_MS);
    const started = await read(id);
    expect(started).toMatchObject({ State: 'Started', ProgressPercent: 0 });
    await mock.clock.advance(7 * 24 * 3_600_000);
    expect(await read(id)).toEqual(started);
    expect(await agents('StopBatchJob', { Id: id })).toBe(true);
    expect(await read(id)).toMatchObject({ State: 'Failed', Result: 'Stopped on request.' });
  });

  it('queuedMs: the job stays New that long, then starts', async () => {
    mock.jobs.define('Nightly', { queuedMs: 60_000, runMs: 1000 });
    const id = await start('Nightly');
    await mock.clock.advance(59_999);
    expect(await read(id)).toMatchObject({ State: 'New', ProgressPercent: 0, StartCount: 0, ProgressDescription: 'Queued' });
    await mock.clock.advance(1);
    const created = Date.parse((await read(id)).Created as string);
    expect(await read(id)).toMatchObject({ State: 'Started', StartCount: 1, LastStarted: new Date(created + 60_000).toISOString() });
    await mock.clock.advance(1000);
    expect((await read(id)).State).toBe('Succeeded');
  });

  it('cancellation CannotCancel: StopBatchJob answers false (Agents and REST) and the job runs on to its end', async () => {
    mock.jobs.define('Payroll', { cancellation: 'CannotCancel' });
    const id = await start('Payroll');
    await mock.clock.advance(QUEUED_MS + 1000);
    expect(await read(id)).toMatchObject({ State: 'Started', CancellationBehaviour: 'CannotCancel' });
    expect(await agents('StopBatchJob', { Id: id })).toBe(false);
    const rest = await fetch(`${mock.url}/api/v1/BatchTask/${id}/Stop`, { method: 'POST', headers: tje0 });
    expect(await rest.json()).toBe(false);
    expect((await read(id)).State).toBe('Started');
    await mock.clock.advance(RUN_MS);
    expect((await read(id)).State).toBe('Succeeded');
  });

  it.each(['CanCancel', 'CancelWithWarning'] as const)('cancellation %s: the task says so, and StopBatchJob stops the job', async (cancellation) => {
    mock.jobs.define('Mailing', { cancellation });
    const id = await start('Mailing');
    await mock.clock.advance(QUEUED_MS + 1000);
    expect((await read(id)).CancellationBehaviour).toBe(cancellation);
    expect(await agents('StopBatchJob', { Id: id })).toBe(true);
    expect(await read(id)).toMatchObject({ State: 'Failed', Result: 'Stopped on request.', CancellationBehaviour: cancellation });
    expect(await agents('StopBatchJob', { Id: id })).toBe(false);
  });

  it('manualCleanup: the job ends SucceededManualCleanup', async () => {
    mock.jobs.define('Import', { manualCleanup: true, runMs: 100 });
    const id = await start('Import');
    await mock.clock.advance(QUEUED_MS + 100);
    expect(await read(id)).toMatchObject({ State: 'SucceededManualCleanup', ProgressPercent: 100 });
  });
});

describe('names and defaults', () => {
  it('a definition matches the whole name in any case, as the list calls match names', async () => {
    mock.jobs.define('exportjob', { failAtPercent: 0 });
    const upper = await start(' EXPORTJOB ');
    const longer = await start('ExportJob2');
    await mock.clock.advance(QUEUED_MS);
    expect((await read(upper)).State).toBe('Failed');
    expect((await read(longer)).State).toBe('Started');
  });

  it('undefined names keep the defaults: taskRunMs, and a name with "fail" fails at 60%', async () => {
    const plain = await start('ExportJob');
    const failing = await start('FailingExport');
    await mock.clock.advance(QUEUED_MS + RUN_MS / 2);
    expect(await read(plain)).toMatchObject({ State: 'Started', ProgressPercent: 50, CancellationBehaviour: 'CanCancel' });
    await mock.clock.advance(RUN_MS / 2);
    expect(await read(plain)).toMatchObject({ State: 'Succeeded', Result: 'The job "ExportJob" finished.' });
    expect(await read(failing)).toMatchObject({ State: 'Failed', ProgressPercent: 60 });
  });

  it('a definition replaces the defaults for its name: a defined "fail" name succeeds', async () => {
    mock.jobs.define('FailoverCheck', { runMs: 100 });
    const id = await start('FailoverCheck');
    await mock.clock.advance(QUEUED_MS + 100);
    expect((await read(id)).State).toBe('Succeeded');
  });

  it('a job keeps the course it started with: defining its name later changes only later jobs', async () => {
    const before = await start('ExportJob');
    mock.jobs.define('ExportJob', { hang: true });
    const after = await start('ExportJob');
    await mock.clock.advance(QUEUED_MS + RUN_MS);
    expect((await read(before)).State).toBe('Succeeded');
    expect((await read(after)).State).toBe('Started');
  });

  it('list, remove and clear; reset() brings back the definitions given to startMock', async () => {
    expect(mock.jobs.list()).toEqual([{ name: 'StartupJob', behaviour: { runMs: 1000, result: 'Given at the start.' } }]);
    const { define } = mock.jobs; // the methods work off the object too
    define('A', { runMs: 1 });
    mock.jobs.define('startupjob', { hang: true });
    expect(mock.jobs.list()).toEqual([
      { name: 'A', behaviour: { runMs: 1 } },
      { name: 'startupjob', behaviour: { hang: true } },
    ]);
    expect(mock.jobs.remove('a')).toBe(true);
    expect(mock.jobs.remove('a')).toBe(false);
    mock.jobs.clear();
    expect(mock.jobs.list()).toEqual([]);
    mock.reset();
    expect(mock.jobs.list()).toEqual([{ name: 'StartupJob', behaviour: { runMs: 1000, result: 'Given at the start.' } }]);
    const id = await start('StartupJob');
    await mock.clock.advance(QUEUED_MS + 1000);
    expect(await read(id)).toMatchObject({ State: 'Succeeded', Result: 'Given at the start.' });
  });
});

describe('a definition that cannot be true', () => {
  it.each<[string, unknown, RegExp]>([
    ['failAtPercent 140', { failAtPercent: 140 }, /failAtPercent must be <= 100 \(the job ends Failed on reaching this percent, with a Result that says so\), not 140\./],
    ['failAtPercent -1', { failAtPercent: -1 }, /failAtPercent must be >= 0 .*, not -1\./],
    ['failAtPercent 12.5', { failAtPercent: 12.5 }, /failAtPercent must be a whole number .*, not 12\.5\./],
    ['negative runMs', { runMs: -1 }, /runMs must be >= 0 \(how long the job runs from Started to its end, in milliseconds\), not -1\./],
    ['runMs NaN', { runMs: Number.NaN }, /runMs must be a finite number .*, not NaN\./],
    ['queuedMs Infinity', { queuedMs: Number.POSITIVE_INFINITY }, /queuedMs must be a finite number .*, not Infinity\./],
    ['runMs as text', { runMs: '1000' }, /runMs must be a whole number .*, not "1000"\./],
    ['hang as text', { hang: 'yes' }, /hang must be true or false .*, not "yes"\./],
    ['result as a number', { result: 42 }, /result must be a string .*, not 42\./],
    ['an unknown cancellation', { cancellation: 'Never' }, /cancellation must be one of CanCancel, CancelWithWarning, CannotCancel .*, not "Never"\./],
    ['an unknown field', { runMS: 1000 }, /runMS is not a job behaviour field \(known: runMs, failAtPercent, result, hang, queuedMs, cancellation, manualCleanup\)\./],
    ['hang with failAtPercent', { hang: true, failAtPercent: 40 }, /failAtPercent cannot be given with hang: true \(a hung job never ends\)\./],
    ['hang with runMs', { hang: true, runMs: 1000 }, /runMs cannot be given with hang: true/],
    ['manualCleanup with failAtPercent', { manualCleanup: true, failAtPercent: 40 }, /failAtPercent cannot be given with manualCleanup: true/],
    ['not an object', 'fast', /a job behaviour must be an object, not "fast"\./],
    ['null', null, /a job behaviour must be an object, not null\./],
  ])('%s: define throws a TypeError naming the field, and nothing changes', (_, behaviour, message) => {
    mock.jobs.define('Kept', { runMs: 5 });
    const before = mock.jobs.list();
    let error: unknown;
    try {
      mock.jobs.define('Kept', behaviour as JobBehaviour);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(/^jobs\.define\("Kept"\): /);
    expect((error as Error).message).toMatch(message);
    expect(mock.jobs.list()).toEqual(before);
  });

  it('a name that is no name is refused, naming it', () => {
    expect(() => mock.jobs.define('  ', {})).toThrow(new TypeError('jobs.define("  "): name must be a job\'s name (a non-empty string), not "  ".'));
    expect(() => mock.jobs.define(7 as unknown as string, {})).toThrow(/^jobs\.define\(\): name must be a job's name/);
    expect(() => mock.jobs.remove('')).toThrow(/^jobs\.remove: name/);
  });

  it('startMock refuses bad jobs before it starts anything, naming the job and the field', async () => {
    await expect(startMock({ jobs: { ExportJob: { failAtPercent: 140 } } })).rejects.toThrow(/^startMock: jobs: job "ExportJob": failAtPercent must be <= 100/);
    await expect(startMock({ jobs: { a: {}, A: {} } })).rejects.toThrow('startMock: jobs: job "A" is defined twice (names match in any case).');
    await expect(startMock({ jobs: [] as unknown as Record<string, JobBehaviour> })).rejects.toThrow(/^startMock: jobs: expected an object of job names/);
  });
});

/** This process's environment without what turbo and pnpm set for this test run: the bin then reads from INIT_CWD, as under `pnpm exec` in that folder. */
function userEnvironment(): NodeJS.ProcessEnv {
  const { TURBO_INVOCATION_DIR: _turbo, INIT_CWD: _init, ...inherited } = process.env;
  return inherited;
}

describe('MOCK_JOBS files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'so-batch-jobs-'));
  const doc = loadSpec();

  it('a good file loads; a bad one names the file, the job and the property', () => {
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ ExportJob: { failAtPercent: 40 }, Stuck: { hang: true } }));
    expect(readJobsFile(doc, good)).toEqual({ ExportJob: { failAtPercent: 40 }, Stuck: { hang: true } });
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ExportJob: { failAtPercent: 40 }, Stuck: { hang: true, failAtPercent: 10 } }));
    expect(() => readJobsFile(doc, bad)).toThrow(`${bad}: job "Stuck": failAtPercent cannot be given with hang: true (a hung job never ends).`);
    writeFileSync(bad, '{ "ExportJob": ');
    expect(() => readJobsFile(doc, bad)).toThrow(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: not JSON`));
    expect(() => readJobsFile(doc, join(dir, 'missing.json'))).toThrow(/missing\.json: cannot read it \(ENOENT\)/);
  });

  it('a relative path is read from where the user ran the command (fixturePath: TURBO_INVOCATION_DIR, INIT_CWD, then the process)', () => {
    expect(fixturePath('jobs.json', { INIT_CWD: dir }, '/elsewhere')).toBe(join(dir, 'jobs.json'));
    expect(fixturePath('jobs.json', {}, '/elsewhere')).toBe('/elsewhere/jobs.json');
    expect(fixturePath('/abs/jobs.json', { INIT_CWD: dir })).toBe('/abs/jobs.json');
  });

  it('the bin serves the definitions of a MOCK_JOBS file named relative to where it was run', async () => {
    writeFileSync(join(dir, 'good-jobs.json'), JSON.stringify({ Doomed: { queuedMs: 0, failAtPercent: 0, result: 'From the file.' } }));
    const bin = fileURLToPath(new URL('../bin/so-batch-mock.js', import.meta.url));
    const child = spawn(process.execPath, [bin], { env: { ...userEnvironment(), MOCK_JOBS: 'good-jobs.json', INIT_CWD: dir, MOCK_PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
    try {
      let output = '';
      const url = await new Promise<string>((resolveUrl, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const found = /listening on (http:\/\/[^ ]+) /.exec(output);
          if (found && output.includes('Job behaviours')) resolveUrl(found[1]!);
        });
        child.once('exit', (code) => reject(new Error(`the bin exited (${code}) before listening: ${output}`)));
      });
      expect(output).toContain('Job behaviours (MOCK_JOBS): Doomed.');
      const started = await fetch(`${url}/api/v1/Agents/Batch/StartBatchJob`, { method: 'POST', headers: tje0, body: JSON.stringify({ BatchTaskInfo: { Name: 'Doomed' } }) });
      const id = (await started.json()) as number;
      const read = await fetch(`${url}/api/v1/Agents/Batch/GetBatchTaskInfo`, { method: 'POST', headers: tje0, body: JSON.stringify({ Id: id }) });
      expect(await read.json()).toMatchObject({ Id: id, State: 'Failed', ProgressPercent: 0, Result: 'From the file.' });
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  }, 120_000);

  it('the bin refuses a bad MOCK_JOBS file with exit 2 and a line naming the job and the property, before starting', () => {
    writeFileSync(join(dir, 'jobs.json'), JSON.stringify({ ExportJob: { failAtPercent: 140 } }));
    const bin = fileURLToPath(new URL('../bin/so-batch-mock.js', import.meta.url));
    const run = spawnSync(process.execPath, [bin], { env: { ...userEnvironment(), MOCK_JOBS: 'jobs.json', INIT_CWD: dir, MOCK_PORT: '0' }, encoding: 'utf8', timeout: 30_000 });
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe(`MOCK_JOBS: ${join(dir, 'jobs.json')}: job "ExportJob": failAtPercent must be <= 100 (the job ends Failed on reaching this percent, with a Result that says so), not 140.`);
  });
});

describe('archivePageSize', () => {
  it('sets the OData page: three rows a page, and the links visit every row once', async () => {
    for (let i = 0; i < 4; i++) await start(`Paged ${i}`);
    const seen: number[] = [];
    let next: string | undefined = `${mock.url}/api/v1/BatchTask?$select=batchTaskId&$filter=${encodeURIComponent("startswith(name, 'Paged')")}`;
    let pages = 0;
    while (next) {
      const reply = await fetch(next, { headers: tje0 });
      const page = (await reply.json()) as { value: { PrimaryKey: number }[]; 'odata.nextLink'?: string };
      expect(page.value.length).toBeLessThanOrEqual(3);
      seen.push(...page.value.map((row) => row.PrimaryKey));
      next = page['odata.nextLink'];
      pages++;
    }
    expect(pages).toBe(2);
    expect(new Set(seen).size).toBe(4);
  });

  it.each([0, -1, 2.5, Number.NaN, '10', 10_001])('startMock refuses archivePageSize %s, naming it', async (size) => {
    await expect(startMock({ archivePageSize: size as number })).rejects.toThrow(/^startMock: archivePageSize must be a whole number from 1 to 10000 \(the spec's page is 50\)/);
  });
});

describe('a sandbox served again', () => {
  it('startMock({ sandbox }) serves the same tasks, running jobs, definitions and clock, as a restarted server', async () => {
    mock.jobs.define('LongOne', { runMs: 60_000 });
    const id = await start('LongOne');
    await mock.clock.advance(QUEUED_MS + 30_000);
    const again = await startMock({ sandbox: mock.sandbox, prismUrl: prism.url });
    try {
      const reply = await fetch(`${again.url}/api/v1/Agents/Batch/GetBatchTaskInfo`, { method: 'POST', headers: tje0, body: JSON.stringify({ Id: id }) });
      expect(await reply.json()).toMatchObject({ Id: id, State: 'Started', ProgressPercent: 50 });
      expect(again.clock).toBe(mock.clock);
      expect(again.jobs.list()).toEqual(mock.jobs.list());
      await again.clock.advance(30_000);
      expect((await read(id)).State).toBe('Succeeded');
    } finally {
      await again.stop();
    }
  });

  it('served again with a spec that has a new operation, faults take that operation (a dev-loop reload)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'so-batch-reload-'));
    const spec = JSON.parse(readFileSync(bundledSpecPath(), 'utf8'));
    spec.paths['/api/v1/BatchTask/{id}/Restart'] = { post: { ...spec.paths['/api/v1/BatchTask/{id}/Stop'].post, operationId: 'v1Batch_RestartBatchJob' } };
    const specPath = join(dir, 'openapi.json');
    writeFileSync(specPath, JSON.stringify(spec));
    const again = await startMock({ sandbox: mock.sandbox, specPath, prismUrl: prism.url });
    try {
      const handle = again.faults.add({ operation: 'v1Batch_RestartBatchJob', status: 503 });
      expect(again.faults.list().map((held) => held.rule.operation)).toContain('v1Batch_RestartBatchJob');
      handle.remove();
    } finally {
      await again.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses the options that make a sandbox beside one, and anything that is not a sandbox', async () => {
    await expect(startMock({ sandbox: mock.sandbox, taskRunMs: 5 })).rejects.toThrow('startMock: taskRunMs cannot be given with sandbox (the sandbox keeps the taskRunMs it was made with).');
    await expect(startMock({ sandbox: { clock: mock.clock, jobs: mock.jobs } })).rejects.toThrow('startMock: sandbox must be the `sandbox` of a mock startMock returned.');
  });
});
