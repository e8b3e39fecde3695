// `pnpm dev`: serves the mock and follows the spec. On each save under spec/ (openapi.yaml, paths/,
// components/) it lints and bundles the spec in this process (Redocly's openapi-core), has a warm
// Prism serve the new bundle, lints meanwhile, and only when both are done replaces the front on
// the same port; then it regenerates the client's types and functions (in this process)
// and rebuilds what is built from them (turbo). A spec that does not lint prints its problems,
// and the mock that was serving goes on serving.
//
// Workspace-only: it runs from source on the workspace's Node 24 and is not in the package.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { setPriority, tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BaseResolver, bundle, getLineColLocation, lint, loadConfig, type Config, type NormalizedProblem } from '@redocly/openapi-core';
import { warmPrisms } from './dev-prism.ts';
import { mockOptionsFromEnv, startMock, type FixtureTask, type JobBehaviour, type MockEnvOptions, type RunningMock, type StoredTask } from './index.ts';
import type { PrismProcess } from './prism.ts';

export interface DevLoopOptions {
  /** The spec's folder: openapi.yaml, paths/, components/, redocly.yaml. The workspace's spec/ by default. */
  specDir?: string;
  /** Where each good bundle is written too, for the other tools; `<specDir>/dist/openapi.json` by default, false for nowhere. */
  bundlePath?: string | false;
  port?: number;
  host?: string;
  taskRunMs?: number;
  /** The tasks the sandbox starts with (MOCK_TASKS), instead of the seed; checked against each new spec. */
  tasks?: readonly FixtureTask[];
  /** How jobs of these names run (MOCK_JOBS); reset() returns to these. */
  jobs?: Readonly<Record<string, JobBehaviour>>;
  /** The store's maxTasks (MOCK_MAX_TASKS); 1000 by default. */
  maxTasks?: number;
  /** The sandbox's clock (MOCK_CLOCK): 'real' by default; 'manual' moves only by mock.clock or POST /mock/clock/advance. */
  clock?: 'real' | 'manual';
  /**
   * After each reload, regenerate the client's types and rebuild what depends on them (the
   * workspace's packages/client, apps/cli...). On by default; off for a spec outside the workspace.
   */
  rebuildWorkspace?: boolean;
  /** The loop's own messages, one line each (what changed, problems, timings). */
  print?: (line: string) => void;
  /** The mock's log lines (access log, Prism). */
  onLog?: (line: string) => void;
  /** Each reload's outcome, for tests and the bench. */
  onReload?: (outcome: ReloadOutcome) => void;
}

export type ReloadOutcome =
  | { kind: 'served'; ms: number; version: number }
  /** `served`: only on the first pass, when there is no older spec to keep serving. */
  | { kind: 'lint-failed'; ms: number; problems: string[]; served: boolean }
  | { kind: 'failed'; ms: number; error: string };

export interface DevLoop {
  url: string;
  port: number;
  /** The mock serving now. Every reload's mock serves the same sandbox: its reset() is the only reset. */
  mock(): RunningMock;
  stop(): Promise<void>;
}

const WATCHED = /^(openapi\.ya?ml|(paths|components)[\\/].+\.(ya?ml|json))$/;
/** Editors save in bursts (write, rename, chmod): wait this long for the last event. */
const SETTLE_MS = 20;

export function workspaceSpecDir(): string {
  return dirname(createRequire(import.meta.url).resolve('@so-batch/spec/package.json'));
}

/** One line per problem: where (file:line:col), the rule, the message. */
export function describeProblem(problem: NormalizedProblem, specDir: string): string {
  const where = problem.location[0];
  let place = '';
  if (where) {
    const file = relative(specDir, where.source.absoluteRef) || where.source.absoluteRef;
    try {
      const { start } = getLineColLocation(where);
      place = `${file}:${start.line}:${start.col}`;
    } catch {
      place = file;
    }
  }
  return `${place ? `${place} ` : ''}${problem.severity} ${problem.ruleId}: ${problem.message}`;
}

/**
 * Lints and bundles the spec. The bundle is what `redocly bundle` writes (the same bytes);
 * a spec that cannot be read or bundled comes back as a problem, like one that does not lint.
 */
async function bundleSpec(entry: string, config: Config): Promise<{ json: string } | { problems: string[] }> {
  try {
    const result = await bundle({ ref: entry, config, externalRefResolver: new BaseResolver() });
    const unresolved = result.problems.filter((problem) => problem.severity === 'error');
    if (unresolved.length > 0) return { problems: unresolved.map((problem) => describeProblem(problem, dirname(entry))) };
    return { json: JSON.stringify(result.bundle.parsed, null, 2) };
  } catch (error) {
    return { problems: [`${relative(dirname(entry), entry)}: ${(error as Error).message.split('\n')[0]}`] };
  }
}

