import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '@so-batch/mock';
import { loadSpec } from '../src/openapi.ts';
import { ARAZZO_PATH, describeRun, runWorkflows, type WorkflowCredentials } from './workflows-runner.ts';

// The Arazzo workflows of spec/arazzo, run by `redocly respect` against the mock: the journeys
// integrators write hold end to end, on the mock's store. Jobs run 1.5 s; the workflows poll
// them with respect's bounded retries, so a slow machine only makes them poll more often.

/** The workflows the file declares (its top-level list), to check that respect ran each one. */
const DECLARED = [...readFileSync(ARAZZO_PATH, 'utf8').matchAll(/^ {2}- workflowId: (\S+)$/gm)].map((match) => match[1]!);
const RUN_BUDGET_MS = 240_000;
const TEST_BUDGET_MS = RUN_BUDGET_MS + 30_000;

let mock: RunningMock;

beforeAll(async () => {
  mock = await startMock({ taskRunMs: 1500 });
});

afterAll(async () => {
  await mock?.stop();
});

type Link = { operationId: string; parameters?: Record<string, string>; requestBody?: Record<string, unknown> };
type Operation = { operationId?: string; parameters?: { name?: string; in?: string; $ref?: string }[]; requestBody?: unknown; responses?: Record<string, { links?: Record<string, Link> }> };

describe("StartBatchJob's links", () => {
  // Redocly's lint does not resolve a link's operationId: a misspelt one would only show as a
  // dead link in the docs and tools.
  const doc = loadSpec() as unknown as { paths: Record<string, Record<string, Operation>>; components: Record<string, unknown> };
  const operations = new Map(Object.values(doc.paths).flatMap((item) => Object.values(item)).filter((op) => op?.operationId).map((op) => [op.operationId!, op]));
  const schemas = doc.components.schemas as Record<string, { properties?: Record<string, unknown> }>;
  /** The top-level properties of an operation's JSON body (its schema is a $ref to a named schema). */
  const requestProperties = (operation: Operation) => {
    const ref = (operation.requestBody as { content?: Record<string, { schema?: { $ref?: string } }> } | undefined)?.content?.['application/json']?.schema?.$ref;
    return Object.keys((ref && schemas[ref.split('/').pop()!]?.properties) ?? {});
  };

  for (const startId of ['v1BatchAgent_StartBatchJob', 'v1Batch_StartBatchJob']) {
    it(`${startId} links its 200 answer to the operations that take the id`, () => {
      const links = operations.get(startId)?.responses?.['200']?.links ?? {};
      expect(Object.keys(links).sort()).toEqual(['DeleteBatchTask', 'GetBatchTaskInfo', 'StopBatchJob', 'UpdateBatchTask']);
      for (const [name, link] of Object.entries(links)) {
        const target = operations.get(link.operationId);
        expect(target, `${name}: ${link.operationId} is not an operation of the spec`).toBeDefined();
        const pathParameters = (target!.parameters ?? []).filter((parameter) => parameter.in === 'path').map((parameter) => `path.${parameter.name}`);
        for (const parameter of Object.keys(link.parameters ?? {})) expect(pathParameters, `${name}: ${parameter}`).toContain(parameter);
        for (const property of Object.keys(link.requestBody ?? {})) expect(requestProperties(target!), `${name}: requestBody.${property}`).toContain(property);
        expect(JSON.stringify(link.parameters ?? link.requestBody)).toContain('$response.body');
      }
    });
  }
});

describe('the Arazzo workflows against the mock', () => {
  it('declares the four journeys', () => {
    expect(DECLARED).toEqual(
      expect.arrayContaining(['start-and-poll-to-end', 'find-my-running-jobs-and-stop-one', 'update-description-and-read-back', 'clean-up-finished-tasks']),
    );
  });

  it(
    'passes every workflow, and leaves the store as the journeys say',
    async () => {
      const credentials: WorkflowCredentials = { authorization: `Basic ${Buffer.from('tje0:Tje0').toString('base64')}`, password: 'Tje0' };
      const run = await runWorkflows({ serverUrl: mock.url, credentials, timeoutMs: RUN_BUDGET_MS });
      const report = describeRun(run);
      expect(run.problem, report).toBeUndefined();
      expect(run.results.map((result) => result.workflowId).sort(), report).toEqual([...DECLARED].sort());
      expect(run.results.filter((result) => !result.passed).map((result) => result.workflowId), report).toEqual([]);
      expect(run.exitCode, report).toBe(0);

      // What the workflows did is in the store: the seeded running job is stopped, and the
      // tasks the workflows started were deleted, but for the one start-and-poll leaves ended.
      const tasks = mock.tasks();
      expect(tasks.find((task) => task.Id === 9001)?.State).toBe('Failed');
      const started = tasks.filter((task) => task.Id > 10_000);
      expect(started.map((task) => [task.Description, task.State])).toEqual([['Started by the start-and-poll-to-end workflow', 'Succeeded']]);
    },
    TEST_BUDGET_MS,
  );

  it(
    'never lets a credential through, even in verbose mode',
    async () => {
      mock.reset();
      // Distinctive values, to search the output for; the mock accepts any well-formed one.
      const ticket = `7T:${Buffer.from(`ticket-${process.pid}-${Date.now()}`).toString('base64')}`;
      const credentials: WorkflowCredentials = { authorization: `SOTicket ${ticket}`, ticket, xsrfToken: `xsrf-${Date.now()}-secret`, appToken: `app-${Date.now()}-secret` };
      const run = await runWorkflows({
        serverUrl: mock.url,
        credentials,
        workflows: ['find-my-running-jobs'],
        extraArguments: ['--verbose'],
        timeoutMs: RUN_BUDGET_MS,
      });
      const report = describeRun(run);
      expect(run.results.map((result) => [result.workflowId, result.passed]), report).toEqual([['find-my-running-jobs', true]]);
      // Verbose mode prints the request headers: masked.
      expect(run.output).toMatch(/authorization/i);
      expect(run.leaks, report).toEqual([]);
      for (const secret of [ticket, credentials.xsrfToken!, credentials.appToken!]) expect(run.output).not.toContain(secret);
    },
    TEST_BUDGET_MS,
  );
});
