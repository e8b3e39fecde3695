import { startMock } from '@so-batch/mock';
import { MODEL_FIXTURES } from './fixtures.ts';
import { MOCK_MODEL_START } from './targets.ts';

// Serves the mock as the model-based test starts it (its tasks, a manual clock, ten-minute jobs,
// pages of 5), on http://127.0.0.1:4010 or MOCK_PORT, until Ctrl-C: the target the curl lines of
// a failing sequence replay on. The lines steer its clock, job definitions and faults through
// its control API (POST /mock/clock/advance, PUT /mock/jobs/{name}, POST /mock/faults), which
// answers on this machine only.
//   pnpm --filter @so-batch/contract-tests exec node src/model/serve.ts

const port = Number(process.env.MOCK_PORT ?? 4010);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`MOCK_PORT must be a port number (0-65535), not "${process.env.MOCK_PORT}".`);
  process.exit(2);
}
const mock = await startMock({ ...MOCK_MODEL_START, port });
console.log(`so-batch mock with the model run's ${MODEL_FIXTURES.length} tasks listening on ${mock.url}. Ctrl-C stops it.`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void mock.stop().then(() => process.exit(0));
  });
}