async function lintSpec(entry: string, config: Config): Promise<string[]> {
  try {
    const problems = await lint({ ref: entry, config, externalRefResolver: new BaseResolver() });
    return problems.map((problem) => describeProblem(problem, dirname(entry)));
  } catch (error) {
    return [`${relative(dirname(entry), entry)}: ${(error as Error).message.split('\n')[0]}`];
  }
}

export async function startDevLoop(options: DevLoopOptions = {}): Promise<DevLoop> {
  const specDir = options.specDir ?? workspaceSpecDir();
  const entry = join(specDir, 'openapi.yaml');
  const bundlePath = options.bundlePath ?? join(specDir, 'dist', 'openapi.json');
  const print = options.print ?? ((line: string) => console.log(line));
  const rebuild = options.rebuildWorkspace ?? true;
  const config = await loadConfig({ configPath: join(specDir, 'redocly.yaml') });
  const versions = await mkdtemp(join(tmpdir(), 'so-batch-dev-'));
  const prisms = warmPrisms();

  let version = 0;
  let serving: { mock: RunningMock; prism: PrismProcess; version: number } | undefined;
  let port = options.port ?? 0;
  const host = options.host ?? '127.0.0.1';

  /**
   * Starts the front on `port` over a Prism that already serves `specPath`. The first one makes
   * the sandbox; each later one serves that same sandbox (tasks, running jobs, ids, job
   * definitions, clock), its seed tasks following the new spec where they were not changed.
   */
  const startFront = (specPath: string, prism: PrismProcess) =>
    startMock({
      port,
      host,
      specPath,
      prismUrl: prism.url,
      ...(serving
        ? { sandbox: serving.mock.sandbox }
        : {
            ...(options.taskRunMs === undefined ? {} : { taskRunMs: options.taskRunMs }),
            ...(options.tasks === undefined ? {} : { tasks: options.tasks }),
            ...(options.jobs === undefined ? {} : { jobs: options.jobs }),
            ...(options.maxTasks === undefined ? {} : { maxTasks: options.maxTasks }),
            ...(options.clock === undefined ? {} : { clock: options.clock }),
          }),
      ...(options.onLog ? { onLog: options.onLog } : {}),
    });

  /** One pass: bundle, serve and lint side by side, swap. Never throws: the outcome says. */
  const reload = async (startedAt: number): Promise<ReloadOutcome> => {
    const ms = () => Math.round(performance.now() - startedAt);
    const bundled = await bundleSpec(entry, config);
    if ('problems' in bundled) return { kind: 'lint-failed', ms: ms(), problems: bundled.problems, served: false };
    const next = ++version;
    const specPath = join(versions, `openapi-${next}.json`);
    await writeFile(specPath, bundled.json);
    // Prism parses the bundle in its own process while this one lints.
    const prismStarting = prisms.serve(specPath, options.onLog ?? (() => {}));
    const problems = await lintSpec(entry, config);
    let prism: PrismProcess;
    try {
      prism = await prismStarting;
    } catch (error) {
      return { kind: 'failed', ms: ms(), error: (error as Error).message };
    }
    if (problems.length > 0 && serving) {
      await prism.stop();
      return { kind: 'lint-failed', ms: ms(), problems, served: false };
    }
    // The old front gives the port up only now that the new Prism answers: the gap is the
    // front's own start, a few milliseconds.
    const previous = serving;
    if (previous) await previous.mock.stop();
    let mock: RunningMock;
    try {
      mock = await startFront(specPath, prism);
    } catch (error) {
      await prism.stop();
      if (previous) serving = { ...previous, mock: await startFront(join(versions, `openapi-${previous.version}.json`), previous.prism) };
      return { kind: 'failed', ms: ms(), error: (error as Error).message };
    }
    port = mock.port;
    serving = { mock, prism, version: next };
    if (previous) {
      await previous.prism.stop();
      await rm(join(versions, `openapi-${previous.version}.json`), { force: true });
    }
    if (bundlePath) {
      await mkdir(dirname(bundlePath), { recursive: true });
      await writeFile(bundlePath, bundled.json);
    }
    if (problems.length > 0) return { kind: 'lint-failed', ms: ms(), problems, served: true };
    return { kind: 'served', ms: ms(), version: next };
  };

  const report = (outcome: ReloadOutcome, what: string) => {
    options.onReload?.(outcome);
    const url = serving ? serving.mock.url : '(none)';
    if (outcome.kind === 'served') print(`${what}: the mock at ${url} answers with it (${outcome.ms} ms).`);
    else if (outcome.kind === 'lint-failed') {
      for (const problem of outcome.problems) print(`  ${problem}`);
      print(
        outcome.served
          ? `${what}: ${outcome.problems.length} lint problem(s) above; the mock at ${url} serves it anyway (nothing served before).`
          : `${what}: ${outcome.problems.length} lint problem(s) above; the mock at ${url} keeps serving the previous spec.`,
      );
    } else print(`${what}: the mock could not be updated (${outcome.error}); ${serving ? `the mock at ${url} keeps serving the previous spec` : 'no mock is serving'}.`);
  };

  // The first pass: a spec that does not lint is still served (there is nothing older), with its problems.
  const first = await reload(performance.now());
  if (!serving) {
    report(first, 'spec');
    await prisms.stop();
    await rm(versions, { recursive: true, force: true });
    throw new Error(`The mock did not start: ${first.kind === 'failed' ? first.error : first.kind === 'lint-failed' ? first.problems.join('; ') : 'unknown'}`);
  }
  if (first.kind === 'lint-failed') report(first, 'spec');

  // Rebuilding what depends on the types, after the mock answers; one at a time, the last edit wins.
  const rebuilder = rebuild ? workspaceRebuilder(dirname(specDir), print) : undefined;

  let timer: NodeJS.Timeout | undefined;
  let changedAt: number | undefined;
  let changed = new Set<string>();
  let running: Promise<void> | undefined;
  let stopped = false;
  const run = async () => {
    while (changedAt !== undefined && !stopped) {
      const startedAt = changedAt;
      const files = [...changed].sort();
      changedAt = undefined;
      changed = new Set();
      const outcome = await reload(startedAt).catch((error: Error): ReloadOutcome => ({ kind: 'failed', ms: Math.round(performance.now() - startedAt), error: error.message }));
      if (stopped) return;
      report(outcome, `${files.join(', ')} changed`);
      if (outcome.kind === 'served') rebuilder?.request();
    }
  };
  const onChange = (file: string) => {
    if (!WATCHED.test(file) || stopped) return;
    changedAt ??= performance.now();
    changed.add(file.split(sep).join('/'));
    clearTimeout(timer);
    timer = setTimeout(() => {
      running ??= run().finally(() => (running = undefined));
    }, SETTLE_MS);
  };
  const watchers = watchFolders(specDir, ['paths', 'components'], onChange);

  return {
    get url() {
      return serving!.mock.url;
    },
    get port() {
      return serving!.mock.port;
    },
    mock: () => serving!.mock,
    async stop() {
      stopped = true;
      for (const watcher of watchers.values()) watcher.close();
      clearTimeout(timer);
      await running;
      await rebuilder?.stop();
      await serving?.mock.stop();
      await serving?.prism.stop();
      await prisms.stop();
      await rm(versions, { recursive: true, force: true });
    },
  };
}

