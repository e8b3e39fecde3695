#!/usr/bin/env node
// Serves the mock on http://127.0.0.1:4010 (MOCK_PORT chooses another port) until Ctrl-C.
// Jobs started through it run for MOCK_TASK_SECONDS (default 5) before they end; MOCK_TASKS
// names a JSON file of tasks to start with instead of the seed.

// The mock is TypeScript run as it is: that takes a Node that strips types (22.18+; pnpm runs
// the workspace's Node 24). Say so, rather than fail with a stack trace.
let startMock, readFixtureFile, bundledSpecPath, loadSpec;
try {
  ({ startMock, readFixtureFile, bundledSpecPath, loadSpec } = await import('../src/index.ts'));
} catch (error) {
  if (error?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw error;
  console.error(`Node ${process.version} cannot run the mock's TypeScript: start it with \`pnpm dev\` (pnpm runs it on the workspace's Node 24).`);
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

let tasks;
if (process.env.MOCK_TASKS) {
  try {
    tasks = readFixtureFile(loadSpec(bundledSpecPath()), process.env.MOCK_TASKS);
  } catch (error) {
    console.error(`MOCK_TASKS: ${error.message}`);
    process.exit(2);
  }
}

let mock;
try {
  mock = await startMock({
    port,
    taskRunMs: taskSeconds * 1000,
    ...(tasks ? { tasks } : {}),
    onLog: (line) => {
      if (!line.startsWith('[prism]')) console.log(line);
    },
  });
} catch (error) {
  console.error(`The mock did not start: ${error.message}`);
  process.exit(1);
}
console.log(`so-batch mock listening on ${mock.url} (SuperOffice Batch API: ${mock.url}/api/v1/...). Ctrl-C stops it.`);

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
