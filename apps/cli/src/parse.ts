import { BATCH_TASK_PROPERTIES, BATCH_TASK_STATES, type BatchTaskProperty, type BatchTaskState } from '@so-batch/client';
import { CliFailure, EXIT } from './failures.ts';


/** The largest id the API takes: ids are 32-bit integers (int32). */
const MAX_ID = 2147483647;

export function usage(message: string): CliFailure {
  return new CliFailure(message, EXIT.usage);
}

export function parseState(value: string): BatchTaskState {
  const state = BATCH_TASK_STATES.find((s) => s.toLowerCase() === value.toLowerCase());
  if (!state) throw usage(`Unknown state "${value}": use one of ${BATCH_TASK_STATES.join(', ')}.`);
  return state;
}

/** One id, or why it is not one: not a whole number, or beyond what the API's 32-bit ids hold. */
function idProblem(value: string): string | undefined {
  if (!/^\d+$/.test(value)) return 'is not a whole number';
  if (Number(value) > MAX_ID) return `is too large: ids go up to ${MAX_ID}`;
  return undefined;
}

export function parseIds(value: string, what: string): number[] {
  const ids = value.split(',').map((part) => part.trim());
  for (const id of ids) {
    const problem = idProblem(id);
    if (problem) throw usage(`${what} takes ids separated by commas, such as 12,13; "${id}" ${problem}.`);
  }
  return ids.map(Number);
}

export function parseId(value: string): number {
  const problem = idProblem(value);
  if (problem) throw usage(`A task id is a whole number, such as 189; "${value}" ${problem}.`);
  return Number(value);
}

export function parseSelect(value: string): BatchTaskProperty[] {
  return value.split(',').map((raw) => {
    const name = BATCH_TASK_PROPERTIES.find((p) => p.toLowerCase() === raw.trim().toLowerCase());
    if (!name) throw usage(`Unknown property "${raw.trim()}" in --select: use BatchTaskInfo names such as ${BATCH_TASK_PROPERTIES.slice(0, 6).join(', ')}.`);
    return name;
  });
}

export function parseParam(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const at = value.indexOf('=');
  if (at < 1) throw usage(`--param takes key=value, such as --param Folder=exports; not "${value}".`);
  return { ...previous, [value.slice(0, at)]: value.slice(at + 1) };
}

export function parseInterval(value: string): number {
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 10) throw usage(`--interval is milliseconds (10 or more), not "${value}".`);
  return ms;
}

/** The longest a timer can wait: 2^31 - 1 ms, about 24.8 days. */
const MAX_TIMEOUT_SECONDS = Math.floor((2 ** 31 - 1) / 1000);

/** Seconds, for the option named `flag` (watch's --timeout, the global --request-timeout). */
export function seconds(flag: string): (value: string) => number {
  return (value) => {
    const parsed = Number(value);
    if (value.trim() === '' || !Number.isFinite(parsed) || parsed < 0.001 || parsed > MAX_TIMEOUT_SECONDS) {
      throw usage(`${flag} is seconds, from 0.001 to ${MAX_TIMEOUT_SECONDS} (24.8 days), not "${value}".`);
    }
    return parsed;
  };
}

/** A count for --top and --skip: a whole number, 0 or more. */
export function count(flag: string): (value: string) => number {
  return (value) => {
    if (!/^\d{1,9}$/.test(value)) throw usage(`${flag} is a whole number, 0 or more (up to 999999999), not "${value}".`);
    return Number(value);
  };
}
