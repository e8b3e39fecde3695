import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readArchive } from '@so-batch/spec/archive';
import fc from 'fast-check';
import { archiveQueryOf, cellOf, modelArchive } from '../src/model/archive.ts';
import type { OpenApiDocument } from '../src/openapi.ts';
import { createValidator } from '../src/validator.ts';

// Issue 20, item 3: the spec is the one source of truth. In a throwaway copy of the workspace,
// add to the spec an optional property (Priority), a BatchTaskState value (Paused) and an
// operation (POST /api/v1/BatchTask/{id}/Restart), run `pnpm build --filter=@so-batch/spec` and
// `pnpm generate` as a user would, and prove with no hand edit that every sibling has them: the
// client's types, functions and lists, the CLI (--select Priority), the mock's store and its
// answer to the new operation, the docs page. Then leave the CLI's generator out of `pnpm
// generate` and see `pnpm check:generated` name what is stale.
//
// Issue 22: the same edit adds an archive column (priority, of kind int, showing Priority) to
// spec/components/archive.yaml; the mock's and the client's archive tables, the client's typed
// queries, the mock's answers and the contract model's generators all take it up.
//
// The whole suite in the copy takes too long for one test: `pnpm check:generated` and the
// client's type tests (its typecheck, with a probe file) stand in for it.
//
// The copy: the working tree's files (tracked and untracked, not ignored) are copied; each
// node_modules is hard-linked (cp -al: pnpm's links are relative, so they lead into the copy).
// Cheaper than `pnpm install --offline` there (measured ~5 s against ~45 s on the shared box).

const execFileAsync = promisify(execFile);
const root = fileURLToPath(new URL('../../../', import.meta.url));
const BUDGET_MS = 15 * 60_000;

let copy: string;
let mock: ChildProcess | undefined;
const timings: string[] = [];

/** Runs a command in the copy (pnpm's own Node, as `pnpm test` runs us); output on failure. */
async function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<{ code: number; output: string }> {
  const started = Date.now();
  try {
    const { stdout, stderr } = await execFileAsync(command, args, { cwd: options.cwd ?? copy, env: { ...process.env, FORCE_COLOR: '0', TURBO_TELEMETRY_DISABLED: '1', ...options.env }, maxBuffer: 64 * 1024 * 1024 });
    timings.push(`${[command, ...args].join(' ')}: ${Date.now() - started} ms`);
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    timings.push(`${[command, ...args].join(' ')}: ${Date.now() - started} ms (exit ${failure.code})`);
    return { code: typeof failure.code === 'number' ? failure.code : 1, output: `${failure.stdout ?? ''}${failure.stderr ?? ''}` };
  }
}

async function mustRun(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<string> {
  const { code, output } = await run(command, args, options);
  if (code !== 0) throw new Error(`${[command, ...args].join(' ')} exited ${code} in the copy:\n${output.slice(-4000)}`);
  return output;
}

function makeCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'so-batch-spec-evolution-'));
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
  // Copied, not linked: the test edits these, and an edit through a hard link would reach the real file.
  for (const file of files) {
    if (!existsSync(join(root, file))) continue;
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(root, file), join(dir, file));
  }
  // Each importer's node_modules, hard-linked; caches left out (a write to one would reach the original).
  const importers = ['.', ...readdirSync(join(root, 'apps')).map((name) => `apps/${name}`), ...readdirSync(join(root, 'packages')).map((name) => `packages/${name}`), 'spec', 'bench'];
  for (const importer of importers) {
    const modules = join(root, importer, 'node_modules');
    if (!existsSync(modules) || !statSync(modules).isDirectory()) continue;
    mkdirSync(join(dir, importer), { recursive: true });
    execFileSync('cp', ['-al', modules, join(dir, importer, 'node_modules')]);
    for (const cache of ['.vitest-cache', '.cache', '.vite']) rmSync(join(dir, importer, 'node_modules', cache), { recursive: true, force: true });
  }
  return dir;
}

