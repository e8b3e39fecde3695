import { describe, expect, it } from 'vitest';
import { realServerEnvironment } from '../src/target.ts';
import { modelSettings, runModel } from '../src/model/run.ts';
import { realModelOptions } from '../src/model/targets.ts';

// The model-based sequences against a real SuperOffice installation, when the environment names
// one (see the README): SO_CONTRACT_BASE_URL and credentials, as the real-server contract run.
// Read-only unless SO_CONTRACT_WRITES=1; with it, every task a sequence starts it deletes again.

const { seed, numRuns, path, replayPath } = modelSettings();

if (realServerEnvironment()) {
  const options = realModelOptions()!;
  describe(`model-based sequences against ${options.target.baseUrl} (fast-check, seed ${seed}, ${numRuns} sequences, ${options.writes ? 'reads and writes' : 'reads only'})`, () => {
    it('every sequence answers as the model says', async () => {
      const report = await runModel({ ...options, seed, numRuns, path, replayPath });
      console.log(report.message);
      if (report.failed) expect.fail(report.message);
    }, 3_600_000);
  });
} else {
  describe('model-based sequences against a real SuperOffice server', () => {
    it.skip('set SO_CONTRACT_BASE_URL and credentials (SO_TICKET, SO_TOKEN, SO_USER with SO_PASSWORD, SO_XSRF_TOKEN) to run them against one', () => {});
  });
}
