import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { loadControlSpec } from './control-spec.ts';
import type { FaultRule, FaultSet } from './faults.ts';
import type { components } from './generated/control.gen.ts';

// The control API (spec/control/openapi.yaml): the mock's own controls over HTTP, beside /api on
// the same port, for tests in other languages, the CLI and curl. Request bodies are checked
// against the document's schemas (Ajv, JSON Schema 2020-12); a fault rule also goes through the
// same check as mock.faults.add(), which names the field.

/** How jobs of one name run (see the control API's JobBehaviour). */
export type JobBehaviour = components['schemas']['JobBehaviour'];
export type Clock = components['schemas']['Clock'];

/** `mock.clock`, as the control API drives it. */
export interface ClockControls {
  now(): number;
  advance(ms: number): Promise<void>;
}

/** `mock.jobs`, as the control API drives it. */
export interface JobControls {
  define(name: string, behaviour: JobBehaviour): void;
  remove(name: string): boolean;
  clear(): void;
  list(): Record<string, JobBehaviour>;
}

/**
 * Who may use the control API: `'loopback'` (the default) only the machine the mock runs on,
 * `'open'` anyone who reaches the port, `false` nobody (it answers 404, as if it were not there).
 */
export type ControlAccess = 'loopback' | 'open' | false;

export interface ControlOptions {
  access: ControlAccess;
  faults: FaultSet;
  /** What `mock.reset()` does: the store, faults, job definitions, the rate limit's count. */
  reset(): void;
  clock?: ClockControls | undefined;
  jobs?: JobControls | undefined;
}

/** What the control API answers: a status and a JSON value, or an error for the SuperOffice error body. */
export type ControlAnswer =
  | { status: number; value?: unknown; headers?: Record<string, string> }
  | { status: number; error: { type: string; message: string }; headers?: Record<string, string> };

/** Whether a peer address is this machine: 127.0.0.0/8, ::1, or either mapped into IPv6. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4) || address === '::1';
}

/** Whether a path is the control API's (`/mock` and below). */
export function isControlPath(pathname: string): boolean {
  return pathname === '/mock' || pathname.startsWith('/mock/');
}

let validators: Record<'FaultRule' | 'JobBehaviour' | 'ClockAdvance', ValidateFunction> | undefined;

function validatorsOf(): NonNullable<typeof validators> {
  if (validators) return validators;
  const ajv = new Ajv2020({ strict: false, allErrors: false });
  addFormats.default(ajv);
  ajv.addSchema({ ...(loadControlSpec() as object), $id: 'so-batch:control' } as object);
  const of = (name: string) => ajv.compile({ $ref: `so-batch:control#/components/schemas/${name}` });
  validators = { FaultRule: of('FaultRule'), JobBehaviour: of('JobBehaviour'), ClockAdvance: of('ClockAdvance') };
  return validators;
}

const badRequest = (message: string): ControlAnswer => ({ status: 400, error: { type: 'BadRequest', message } });
const notFound = (message: string): ControlAnswer => ({ status: 404, error: { type: 'NotFound', message } });