function edit(file: string, from: string, to: string): void {
  const path = join(copy, file);
  const text = readFileSync(path, 'utf8');
  if (text.split(from).length !== 2) throw new Error(`spec-evolution: ${file} no longer has exactly one ${JSON.stringify(from)}; update the test's spec edit`);
  writeFileSync(path, text.replace(from, to));
}

/** The archive column the copy adds (issue 22): a whole number, showing the new Priority property. */
const PRIORITY_COLUMN = '  - { name: priority, kind: int, property: Priority, default: false }\n';

/** The three spec changes of the issue, and the archive column, made as a user would make them, in the copy's spec/. */
function evolveSpec(): void {
  const fileName = "    FileName:\n      description: The file name related to the batch task.\n      type: [string, 'null']\n";
  edit('spec/components/schemas.yaml', fileName, `${fileName}    Priority:\n      description: How urgent the task is (added by the spec-evolution test).\n      type: [integer, 'null']\n      format: int32\n`);
  edit('spec/components/schemas.yaml', '    - SucceededManualCleanup\n    - All\n', '    - SucceededManualCleanup\n    - Paused\n    - All\n');
  edit('spec/components/schemas.yaml', "    All: '99999: Special value: any state.'", "    Paused: '7: The task is paused (added by the spec-evolution test).'\n    All: '99999: Special value: any state.'");
  // The archive's state column lists BatchTaskState by these numbers: a new state needs one (readArchive says so otherwise).
  edit('spec/components/schemas.yaml', 'SucceededManualCleanup: 6, All: 99999 }', 'SucceededManualCleanup: 6, Paused: 7, All: 99999 }');
  writeFileSync(
    join(copy, 'spec/paths/BatchTask_id_Restart.yaml'),
    `post:
  operationId: v1Batch_RestartBatchJob
  summary: Restart a batch job
  description: Start the job of a task again (added by the spec-evolution test); the answer is the task.
  tags: [BatchTask]
  parameters:
    - name: id
      in: path
      required: true
      description: The id of the task whose job to restart.
      schema:
        type: integer
        format: int32
      example: 479
  responses:
    '200':
      description: The task, restarted.
      content:
        application/json:
          schema:
            $ref: ../components/schemas.yaml#/BatchTaskInfo
    '400':
      $ref: ../components/responses.yaml#/BadRequest
    '401':
      $ref: ../components/responses.yaml#/Unauthorized
`,
  );
  const lastColumn = '  - { name: cancellationBehaviour, kind: list, property: CancellationBehaviour, default: false }\n';
  edit('spec/components/archive.yaml', lastColumn, `${lastColumn}${PRIORITY_COLUMN}`);
  edit('spec/openapi.yaml', '    $ref: paths/BatchTask_id_Stop.yaml\n', '    $ref: paths/BatchTask_id_Stop.yaml\n  /api/v1/BatchTask/{id}/Restart:\n    $ref: paths/BatchTask_id_Restart.yaml\n');
}

const read = (file: string) => readFileSync(join(copy, file), 'utf8');

/** Starts the copy's mock (its source, its bundled spec) on a free port; resolves with its URL. */
async function startCopyMock(): Promise<string> {
  const script = `
    const { startMock } = await import(${JSON.stringify(join(copy, 'packages/mock/src/index.ts'))});
    const mock = await startMock({ specPath: ${JSON.stringify(join(copy, 'spec/dist/openapi.json'))} });
    console.log('URL ' + mock.url);
    process.on('SIGTERM', async () => { await mock.stop(); process.exit(0); });
  `;
  mock = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: join(copy, 'packages/mock'), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return await new Promise<string>((resolve, reject) => {
    mock!.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /URL (\S+)/.exec(output)?.[1];
      if (url) resolve(url);
    });
    mock!.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    mock!.once('exit', (code) => reject(new Error(`the copy's mock exited ${code} before it listened:\n${output.slice(-2000)}`)));
  });
}

const AUTH = { Authorization: 'SOTicket 7T:so-batch-mock', 'Content-Type': 'application/json', Accept: 'application/json' };

