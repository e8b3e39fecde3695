#!/usr/bin/env node
// Serves the mock on http://127.0.0.1:4010 (MOCK_PORT chooses another port) until Ctrl-C.
// Jobs started through it run for MOCK_TASK_SECONDS (default 5) before they end; MOCK_TASKS
// names a JSON file of tasks to start with instead of the seed; MOCK_JOBS names a JSON file of
// job behaviours ({ "ExportJob": { "failAtPercent": 40 } }); MOCK_MAX_TASKS is how many tasks the
// store keeps (default 1000); MOCK_CLOCK=manual gives it a clock that moves only by the control
// API (POST /mock/clock/advance). Files are read relative to where the command was run.
//
// Plain JavaScript that any Node parses, so that an older Node hears in one line which one the
// mock needs (its Prism 5.16 declares Node 24.18 or newer) instead of a stack trace.
import { readFileSync } from 'node:fs';

const { engines } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const [wantMajor, wantMinor] = engines.node.replace(/^>=\s*/, '').split('.').map(Number);
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < wantMajor || (major === wantMajor && minor < (wantMinor ?? 0))) {
  console.error(`@so-batch/mock needs Node ${wantMajor}.${wantMinor ?? 0} or newer (its Prism does); this is Node ${process.versions.node}.`);
  process.exit(1);
}

let startMock, readFixtureFile, readJobsFile, fixturePath, bundledSpecPath, loadSpec;
try {
  ({ startMock, readFixtureFile, readJobsFile, fixturePath, bundledSpecPath, loadSpec } = await import('../dist/index.js'));
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('/dist/index.js')) throw error;
  console.error('The mock is not built: run `pnpm --filter @so-batch/mock build` (or `pnpm build`) in the so-batch workspace.');
  process.exit(1);
}

const port = Number(process.env.MOCK_PORT ?? 4010);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`MOCK_PORT must be a port number (0-65535), not "${process.env.MOCK_PORT}".`);
  process.exit(2);
}

const taskSeconds = Number(process.env.MOCK_TASK_SECONDS ?? 5);
if (!Number.isFinite(taskSeconds) || taskSeconds < 0 || taskSeconds > 86_400) {
  console.error(`MOCK_TASK_SECONDS must be a number of seconds (0-86400), not "${process.env.MOCK_TASK_SECONDS}".`);
  process.exit(2);
}

const maxTasks = process.env.MOCK_MAX_TASKS === undefined ? undefined : Number(process.env.MOCK_MAX_TASKS);
if (maxTasks !== undefined && (!Number.isInteger(maxTasks) || maxTasks < 1 || maxTasks > 10_000_000)) {
  console.error(`MOCK_MAX_TASKS must be a whole number of tasks (1-10000000), not "${process.env.MOCK_MAX_TASKS}".`);
  process.exit(2);
}

const clock = process.env.MOCK_CLOCK ?? 'real';
if (clock !== 'real' && clock !== 'manual') {
  console.error(`MOCK_CLOCK must be real or manual, not "${clock.slice(0, 40)}".`);
  process.exit(2);
}

let tasks;
if (process.env.MOCK_TASKS) {
  try {
    tasks = readFixtureFile(loadSpec(bundledSpecPath()), fixturePath(process.env.MOCK_TASKS), maxTasks === undefined ? {} : { maxTasks });
  } catch (error) {
    console.error(`MOCK_TASKS: ${error.message}`);
    process.exit(2);
  }
}

let jobs;
if (process.env.MOCK_JOBS) {
  try {
    jobs = readJobsFile(loadSpec(bundledSpecPath()), fixturePath(process.env.MOCK_JOBS));
  } catch (error) {
    console.error(`MOCK_JOBS: ${error.message}`);
    process.exit(2);
  }
}

let mock;
try {
  mock = await startMock({
    port,
    taskRunMs: taskSeconds * 1000,
    clock,
    ...(tasks ? { tasks } : {}),
    ...(jobs ? { jobs } : {}),
    ...(maxTasks === undefined ? {} : { maxTasks }),
    onLog: (line) => {
      if (!line.startsWith('[prism]')) console.log(line);
    },
  });
} catch (error) {
  console.error(`The mock did not start: ${error.message}`);
  process.exit(1);
}
console.log(`so-batch mock listening on ${mock.url} (SuperOffice Batch API: ${mock.url}/api/v1/...). Ctrl-C stops it.`);
if (clock === 'manual') console.log(`Its clock is manual: time moves only by POST ${mock.url}/mock/clock/advance.`);
if (jobs) console.log(`Job behaviours (MOCK_JOBS): ${Object.keys(jobs).join(', ') || 'none'}.`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await mock.stop();
    console.log('so-batch mock stopped.');
    process.exit(0);
  });
}
