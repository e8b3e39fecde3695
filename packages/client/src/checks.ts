// The run-time checks of the generated functions' arguments, one per kind of schema
// (scripts/functions.ts picks them). Misuse throws a TypeError naming the operation and the
// argument, never the value. Each is its own export, so a bundle carries only those it calls.
import { BATCH_TASK_STATES, type BatchTaskState } from './types.ts';

/** An int32 (a task or associate id). */
export function checkInt(value: unknown, name: string, operation: string): number {
  if (!Number.isInteger(value) || (value as number) < -2147483648 || (value as number) > 2147483647) {
    throw new TypeError(`${operation}: ${name} must be a 32-bit integer.`);
  }
  return value as number;
}

/** An array of int32s. */
export function checkIds(values: unknown, name: string, operation: string): number[] {
  if (!Array.isArray(values)) throw new TypeError(`${operation}: ${name} must be an array of ids.`);
  return values.map((id, index) => checkInt(id, `${name}[${index}]`, operation));
}

/** A string the server matches on (a task name): empty would match nothing, so it is refused. */
export function checkText(value: unknown, name: string, operation: string): string {
  if (typeof value !== 'string' || value === '') throw new TypeError(`${operation}: ${name} must be a non-empty string.`);
  return value;
}

export function checkState(value: unknown, _name: string, operation: string): BatchTaskState {
  if (typeof value !== 'string' || !(BATCH_TASK_STATES as readonly string[]).includes(value)) {
    throw new TypeError(`${operation}: state must be one of ${BATCH_TASK_STATES.join(', ')}.`);
  }
  return value as BatchTaskState;
}

/** A BatchTaskInfo to send, with the properties the call needs (Id to update, Name to start). */
export function checkTask<T>(info: T, requires: readonly string[], operation: string): T {
  if (!info || typeof info !== 'object' || Array.isArray(info)) throw new TypeError(`${operation}: info must be a BatchTaskInfo.`);
  for (const name of requires) {
    const value = (info as Record<string, unknown>)[name];
    if (name === 'Id') checkInt(value, 'info.Id', operation);
    else if (name === 'Name') checkText(value, 'info.Name (the batch job to start)', operation);
    else if (value == null) throw new TypeError(`${operation}: info.${name} is required.`);
  }
  return info;
}

/** An argument of a kind the checks above do not know: present, and left to the server. */
export function checkPresent<T>(value: T, name: string, operation: string): T {
  if (value === undefined) throw new TypeError(`${operation}: ${name} is required.`);
  return value;
}

/** Query parameters ($filter, $top, ...). */
export function checkQuery<T>(query: T, operation: string): T {
  if (!query || typeof query !== 'object') throw new TypeError(`${operation}: query must be an object of OData options ($select, $filter, ...).`);
  for (const [name, value] of Object.entries(query)) {
    for (const item of [value].flat()) {
      if (item !== null && typeof item === 'object') throw new TypeError(`${operation}: query.${name} must be a string, number or boolean.`);
    }
  }
  return query;
}
