import { createRequire } from 'node:module';
import { expect, expectTypeOf, it } from 'vitest';
import type { components } from '../src/generated/schema.gen.ts';

// No property of a generated schema may be `unknown` or `any` unless the spec says "anything goes"
// there. A schema the generator cannot type (an anyOf branch without a `type`, say) silently
// becomes `unknown`, and code such as `new Date(task.Created)` stops compiling: this finds it.
// The type-level half is checked by `tsc --noEmit` (the typecheck task); the runtime half checks
// that the list below is exactly what the spec leaves open, so the list cannot be widened to hide
// a generator miss.

/**
 * Where the spec deliberately accepts anything: the columns of an archive row (which the archive,
 * not the spec, decides). Paths are schema names, `.Property`, `[]` for array items and `[string]`
 * for additional properties; references are followed. A job's ParameterObject is no longer here:
 * it is a dictionary of strings, as the server has it (see the test below).
 */
const DELIBERATELY_OPEN = [
  'ArchiveRow[string]',
  'ODataSlimResponse.value[][string]',
] as const;

type IsAny<T> = 0 extends 1 & T ? true : false;
type Depth = [never, 0, 1, 2, 3, 4, 5, 6, 7, 8];
/** The known (non-index-signature) keys of T, even when T also has an index signature. */
type KnownKeys<T> = keyof { [K in keyof T as string extends K ? never : number extends K ? never : K]: 0 } & string;

/** The paths inside T whose type is `any` or `unknown` (unions are checked member by member). */
type OpenPaths<T, Path extends string, D extends number = 8> = [D] extends [never]
  ? `${Path} (too deep to check)`
  : IsAny<T> extends true
    ? Path
    : unknown extends T
      ? Path
      : T extends readonly (infer Item)[]
        ? OpenPaths<Item, `${Path}[]`, Depth[D]>
        : T extends object
          ?
              | { [K in KnownKeys<T>]-?: OpenPaths<Exclude<T[K], undefined>, `${Path}.${K}`, Depth[D]> }[KnownKeys<T>]
              | (string extends keyof T ? OpenPaths<T[string & keyof T], `${Path}[string]`, Depth[D]> : never)
          : never;

type Schemas = components['schemas'];
type OpenSchemaPaths = { [Name in keyof Schemas & string]: OpenPaths<Schemas[Name], Name> }[keyof Schemas & string];

it('no generated schema property is unknown or any but those the spec leaves open (type level)', () => {
  expectTypeOf<OpenSchemaPaths>().toEqualTypeOf<(typeof DELIBERATELY_OPEN)[number]>();
  // The check itself can fail: it sees an `unknown` or an `any` wherever one hides.
  expectTypeOf<OpenPaths<{ a: { b: unknown[] }; c: string | null }, 'X'>>().toEqualTypeOf<'X.a.b[]'>();
  expectTypeOf<OpenPaths<{ a?: any; b: { [k: string]: number } }, 'X'>>().toEqualTypeOf<'X.a'>();
  expectTypeOf<OpenPaths<{ a: number } & { [k: string]: unknown }, 'X'>>().toEqualTypeOf<'X[string]'>();
});

it('a job\'s ParameterObject is a dictionary of strings, in every schema that carries it', () => {
  type Parameters = Record<string, string>;
  expectTypeOf<NonNullable<Schemas['BatchTaskInfoFields']['ParameterObject']>>().toEqualTypeOf<Parameters>();
  expectTypeOf<NonNullable<Schemas['BatchTaskInfo']['ParameterObject']>>().toEqualTypeOf<Parameters>();
  expectTypeOf<NonNullable<Schemas['RestStartBatchJobBody']['ParameterObject']>>().toEqualTypeOf<Parameters>();
  expectTypeOf<NonNullable<NonNullable<Schemas['StartBatchJobRequest']['BatchTaskInfo']>['ParameterObject']>>().toEqualTypeOf<Parameters>();
  // A number is no parameter value: the server stores strings.
  // @ts-expect-error a number value does not type-check
  const wrong: Schemas['BatchTaskInfoFields'] = { ParameterObject: { Count: 3 } };
  const right: Schemas['BatchTaskInfoFields'] = { ParameterObject: { Count: '3' } };
  expect([wrong, right].length).toBe(2);
});

it('a date-time is a string, so a Date can be made from it', () => {
  expectTypeOf<Schemas['DateTime']>().toEqualTypeOf<string>();
  expectTypeOf<Schemas['BatchTaskInfo']['Created']>().toEqualTypeOf<string | null>();
  const created: Schemas['BatchTaskInfo']['Created'] = '2017-07-03T02:49:43.7004017+02:00';
  expect(new Date(created ?? 0).getUTCHours()).toBe(0);
});

type JsonSchema = { [keyword: string]: unknown };

/** The paths where the bundled spec accepts any value, by the same rules as OpenPaths. */
function openPathsInSpec(schemas: Record<string, JsonSchema>): string[] {
  const found: string[] = [];
  const walk = (schema: JsonSchema | boolean | undefined, path: string, depth: number): void => {
    if (depth > 8) throw new Error(`${path}: too deep to check`);
    if (schema === true || (typeof schema === 'object' && Object.keys(schema).every((k) => ANNOTATIONS.has(k)))) {
      found.push(path);
      return;
    }
    if (typeof schema !== 'object') return;
    if (typeof schema.$ref === 'string') walk(schemas[schema.$ref.replace('#/components/schemas/', '')], path, depth);
    for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
      for (const branch of (schema[keyword] as JsonSchema[] | undefined) ?? []) walk(branch, path, depth);
    }
    if (schema.items !== undefined) walk(schema.items as JsonSchema, `${path}[]`, depth + 1);
    for (const [name, property] of Object.entries((schema.properties as Record<string, JsonSchema> | undefined) ?? {})) {
      walk(property, `${path}.${name}`, depth + 1);
    }
    if (schema.additionalProperties !== undefined && schema.additionalProperties !== false) {
      walk(schema.additionalProperties as JsonSchema | boolean, `${path}[string]`, depth + 1);
    }
  };
  for (const [name, schema] of Object.entries(schemas)) walk(schema, name, 0);
  return [...new Set(found)].sort();
}

/** Keywords that say nothing about the value: a schema of only these accepts anything. */
const ANNOTATIONS = new Set(['title', 'description', 'examples', 'example', 'default', 'deprecated', 'readOnly', 'writeOnly', '$comment']);

it('the list of open places is exactly where the spec accepts anything', () => {
  const spec = createRequire(import.meta.url)('@so-batch/spec/openapi.json') as { components: { schemas: Record<string, JsonSchema> } };
  expect(openPathsInSpec(spec.components.schemas)).toEqual([...DELIBERATELY_OPEN].sort());
});

it('the spec walk finds the places that accept anything', () => {
  const schemas: Record<string, JsonSchema> = {
    When: { anyOf: [{ description: 'anything' }, { type: 'string', pattern: 'x' }] },
    Task: { type: 'object', properties: { Created: { $ref: '#/components/schemas/When' }, Rows: { type: 'array', items: {} } } },
  };
  expect(openPathsInSpec(schemas)).toEqual(['Task.Created', 'Task.Rows[]', 'When']);
});
