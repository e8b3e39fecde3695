import { describe, expect, it } from 'vitest';
import { loadOperations, loadSpec } from '../src/openapi.ts';
import { createValidator, NEVER_NULL_EXTENSION, strictReading } from '../src/validator.ts';

// The stricter reading the contract suite holds full answers to (suite.ts, the client-call case):
// BatchTaskInfo's x-so-batch-never-null properties are never null without $select. Checked here
// without a target, so that the check itself is seen to fail on a null.
const doc = loadSpec();
const validator = createValidator(doc);
const operation = (id: string) => loadOperations(doc).find((op) => op.operationId === id)!;
const schemas = doc.components.schemas as Record<string, Record<string, unknown>>;
const neverNull = schemas.BatchTaskInfo![NEVER_NULL_EXTENSION] as string[];

/** The GetBatchTaskInfo page's sample answer: a task valid as the spec declares it, none of its never-null properties null. */
function fullTask(): Record<string, unknown> {
  const examples = doc.components.examples as Record<string, { value: Record<string, unknown> }>;
  return structuredClone(examples.GetBatchTaskInfoResponse!.value);
}

describe('the stricter reading of full answers (x-so-batch-never-null)', () => {
  it('reads the never-null properties from the spec, each a property of BatchTaskInfo', () => {
    expect(strictReading(doc).neverNull).toEqual(neverNull);
    expect(neverNull).toContain('Id');
    const declared = Object.keys((schemas.BatchTaskInfoFields!.properties as object) ?? {});
    for (const name of neverNull) expect(declared, name).toContain(name);
  });

  it('names each never-null property that is null in a full answer, in one task and in a list', () => {
    const op = operation('v1Batch_GetBatchTaskInfo');
    const list = operation('v1BatchAgent_GetBatchTaskInfosByAssociates');
    const task = fullTask();
    expect(validator.response(op, 200, 'application/json', task), 'the sample task is valid as declared').toEqual([]);
    expect(validator.fullResponse(op, 200, 'application/json', task)).toEqual([]);
    for (const name of neverNull) {
      const nulled = { ...task, [name]: null };
      expect(validator.response(op, 200, 'application/json', nulled), `${name}: null is valid as declared`).toEqual([]);
      expect(validator.fullResponse(op, 200, 'application/json', nulled)).toEqual([`/${name} is null in an answer without $select, but BatchTaskInfo's ${NEVER_NULL_EXTENSION} says it never is`]);
    }
    expect(validator.fullResponse(list, 200, 'application/json', [task, { ...task, Id: null }])).toEqual([
      `/1/Id is null in an answer without $select, but BatchTaskInfo's ${NEVER_NULL_EXTENSION} says it never is`,
    ]);
  });

  it('leaves the other properties, and the Agents answer of no task, nullable', () => {
    const op = operation('v1BatchAgent_GetBatchTaskInfo');
    expect(validator.fullResponse(op, 200, 'application/json', null)).toEqual([]);
    expect(validator.fullResponse(op, 200, 'application/json', { ...fullTask(), Description: null, State: null })).toEqual([]);
  });

  it('still reports what the lenient reading reports', () => {
    const op = operation('v1Batch_GetBatchTaskInfo');
    expect(validator.fullResponse(op, 200, 'application/json', { ...fullTask(), Id: 'x' })).not.toEqual([]);
  });
});
