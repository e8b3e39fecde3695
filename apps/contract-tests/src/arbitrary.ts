import fc from 'fast-check';
import { resolve, type OpenApiDocument, type Schema } from './openapi.ts';

// fast-check arbitraries for the JSON Schema subset this spec uses, and mutations that break a
// valid value. A keyword it does not know makes it throw, so the spec cannot outgrow it quietly.

const KNOWN = new Set([
  '$ref', 'type', 'format', 'properties', 'required', 'additionalProperties', 'items', 'enum', 'const', 'pattern',
  'allOf', 'anyOf', 'oneOf', 'minimum', 'description', 'title', 'xml', 'examples', 'example', 'x-enumDescriptions',
  'x-so-batch-final-states', // documents which enum values are final; it allows every value
  'x-so-batch-never-null', // what a full answer never nulls (validator.ts checks answers by it); a request may send null
  'x-so-batch-numbers', // each enum value's server number (the archive's list items); it allows every value
]);

const INT32 = { min: -2147483648, max: 2147483647 };

/** The schema with $ref resolved and allOf merged in. */
export function flatten(doc: OpenApiDocument, schema: Schema): Schema {
  const resolved = resolve(doc, schema);
  for (const key of Object.keys(resolved)) if (!KNOWN.has(key)) throw new Error(`arbitrary: unsupported schema keyword "${key}"`);
  if (!resolved.allOf) return resolved;
  const { allOf, ...own } = resolved;
  const parts = [...(allOf as Schema[]).map((part) => flatten(doc, part)), own];
  return parts.reduce<Schema>(
    (merged, part) => ({
      ...merged,
      ...part,
      properties: { ...(merged.properties as Schema), ...(part.properties as Schema) },
      required: [...new Set([...((merged.required as string[]) ?? []), ...((part.required as string[]) ?? [])])],
    }),
    {},
  );
}

function types(schema: Schema): string[] {
  if (schema.type === undefined) return [];
  return [schema.type].flat() as string[];
}

export function arbitraryFor(doc: OpenApiDocument, input: Schema): fc.Arbitrary<unknown> {
  const schema = flatten(doc, input);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...(schema.enum as unknown[]));
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    if (schema[keyword]) {
      const { [keyword]: branches, ...parent } = schema;
      return fc.oneof(...(branches as Schema[]).map((branch) => arbitraryFor(doc, { ...parent, ...resolve(doc, branch) })));
    }
  }
  const kinds = types(schema);
  if (kinds.length > 1) return fc.oneof(...kinds.map((type) => arbitraryFor(doc, { ...schema, type })));
  switch (kinds[0]) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      {
        const min = typeof schema.minimum === 'number' ? Math.max(schema.minimum, INT32.min) : INT32.min;
        return schema.format === 'int32' ? fc.integer({ min, max: INT32.max }) : fc.integer({ min: Math.max(min, Number.MIN_SAFE_INTEGER) });
      }
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'string':
      if (schema.format === 'date-time') return fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern as string));
      return fc.string({ maxLength: 30 });
    case 'array':
      return fc.array(arbitraryFor(doc, schema.items as Schema), { maxLength: 4 });
    case 'object': {
      const properties = Object.fromEntries(Object.entries((schema.properties as Record<string, Schema>) ?? {}).map(([name, child]) => [name, arbitraryFor(doc, child)]));
      const record = fc.record(properties, { requiredKeys: (schema.required as string[]) ?? [] });
      const extra = schema.additionalProperties;
      if (!extra || extra === false || Object.keys(properties).length > 0) return record;
      const values = extra === true ? fc.jsonValue({ maxDepth: 2 }) : arbitraryFor(doc, extra as Schema);
      return fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), values, { maxKeys: 3 });
    }
    default:
      throw new Error(`arbitrary: cannot generate a value for ${JSON.stringify(schema).slice(0, 120)}`);
  }
}