/** A body against one of the document's schemas: undefined when it fits, or a 400 naming the property. */
function schemaProblem(name: keyof NonNullable<typeof validators>, body: unknown, what: string): ControlAnswer | undefined {
  const check = validatorsOf()[name];
  if (check(body)) return undefined;
  const error = check.errors![0]!;
  const params = error.params as Record<string, unknown>;
  const property =
    typeof params.additionalProperty === 'string'
      ? `${error.instancePath.slice(1).replace(/\//g, '.')}${error.instancePath ? '.' : ''}${params.additionalProperty}`
      : typeof params.missingProperty === 'string'
        ? params.missingProperty
        : error.instancePath.slice(1).replace(/\//g, '.');
  const allowed = Array.isArray(params.allowedValues) ? ` (${params.allowedValues.join(', ')})` : '';
  const message = typeof params.additionalProperty === 'string' ? 'is not a property of it' : typeof params.missingProperty === 'string' ? 'is required' : `${error.message ?? 'is not valid'}${allowed}`;
  return badRequest(`${what}: ${property ? `${property} ` : ''}${message} (the control API's ${name} schema).`);
}

/**
 * Answers a control request. `readJson` reads the request body as JSON (the front's reader, with
 * its size and syntax checks); the caller has already checked access.
 */
export async function answerControl(method: string, pathname: string, readJson: () => Promise<unknown>, options: ControlOptions): Promise<ControlAnswer> {
  const segments = pathname.split('/').slice(2); // ['', 'mock', ...]
  const [resource, rawId, extra] = segments;
  const route = `${method} /mock/${resource ?? ''}${rawId !== undefined ? '/{…}' : ''}${extra !== undefined ? '/…' : ''}`;
  const allowed = (methods: string[]): ControlAnswer | undefined =>
    methods.includes(method) ? undefined : { status: 405, error: { type: 'MethodNotAllowed', message: `${method} is not allowed on ${pathname}: use ${methods.join(' or ')}.` }, headers: { allow: methods.join(', ') } };

  if (resource === 'faults' && rawId === undefined) {
    const refused = allowed(['GET', 'POST', 'DELETE']);
    if (refused) return refused;
    if (method === 'GET') return { status: 200, value: options.faults.list() };
    if (method === 'DELETE') {
      options.faults.clear();
      return { status: 204 };
    }
    const body = await readJson();
    // The same check as mock.faults.add() first: its messages name the field and the fix; the
    // document's schema then holds the rule to exactly what it publishes.
    try {
      options.faults.check(body, 'POST /mock/faults');
    } catch (error) {
      if (error instanceof TypeError) return badRequest(error.message);
      throw error;
    }
    const problem = schemaProblem('FaultRule', body, 'POST /mock/faults');
    if (problem) return problem;
    const added = options.faults.add(body as FaultRule, 'POST /mock/faults');
    return { status: 201, value: options.faults.get(added.id), headers: { location: `/mock/faults/${added.id}` } };
  }

  if (resource === 'faults' && extra === undefined) {
    const refused = allowed(['GET', 'DELETE']);
    if (refused) return refused;
    if (!/^[1-9]\d{0,8}$/.test(rawId!)) return badRequest(`${route}: the fault's id is a whole number of 1 or more, not "${decodeURIComponent(rawId!).slice(0, 40)}".`);
    const id = Number(rawId);
    if (method === 'GET') {
      const fault = options.faults.get(id);
      return fault ? { status: 200, value: fault } : notFound(`There is no fault ${id}: GET /mock/faults lists them.`);
    }
    return options.faults.remove(id) ? { status: 204 } : notFound(`There is no fault ${id}: GET /mock/faults lists them.`);
  }

  if (resource === 'reset' && rawId === undefined) {
    const refused = allowed(['POST']);
    if (refused) return refused;
    options.reset();
    return { status: 204 };
  }

  if (resource === 'clock' && (rawId === undefined || (rawId === 'advance' && extra === undefined))) {
    const refused = allowed(rawId === undefined ? ['GET'] : ['POST']);
    if (refused) return refused;
    const clock = options.clock;
    if (!clock) return { status: 501, error: { type: 'NotImplemented', message: 'This mock has no controllable clock (mock.clock): start it with a clock to read or advance it here.' } };
    if (rawId === 'advance') {
      const body = await readJson();
      const problem = schemaProblem('ClockAdvance', body, 'POST /mock/clock/advance');
      if (problem) return problem;
      try {
        await clock.advance((body as components['schemas']['ClockAdvance']).ms);
      } catch (error) {
        if (error instanceof TypeError || error instanceof RangeError) return badRequest(`POST /mock/clock/advance: ${error.message}`);
        throw error;
      }
    }
    const now = clock.now();
    return { status: 200, value: { now, time: new Date(now).toISOString() } satisfies Clock };
  }

  if (resource === 'jobs' && extra === undefined) {
    const refused = allowed(rawId === undefined ? ['GET', 'DELETE'] : ['GET', 'PUT', 'DELETE']);
    if (refused) return refused;
    const jobs = options.jobs;
    if (!jobs) return { status: 501, error: { type: 'NotImplemented', message: 'This mock has no job definitions (mock.jobs): it cannot define how jobs behave.' } };
    if (rawId === undefined) {
      if (method === 'GET') return { status: 200, value: jobs.list() };
      jobs.clear();
      return { status: 204 };
    }
    let name: string;
    try {
      name = decodeURIComponent(rawId);
    } catch {
      return badRequest(`${route}: the job name's %-escapes do not spell UTF-8 characters.`);
    }
    if (method === 'GET') {
      const behaviour = jobs.list()[name];
      return behaviour ? { status: 200, value: behaviour } : notFound(`No job named "${name.slice(0, 80)}" is defined: GET /mock/jobs lists them.`);
    }
    if (method === 'DELETE') return jobs.remove(name) ? { status: 204 } : notFound(`No job named "${name.slice(0, 80)}" is defined: GET /mock/jobs lists them.`);
    const body = await readJson();
    const problem = schemaProblem('JobBehaviour', body, `PUT /mock/jobs/${name.slice(0, 80)}`);
    if (problem) return problem;
    try {
      jobs.define(name, body as JobBehaviour);
    } catch (error) {
      if (error instanceof TypeError || error instanceof RangeError) return badRequest(`PUT /mock/jobs/${name.slice(0, 80)}: ${error.message}`);
      throw error;
    }
    return { status: 200, value: jobs.list()[name] ?? body };
  }

  return notFound(`No control at ${pathname.slice(0, 100)}: the control API has /mock/faults, /mock/faults/{id}, /mock/reset, /mock/clock, /mock/clock/advance, /mock/jobs and /mock/jobs/{name}.`);
}
