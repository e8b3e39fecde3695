import { startMock, type RunningMock } from '@so-batch/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countFailures, modelSettings, runModel } from '../src/model/run.ts';
import { MOCK_TASK_RUN_MS, mockModelOptions } from '../src/model/targets.ts';

// The model-based part of the contract, against the mock: fast-check generates sequences of the
// 22 Batch operations, and each answer must be the one the model of the Batch area predicts.
// A failure is shrunk to a minimal sequence, printed as curl lines that replay it.

const { seed, numRuns } = modelSettings();

describe(`model-based sequences against the mock (fast-check, seed ${seed}, ${numRuns} sequences)`, () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ taskRunMs: MOCK_TASK_RUN_MS });
  });
  afterAll(async () => {
    await mock?.stop();
  });

  it('every sequence of the 22 operations answers as the model says', async () => {
    // SO_MODEL_COUNT_FAILURES=1 also runs every sequence once, unshrunk, and counts the failing ones.
    if (process.env.SO_MODEL_COUNT_FAILURES === '1') {
      const { failed, of } = await countFailures({ ...mockModelOptions(mock), seed, numRuns });
      console.log(`model-based run: ${failed} of ${of} sequences fail`);
    }
    const report = await runModel({ ...mockModelOptions(mock), seed, numRuns });
    console.log(report.message);
    if (report.failed) expect.fail(report.message);
    expect(report.numRuns).toBe(numRuns);
  }, 600_000);
});