export interface Mutation {
  kind: 'missing-required' | 'wrong-type' | 'unknown-property' | 'unknown-enum-value' | 'not-an-object';
  path: string;
  body: unknown;
  /** The change is under a key of the value's own (an additionalProperties key), not a spec name. */
  underOwnKey?: true;
}

/** The schemas a value may be matched against, nulls aside. */
function branchesFor(doc: OpenApiDocument, schema: Schema, value: unknown): Schema[] {
  const flat = flatten(doc, schema);
  const branches = ((flat.anyOf ?? flat.oneOf) as Schema[] | undefined)?.map((branch) => ({ ...flat, anyOf: undefined, oneOf: undefined, ...flatten(doc, branch) }));
  return (branches ?? [flat]).filter((branch) => (value === null ? types(branch).includes('null') : !(types(branch).length === 1 && types(branch)[0] === 'null')));
}

function wrongValuesFor(schema: Schema): unknown[] {
  const allowed = types(schema);
  const candidates: [string, unknown][] = [['string', 'not-a-number'], ['integer', 12345], ['boolean', true], ['object', { unexpected: 1 }], ['array', [1, 2]]];
  return candidates.filter(([type]) => !allowed.includes(type) && !(type === 'integer' && allowed.includes('number')) && !(allowed.length === 0 && type !== 'string')).map(([, value]) => value);
}

function setAt(root: unknown, path: (string | number)[], update: (parent: Record<string, unknown>, key: string | number) => void): unknown {
  const copy = structuredClone(root);
  let parent = copy as Record<string, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key as string] as Record<string, unknown>;
  update(parent, path[path.length - 1]!);
  return copy;
}

/** Every single change that should make a valid value invalid; the caller checks each is. */
export function mutationsOf(doc: OpenApiDocument, schema: Schema, root: unknown): Mutation[] {
  const found: Mutation[] = [];
  const walk = (current: Schema, value: unknown, path: (string | number)[], ownKey = false) => {
    for (const branch of branchesFor(doc, current, value)) {
      const label = path.join('.') || '(body)';
      const mark = ownKey ? { underOwnKey: true as const } : {};
      if (path.length > 0) {
        for (const wrong of wrongValuesFor(branch)) found.push({ kind: 'wrong-type', path: label, body: setAt(root, path, (p, k) => (p[k] = wrong)), ...mark });
        if (branch.enum) found.push({ kind: 'unknown-enum-value', path: label, body: setAt(root, path, (p, k) => (p[k] = 'NotAState')), ...mark });
      } else if (typeof value === 'object' && value !== null) {
        found.push({ kind: 'not-an-object', path: label, body: [value] });
      }
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        for (const name of (branch.required as string[]) ?? []) {
          found.push({ kind: 'missing-required', path: [...path, name].join('.'), body: path.length ? setAt(root, [...path, name], (p, k) => delete p[k]) : omit(value, name) });
        }
        if (branch.additionalProperties === false) {
          const extended = path.length ? setAt(root, [...path, 'x_not_in_spec'], (p, k) => (p[k] = 1)) : { ...(value as object), x_not_in_spec: 1 };
          found.push({ kind: 'unknown-property', path: [...path, 'x_not_in_spec'].join('.'), body: extended });
        }
        const properties = (branch.properties as Record<string, Schema>) ?? {};
        // A schema-valued additionalProperties (ParameterObject's strings) holds every other key to it.
        const extra = typeof branch.additionalProperties === 'object' ? (branch.additionalProperties as Schema) : undefined;
        for (const [name, child] of Object.entries(value as Record<string, unknown>)) {
          if (properties[name]) walk(properties[name], child, [...path, name], ownKey);
          else if (extra) walk(extra, child, [...path, name], true);
        }
      }
      if (Array.isArray(value) && branch.items) value.forEach((item, index) => walk(branch.items as Schema, item, [...path, index], ownKey));
    }
  };
  walk(schema, root, []);
  return found;
}

function omit(value: unknown, name: string): unknown {
  const { [name]: _removed, ...rest } = value as Record<string, unknown>;
  return rest;
}
