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

let startMock, mockOptionsFromEnv;
try {
  ({ startMock, mockOptionsFromEnv } = await import('../dist/index.js'));
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('/dist/index.js')) throw error;
  console.error('The mock is not built: run `pnpm --filter @so-batch/mock build` (or `pnpm build`) in the so-batch workspace.');
  process.exit(1);
}

let options;
try {
  options = mockOptionsFromEnv();
} catch (error) {
  console.error(error.message);
  process.exit(2);
}
const { port, taskRunMs, clock, tasks, jobs, maxTasks } = options;

let mock;
try {
  mock = await startMock({
    port,
    taskRunMs,
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
