import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { controlSchema, loadControlSpec } from './control-spec.ts';
import type { components } from './generated/control.gen.ts';

// Job behaviours: how a job started under a given name runs in the sandbox (how long it waits
// and runs, where it fails, whether it hangs, how it ends, whether it may be stopped). The shape
// is the control API's JobBehaviour schema (spec/control/openapi.yaml): its generated type is
// the TypeScript type, and the schema itself checks every definition, from code, from
// startMock({ jobs }), from a MOCK_JOBS file and from PUT /mock/jobs/{name} alike; the
// cross-field rules that a schema says badly are the one table CONFLICTS.

/** How a job runs; every field is optional, and a definition replaces the defaults for its name. */
export type JobBehaviour = components['schemas']['JobBehaviour'];
export type CancellationBehaviour = NonNullable<JobBehaviour['cancellation']>;

/** The shape of a JobBehaviour, as JSON Schema 2020-12: the control document's (read when first needed). */
const behaviourSchema = () => controlSchema('JobBehaviour') as { properties: Record<Field, { description?: string }> };

type Field = keyof JobBehaviour;


/** Fields that cannot be true together: when `field` is true, none of `excludes` may be given. */
const CONFLICTS: readonly { field: Field; excludes: readonly Field[]; why: string }[] = [
  { field: 'hang', excludes: ['failAtPercent', 'result', 'manualCleanup', 'runMs'], why: 'a hung job never ends' },
  { field: 'manualCleanup', excludes: ['failAtPercent'], why: 'a job that ends SucceededManualCleanup does not fail' },
];

/** The spec document whose BatchTaskCancellationBehaviour the checks use: an OpenAPI document with components. */
export type SpecDocument = object;

// The schema is the control document's JobBehaviour (its `cancellation` is the Batch spec's enum,
// bundled in): the same for every Batch spec document, so it is compiled once, not per document.
let validator: ValidateFunction | undefined;
function validatorFor(_doc: SpecDocument): ValidateFunction {
  if (!validator) {
    // Not strict (the spec has keywords Ajv does not know), but NaN and Infinity are no numbers.
    const ajv = new Ajv2020({ strict: false, strictNumbers: true, allErrors: false });
    ajv.addSchema({ ...loadControlSpec(), $id: 'so-batch:control' });
    validator = ajv.compile({ $ref: 'so-batch:control#/components/schemas/JobBehaviour' });
  }
  return validator;
}

/** A schema description as a clause in a message: lower case first, no final period. */
const sentence = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1).replace(/\.\s*$/, '');

const show = (value: unknown): string => {
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}...` : value);
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value;
};

const WANTED_TYPE: Record<string, string> = { number: 'a number', integer: 'a whole number', string: 'a string', boolean: 'true or false' };

function describeError(error: ErrorObject, behaviour: Record<string, unknown>): string {
  const params = error.params as { additionalProperty?: string; allowedValues?: unknown[]; type?: string; limit?: number };
  if (error.keyword === 'additionalProperties') return `${params.additionalProperty} is not a job behaviour field (known: ${Object.keys(behaviourSchema().properties).join(', ')})`;
  const field = error.instancePath.slice(1).split('/')[0] as Field;
  const value = behaviour[field];
  let wanted: string;
  if (params.allowedValues) wanted = `one of ${params.allowedValues.join(', ')}`;
  else if (error.keyword === 'type') wanted = typeof value === 'number' && !Number.isFinite(value) ? 'a finite number' : (WANTED_TYPE[params.type ?? ''] ?? `of type ${params.type}`);
  else if (error.keyword === 'maxLength') wanted = `at most ${params.limit} characters long`;
  else wanted = (error.message ?? 'valid').replace(/^must be /, '');
  return `${field} must be ${wanted} (${sentence(behaviourSchema().properties[field]?.description ?? field)}), not ${show(value)}`;
}

/**
 * Checks a job behaviour; returns a copy, or throws a TypeError that starts with `where` and
 * names the field. Nothing is changed by a refused definition.
 */
export function checkJobBehaviour(doc: SpecDocument, behaviour: unknown, where: string): JobBehaviour {
  if (!behaviour || typeof behaviour !== 'object' || Array.isArray(behaviour)) throw new TypeError(`${where}: a job behaviour must be an object, not ${show(behaviour)}.`);
  const fields = behaviour as Record<string, unknown>;
  const validate = validatorFor(doc);
  if (!validate(fields)) throw new TypeError(`${where}: ${describeError(validate.errors![0]!, fields)}.`);
  for (const { field, excludes, why } of CONFLICTS) {
    if (fields[field] !== true) continue;
    const clash = excludes.find((other) => fields[other] !== undefined);
    if (clash) throw new TypeError(`${where}: ${clash} cannot be given with ${field}: true (${why}).`);
  }
  return { ...(fields as JobBehaviour) };
}

/** The key a job name is matched by: the whole name, trimmed, in any case (as the store's name filters match). */
export function jobKey(name: string): string {
  return name.trim().toLowerCase();
}

function checkName(name: unknown, where: string): string {
  if (typeof name !== 'string' || name.trim() === '') throw new TypeError(`${where}: name must be a job's name (a non-empty string), not ${show(name)}.`);
  return name.trim();
}

