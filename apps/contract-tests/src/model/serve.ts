import { startMock } from '@so-batch/mock';
import { MODEL_FIXTURES } from './fixtures.ts';
import { MOCK_TASK_RUN_MS } from './targets.ts';

// Serves the mock as the model-based test starts it (its tasks, jobs that run for an hour), on
// http://127.0.0.1:4010 or MOCK_PORT, until Ctrl-C: the target the curl lines of a failing
// sequence replay on.
//   pnpm --filter @so-batch/contract-tests exec node src/model/serve.ts

const port = Number(process.env.MOCK_PORT ?? 4010);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`MOCK_PORT must be a port number (0-65535), not "${process.env.MOCK_PORT}".`);
  process.exit(2);
}
const mock = await startMock({ port, taskRunMs: MOCK_TASK_RUN_MS, tasks: MODEL_FIXTURES });
console.log(`so-batch mock with the model run's ${MODEL_FIXTURES.length} tasks listening on ${mock.url}. Ctrl-C stops it.`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void mock.stop().then(() => process.exit(0));
  });
}