describe('a spec edit reaches every sibling by `pnpm generate` alone (a throwaway copy of the workspace)', { timeout: BUDGET_MS }, () => {
  beforeAll(async () => {
    const started = Date.now();
    copy = makeCopy();
    timings.push(`copy of the workspace: ${Date.now() - started} ms`);
    evolveSpec();
    await mustRun('pnpm', ['build', '--filter=@so-batch/spec']);
    await mustRun('pnpm', ['generate']);
    // What the CLI runs and the client's typecheck resolves (@so-batch/client, @so-batch/mock): their dist.
    await mustRun('pnpm', ['build', '--filter=@so-batch/cli...']);
  }, BUDGET_MS);

  afterAll(async () => {
    if (mock && mock.exitCode === null) {
      const exited = new Promise((resolve) => mock!.once('exit', resolve));
      mock.kill('SIGTERM');
      await exited;
    }
    if (copy) rmSync(copy, { recursive: true, force: true });
    console.log(`spec-evolution timings:\n  ${timings.join('\n  ')}`);
  }, 60_000);

  it('the client has the property, the state and the operation: types, functions and lists', async () => {
    const schema = read('packages/client/src/generated/schema.gen.ts');
    expect(schema).toMatch(/Priority\?: number \| null;/);
    expect(schema).toMatch(/BatchTaskState: [^;]*"Paused"/);
    expect(schema).toContain('v1Batch_RestartBatchJob');
    const rest = read('packages/client/src/generated/rest.gen.ts');
    expect(rest).toMatch(/export async function restartBatchJob\(client: AnyBatchClient, id: number, options\?: CallOptions\): Promise<BatchResult<FullBatchTaskInfo>>/);
    const facts = read('packages/client/src/generated/facts.gen.ts');
    const list = (name: string) => JSON.parse(new RegExp(`export const ${name} = (\\[[^\\]]*\\])`).exec(facts)![1]!.replace(/,\s*\]/, ']')) as string[];
    expect(list('BATCH_TASK_PROPERTIES')).toEqual(expect.arrayContaining(['Priority']));
    expect(list('BATCH_TASK_PROPERTIES').indexOf('Priority')).toBe(list('BATCH_TASK_PROPERTIES').indexOf('FileName') + 1);
    expect(list('BATCH_TASK_STATES')).toEqual(expect.arrayContaining(['Paused']));
    // The probe calls the new function and reads Priority; the client's typecheck also runs its
    // own type tests (test/*.test.ts) against the evolved types.
    writeFileSync(
      join(copy, 'packages/client/test/spec-evolution-probe.ts'),
      `import { expectTypeOf } from 'vitest';
import { BATCH_TASK_PROPERTIES, BATCH_TASK_STATES, type BatchTaskInfo, type BatchTaskState } from '../src/index.ts';
import { restartBatchJob } from '../src/generated/rest.gen.ts';
import { archiveQuery, type RowOf } from '../src/archive.ts';

expectTypeOf<BatchTaskInfo['Priority']>().toEqualTypeOf<number | null | undefined>();
expectTypeOf<'Paused'>().toExtend<BatchTaskState>();
expectTypeOf<'Priority'>().toExtend<(typeof BATCH_TASK_PROPERTIES)[number]>();
expectTypeOf<'Paused'>().toExtend<(typeof BATCH_TASK_STATES)[number]>();
// The new archive column: selected, filtered by a number, its cell a number or null.
const byPriority = archiveQuery({ select: ['priority'], filter: [['priority', 'ge', 1]] });
expectTypeOf<RowOf<typeof byPriority>['priority']>().toEqualTypeOf<number | null>();
// @ts-expect-error priority holds numbers: a text is no value for it.
archiveQuery({ select: ['priority'], filter: [['priority', 'ge', 'high']] });
export async function probe(client: Parameters<typeof restartBatchJob>[0]): Promise<number | null | undefined> {
  const answer = await restartBatchJob(client, 479);
  return answer.data?.Priority;
}
`,
    );
    await mustRun('pnpm', ['--filter', '@so-batch/client', 'typecheck']);
  });

  it("the archive column reaches the mock's and the client's archive tables, and the contract model's generators", () => {
    expect(read('packages/mock/src/generated/archive.gen.ts')).toMatch(/\{ name: "priority", kind: "int", property: "Priority", byDefault: false \}/);
    const client = read('packages/client/src/generated/archive.gen.ts');
    expect(client).toMatch(/^  priority: \{ kind: "int"; property: "Priority" \};$/m);
    expect(client).toMatch(/^  priority: "int",$/m);
    // The model (this workspace's src/model/archive.ts) over the copy's bundle: it selects,
    // sorts by and shows the new column with no edit.
    const archive = modelArchive(readArchive(JSON.parse(read('spec/dist/openapi.json')) as Record<string, unknown>));
    const priority = archive.byName.get('priority');
    expect(priority).toMatchObject({ kind: 'int', property: 'Priority', default: false });
    expect(archive.sortable).toContain('priority');
    const queries = fc.sample(archiveQueryOf(archive), { seed: 22, numRuns: 500 });
    expect(queries.some((query) => query.select !== 'default' && query.select.includes('priority'))).toBe(true);
    expect(queries.some((query) => query.orderBy.some((key) => key.column === 'priority'))).toBe(true);
    expect([cellOf(priority!, 2), cellOf(priority!, null), cellOf(priority!, undefined)]).toEqual([2, null, null]);
  });

  it('`pnpm check:generated` is green after `pnpm generate`, with no hand edit', async () => {
    await mustRun('pnpm', ['check:generated']);
  });

  it('the docs page shows the property, the state and the operation', () => {
    const page = read('apps/docs/dist/index.html');
    expect(page).toContain('Priority');
    expect(page).toContain('Paused');
    expect(page).toContain('v1Batch_RestartBatchJob');
  });

  it('the mock stores Priority, answers the new operation, and the CLI selects and prints it (and queries the archive column)', async () => {
    const url = await startCopyMock();
    const started = await fetch(`${url}/api/v1/BatchTask`, { method: 'POST', headers: AUTH, body: JSON.stringify({ Name: 'EvolutionJob', Priority: 2 }) });
    expect(started.status, await started.clone().text()).toBe(200);
    const id = (await started.json()) as number;
    expect(Number.isInteger(id)).toBe(true);
    const task = (await (await fetch(`${url}/api/v1/BatchTask/${id}`, { headers: AUTH })).json()) as Record<string, unknown>;
    expect(task).toMatchObject({ Id: id, Name: 'EvolutionJob', Priority: 2 });

    // The new operation: Prism answers from the spec, and the front passes it on (validated).
    const restarted = await fetch(`${url}/api/v1/BatchTask/479/Restart`, { method: 'POST', headers: AUTH });
    const body = await restarted.text();
    expect(restarted.status, body).toBe(200);
    // Validated against the copy's own BatchTaskInfo, which now has Priority.
    const validator = createValidator(JSON.parse(read('spec/dist/openapi.json')) as OpenApiDocument);
    expect(validator.schema('BatchTaskInfo', JSON.parse(body))).toEqual([]);
    expect(JSON.parse(body)).toHaveProperty('Priority');

    const cli = await mustRun(process.execPath, [join(copy, 'apps/cli/bin/so-batch.js'), 'get', String(id), '--select', 'Priority,Name', '--json'], {
      env: { SO_BASE_URL: url, SO_TICKET: '7T:so-batch-mock', SO_USER: '', SO_PASSWORD: '', SO_TOKEN: '' },
    });
    expect(JSON.parse(cli)).toMatchObject({ Priority: 2, Name: 'EvolutionJob' });

    // The archive column: the mock selects and filters by it. The expected rows are read task by
    // task (GET /BatchTask/{id}), not from the archive itself.
    const more: number[] = [];
    for (const body of [{ Name: 'EvolutionJob', Priority: 0 }, { Name: 'EvolutionJob', Priority: 1 }, { Name: 'EvolutionJob', Priority: 7 }, { Name: 'EvolutionJob' }]) {
      const answer = await fetch(`${url}/api/v1/BatchTask`, { method: 'POST', headers: AUTH, body: JSON.stringify(body) });
      expect(answer.status, await answer.clone().text()).toBe(200);
      more.push((await answer.json()) as number);
    }
    const priorities = new Map<number, unknown>();
    let next: string | undefined = `${url}/api/v1/BatchTask?$select=batchTaskId`;
    while (next) {
      const page = (await (await fetch(next, { headers: AUTH })).json()) as { value: Array<{ PrimaryKey: number }>; 'odata.nextLink'?: string };
      for (const row of page.value) priorities.set(row.PrimaryKey, ((await (await fetch(`${url}/api/v1/BatchTask/${row.PrimaryKey}`, { headers: AUTH })).json()) as { Priority?: unknown }).Priority ?? null);
      next = page['odata.nextLink'] ? new URL(page['odata.nextLink'], url).href : undefined;
    }
    expect([id, ...more].map((task) => priorities.get(task))).toEqual([2, 0, 1, 7, null]);
    const expected = [...priorities].filter(([, value]) => typeof value === 'number' && value >= 1).map(([task, value]) => ({ PrimaryKey: task, priority: value }));
    const archive = await fetch(`${url}/api/v1/BatchTask?${new URLSearchParams({ $select: 'priority', $filter: 'priority ge 1' })}`, { headers: AUTH });
    const answered = (await archive.json()) as { value: Array<Record<string, unknown>>; 'odata.nextLink'?: string };
    expect(archive.status, JSON.stringify(answered)).toBe(200);
    expect(answered['odata.nextLink']).toBeUndefined();
    expect(answered.value.map((row) => ({ PrimaryKey: row.PrimaryKey, priority: row.priority }))).toEqual(expected);
    expect(expected.map((row) => row.PrimaryKey)).toEqual([id, more[1], more[2]]);

    // The CLI follows too: its query help lists the column, and its query selects and filters by it.
    const cliEnv = { env: { SO_BASE_URL: url, SO_TICKET: '7T:so-batch-mock', SO_USER: '', SO_PASSWORD: '', SO_TOKEN: '' } };
    const help = await mustRun(process.execPath, [join(copy, 'apps/cli/bin/so-batch.js'), 'query', '--help'], cliEnv);
    expect(help).toMatch(/^ {2}priority +int\s*$/m);
    const rows = await mustRun(process.execPath, [join(copy, 'apps/cli/bin/so-batch.js'), 'query', '--select', 'priority', '--filter', 'priority ge 1', '--json'], cliEnv);
    expect((JSON.parse(rows) as { value: Array<Record<string, unknown>> }).value.map((row) => ({ PrimaryKey: row.PrimaryKey, priority: row.priority }))).toEqual(expected);
  });

  it('a generator left out of `pnpm generate` turns `pnpm check:generated` red, naming what is stale', async () => {
    // The deliberate break: the CLI's generate script is gone, so `pnpm generate` skips it.
    const cliPackage = JSON.parse(read('apps/cli/package.json')) as { scripts: Record<string, string> };
    delete cliPackage.scripts.generate;
    writeFileSync(join(copy, 'apps/cli/package.json'), `${JSON.stringify(cliPackage, null, 2)}\n`);
    const weight = "    Priority:\n      description: How urgent the task is (added by the spec-evolution test).\n      type: [integer, 'null']\n      format: int32\n";
    edit('spec/components/schemas.yaml', weight, `${weight}    Weight:\n      description: A second property, added with one generator left out.\n      type: [integer, 'null']\n      format: int32\n`);
    await mustRun('pnpm', ['build', '--filter=@so-batch/spec']);
    await mustRun('pnpm', ['generate']);
    expect(read('packages/client/src/generated/schema.gen.ts')).toContain('Weight');
    expect(read('apps/cli/src/generated/answers.gen.js')).not.toContain('Weight');
    const check = await run('pnpm', ['check:generated']);
    expect(check.code, check.output).not.toBe(0);
    expect(check.output).toMatch(/apps\/cli\/src\/generated\/answers\.gen\.js is stale/);
    expect(check.output).toContain('pnpm generate');
  });
});