/** The job definitions of a running mock: `mock.jobs`. */
export interface MockJobs {
  /** Defines (or redefines) how jobs named `name` run from now on; jobs already started keep their course. */
  define(name: string, behaviour: JobBehaviour): void;
  /** Removes the definition of `name`: whether there was one. Such jobs run the defaults again. */
  remove(name: string): boolean;
  /** Removes every definition (reset() brings back those given to startMock). */
  clear(): void;
  /** The definitions now, in the order they were made. */
  list(): { name: string; behaviour: JobBehaviour }[];
}

/** Checks `{ name: behaviour, ... }` (startMock's jobs, a MOCK_JOBS file); throws a TypeError naming the job and the field. */
export function checkJobDefinitions(doc: SpecDocument, definitions: unknown, where: string): Map<string, { name: string; behaviour: JobBehaviour }> {
  if (!definitions || typeof definitions !== 'object' || Array.isArray(definitions)) {
    throw new TypeError(`${where}: expected an object of job names and their behaviours, such as { "ExportJob": { "runMs": 1000 } }, not ${show(definitions)}.`);
  }
  const checked = new Map<string, { name: string; behaviour: JobBehaviour }>();
  for (const [raw, behaviour] of Object.entries(definitions)) {
    const name = checkName(raw, where);
    const key = jobKey(name);
    if (checked.has(key)) throw new TypeError(`${where}: job "${name}" is defined twice (names match in any case).`);
    checked.set(key, { name, behaviour: checkJobBehaviour(doc, behaviour, `${where}: job "${name}"`) });
  }
  return checked;
}

/** The definitions a sandbox holds, and those it returns to on reset. */
export class JobBook implements MockJobs {
  readonly #doc: SpecDocument;
  readonly #initial: ReadonlyMap<string, { name: string; behaviour: JobBehaviour }>;
  #current: Map<string, { name: string; behaviour: JobBehaviour }>;

  /** `doc`: the spec whose BatchTaskCancellationBehaviour the definitions are checked against. */
  constructor(doc: SpecDocument, initial: unknown = {}, where = 'startMock: jobs') {
    this.#doc = doc;
    this.#initial = checkJobDefinitions(doc, initial, where);
    this.#current = new Map(this.#initial);
  }

  define(name: string, behaviour: JobBehaviour): void {
    const where = `jobs.define(${typeof name === 'string' ? JSON.stringify(name) : ''})`;
    const checkedName = checkName(name, where);
    const checked = checkJobBehaviour(this.#doc, behaviour, where);
    // Redefined: the new spelling and the new place in the list.
    this.#current.delete(jobKey(checkedName));
    this.#current.set(jobKey(checkedName), { name: checkedName, behaviour: checked });
  }

  remove(name: string): boolean {
    return this.#current.delete(jobKey(checkName(name, 'jobs.remove')));
  }

  clear(): void {
    this.#current.clear();
  }

  list(): { name: string; behaviour: JobBehaviour }[] {
    return [...this.#current.values()].map(({ name, behaviour }) => ({ name, behaviour: { ...behaviour } }));
  }

  /** The behaviour defined for a job of this name, if any. */
  find(name: string): JobBehaviour | undefined {
    return this.#current.get(jobKey(name))?.behaviour;
  }

  /** Back to the definitions given at the start. */
  reset(): void {
    this.#current = new Map(this.#initial);
  }
}


/** Reads a MOCK_JOBS file: `{ "JobName": { behaviour }, ... }`. Throws a TypeError naming the file, the job and the field. */
export function readJobsFile(doc: SpecDocument, path: string): Record<string, JobBehaviour> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new TypeError(`${path}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new TypeError(`${path}: not JSON (${(error as Error).message}).`);
  }
  return Object.fromEntries([...checkJobDefinitions(doc, parsed, path).values()].map(({ name, behaviour }) => [name, behaviour]));
}
