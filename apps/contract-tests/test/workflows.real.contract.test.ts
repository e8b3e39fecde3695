import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { realServerEnvironment } from '../src/target.ts';
import { ARAZZO_PATH, describeRun, READ_ONLY_WORKFLOWS, runWorkflows, type WorkflowCredentials } from './workflows-runner.ts';

// The Arazzo workflows against a real SuperOffice installation, named by the environment the
// real-server contract run reads (SO_CONTRACT_BASE_URL and credentials; see the README). Only
// the read-only workflow runs unless SO_CONTRACT_WRITES=1: the others start, update, stop and
// delete tasks (each deletes only the tasks it started itself). SO_CONTRACT_JOB_NAME names the
// batch job they start (ExportJob by default).

const DECLARED = [...readFileSync(ARAZZO_PATH, 'utf8').matchAll(/^ {2}- workflowId: (\S+)$/gm)].map((match) => match[1]!);
const WRITING = DECLARED.filter((workflowId) => !(READ_ONLY_WORKFLOWS as readonly string[]).includes(workflowId));
// A real job may run for minutes; the workflows poll it for at most five.
const RUN_BUDGET_MS = 15 * 60_000;

const env = realServerEnvironment();

if (!env) {
  describe('the Arazzo workflows against a real SuperOffice server', () => {
    it.skip('set SO_CONTRACT_BASE_URL and credentials (SO_TICKET, SO_TOKEN, SO_USER with SO_PASSWORD, or SO_XSRF_TOKEN) to run them against one', () => {});
  });
} else {
  const { SO_TICKET, SO_TOKEN, SO_PASSWORD, SO_CONTRACT_JOB_NAME } = process.env;
  // One Authorization, in the order the real-server contract run prefers them.
  const credentials: WorkflowCredentials = {
    authorization: env.credentials.SOTicket?.Authorization ?? env.credentials.Bearer?.Authorization ?? env.credentials.Basic?.Authorization,
    xsrfToken: env.credentials.XSRF?.['X-XSRF-TOKEN'],
    appToken: env.appToken,
    ticket: SO_TICKET,
    token: SO_TOKEN,
    password: SO_PASSWORD,
  };
  const workflows = env.writes ? DECLARED : [...READ_ONLY_WORKFLOWS];

  describe('the Arazzo workflows against a real SuperOffice server', () => {
    it(
      `passes ${env.writes ? 'every workflow' : 'the read-only workflows'} (${workflows.join(', ')})`,
      async () => {
        const run = await runWorkflows({
          serverUrl: env.upstream,
          credentials,
          workflows,
          extraArguments: SO_CONTRACT_JOB_NAME ? ['--input', JSON.stringify({ jobName: SO_CONTRACT_JOB_NAME })] : [],
          timeoutMs: RUN_BUDGET_MS,
        });
        const report = describeRun(run);
        expect(run.leaks, report).toEqual([]);
        expect(run.problem, report).toBeUndefined();
        expect(run.results.map((result) => result.workflowId).sort(), report).toEqual([...workflows].sort());
        expect(run.results.filter((result) => !result.passed).map((result) => result.workflowId), report).toEqual([]);
      },
      RUN_BUDGET_MS + 30_000,
    );

    if (!env.writes) {
      it.skip(`skips ${WRITING.join(', ')}: they start, change, stop and delete tasks (set SO_CONTRACT_WRITES=1 to run them)`, () => {});
    }
  });
}
