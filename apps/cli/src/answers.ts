import type { BatchTaskInfo, ODataSlimResponse } from '@so-batch/client';
import { CliFailure, EXIT, requestOf, type Target } from './failures.ts';
import { isBatchTaskInfo, isBatchTaskInfoList, isODataSlimResponse, type AnswerValidator } from './generated/answers.gen.js';

// Every answer is checked against the spec's own schemas before it is shown: a server that is not
// SuperOffice's (or a proxy's page) must not pass for a task, or for a list of none.

function problem(validator: AnswerValidator): string {
  const first = validator.errors?.[0];
  if (!first) return 'it does not match the spec';
  const where = first.instancePath ? first.instancePath.slice(1).replaceAll('/', '.') : 'the answer';
  return `${where} ${first.message ?? 'does not match the spec'}`;
}

function check<T>(validator: AnswerValidator, data: unknown, expected: string, target: Target): T {
  if (validator(data)) return data as T;
  const shown = JSON.stringify(data) ?? String(data);
  throw new CliFailure(
    `Not a SuperOffice Batch answer: ${requestOf(target)} answered ${shown.length > 80 ? `${shown.slice(0, 77)}...` : shown}, not ${expected} (${problem(validator)}). Check --base-url (or SO_BASE_URL).`,
    EXIT.server,
    { kind: 'not-superoffice' },
  );
}

export const checkTask = (data: unknown, target: Target) => check<BatchTaskInfo>(isBatchTaskInfo, data, 'a BatchTaskInfo', target);
export const checkTasks = (data: unknown, target: Target) => check<BatchTaskInfo[]>(isBatchTaskInfoList, data, 'a list of BatchTaskInfo', target);
export const checkPage = (data: unknown, target: Target) => check<ODataSlimResponse>(isODataSlimResponse, data, 'an OData page of BatchTasks rows', target);