/**
 * Watches the spec's folder itself and the given subfolders, each one with its own watcher, and
 * folders that appear under those. Not fs.watch's recursive mode: on Linux it follows files,
 * and loses one as soon as an editor saves it by renaming a new file over it.
 */
function watchFolders(root: string, subfolders: string[], onChange: (file: string) => void): Map<string, FSWatcher> {
  const watchers = new Map<string, FSWatcher>();
  const add = (folder: string, deep: boolean) => {
    if (watchers.has(folder) || !existsSync(folder)) return;
    try {
      watchers.set(
        folder,
        watch(folder, (_event, name) => {
          if (!name) return;
          const path = join(folder, name.toString());
          if (deep && isFolder(path)) add(path, true);
          onChange(relative(root, path));
        }),
      );
    } catch {
      return; // gone meanwhile
    }
    if (deep) for (const entry of readdirSync(folder, { withFileTypes: true })) if (entry.isDirectory()) add(join(folder, entry.name), true);
  };
  add(root, false);
  for (const subfolder of subfolders) add(join(root, subfolder), true);
  return watchers;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The generators of the workspace: each package's scripts/generate.ts that exports its
 * `generatedFiles` (the client's types and functions, the CLI's validators, ...), the same
 * ones `pnpm generate` runs, so `pnpm check:generated` agrees with what this loop writes.
 */
function workspaceGenerators(root: string): string[] {
  return ['packages', 'apps']
    .flatMap((group) => (isFolder(join(root, group)) ? readdirSync(join(root, group)).map((name) => join(root, group, name, 'scripts', 'generate.ts')) : []))
    .filter((script) => existsSync(script))
    .sort();
}

/**
 * Regenerates every package's generated files in this process, then has turbo rebuild what is
 * built from them (the client, the CLI that bundles it, the docs page). Requests while it runs
 * fold into one more round.
 */
function workspaceRebuilder(root: string, print: (line: string) => void) {
  let pending = false;
  let active: Promise<void> | undefined;
  let child: ChildProcess | undefined;
  let stopped = false;
  const round = async () => {
    const startedAt = performance.now();
    const seconds = () => ((performance.now() - startedAt) / 1000).toFixed(1);
    // A fresh import each round: the generators read the spec bundle when called, not when loaded.
    const { writeGenerated } = (await import('@so-batch/spec/generated')) as typeof import('@so-batch/spec/generated');
    const changed: string[] = [];
    for (const script of workspaceGenerators(root)) {
      const module = (await import(pathToFileURL(script).href)) as { generatedFiles?: import('@so-batch/spec/generated').GeneratedFiles };
      if (!module.generatedFiles) continue;
      for (const path of await writeGenerated(module.generatedFiles)) changed.push(relative(root, path));
    }
    if (changed.length > 0) print(`regenerated from the spec: ${changed.join(', ')} (${seconds()} s).`);
    if (stopped) return;
    const output: string[] = [];
    const code = await new Promise<number | null>((resolveExit) => {
      child = spawn(join(root, 'node_modules', '.bin', 'turbo'), ['run', 'build', '--filter=...@so-batch/client', '--filter=@so-batch/docs', '--output-logs=errors-only'], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      // Background work: below the next reload's lint and Prism, which someone is waiting for.
      try {
        if (child.pid !== undefined) setPriority(child.pid, 10);
      } catch {
        // not allowed here: it runs at the usual priority
      }
      const keep = (chunk: Buffer) => output.push(...chunk.toString('utf8').split('\n'));
      child.stdout!.on('data', keep);
      child.stderr!.on('data', keep);
      child.once('error', (error) => {
        output.push(error.message);
        resolveExit(-1);
      });
      child.once('exit', (exitCode) => resolveExit(exitCode));
    });
    child = undefined;
    if (stopped) return;
    if (code === 0) print(`client, CLI and docs rebuilt (${seconds()} s).`);
    else print(`rebuilding the client, CLI and docs failed (turbo exit ${code}):\n${output.filter(Boolean).slice(-20).join('\n')}`);
  };
  const loop = async () => {
    while (pending && !stopped) {
      pending = false;
      await round().catch((error: Error) => print(`regenerating from the spec failed: ${error.message}`));
    }
  };
  return {
    request() {
      pending = true;
      active ??= loop().finally(() => (active = undefined));
    },
    async stop() {
      stopped = true;
      child?.kill('SIGTERM');
      await active;
    },
  };
}

// `node src/dev.ts` (what `pnpm dev` runs): MOCK_PORT, MOCK_TASK_SECONDS, MOCK_TASKS, MOCK_MAX_TASKS,
// MOCK_JOBS and MOCK_CLOCK as for the bin (files relative to where `pnpm dev` was run); MOCK_SPEC_DIR follows another
// copy of the spec instead (and rebuilds nothing in the workspace). The sandbox lives as long as the
// loop: a spec save keeps it, and only its reset() (or a restart) empties it.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  let options: MockEnvOptions;
  try {
    options = mockOptionsFromEnv();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  const { port, taskRunMs, clock, tasks, jobs, maxTasks } = options;
  let loop: DevLoop;
  try {
    loop = await startDevLoop({
      ...(tasks ? { tasks } : {}),
      ...(jobs ? { jobs } : {}),
      ...(maxTasks === undefined ? {} : { maxTasks }),
      clock,
      ...(process.env.MOCK_SPEC_DIR ? { specDir: process.env.MOCK_SPEC_DIR, rebuildWorkspace: false } : {}),
      port,
      taskRunMs,
      onLog: (line) => {
        if (!line.startsWith('[prism]')) console.log(line);
      },
    });
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  console.log(
    `so-batch mock listening on ${loop.url} (SuperOffice Batch API: ${loop.url}/api/v1/...); it follows the edits under ${process.env.MOCK_SPEC_DIR ?? 'spec/'} and keeps its tasks across them. Ctrl-C stops it.`,
  );
  if (jobs) console.log(`Job behaviours (MOCK_JOBS): ${Object.keys(jobs).join(', ') || 'none'}.`);
  if (clock === 'manual') console.log(`Its clock is manual: time moves only by POST ${loop.url}/mock/clock/advance.`);
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, async () => {
      if (stopping) return;
      stopping = true;
      await loop.stop();
      console.log('so-batch mock stopped.');
      process.exit(0);
    });
  }
}
