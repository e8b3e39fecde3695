import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { pointer, type OpenApiDocument, type SpecOperation } from './openapi.ts';

// JSON Schema 2020-12 (the dialect of OpenAPI 3.1) with format assertions.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

export interface Validator {
  /**
   * Problems of a response against the operation's declaration for that status: its media type and
   * body schema, or, for a status that declares no content, that neither came ('' and undefined).
   */
  response(operation: SpecOperation, status: number, mediaType: string, body: unknown): string[];
  /** Problems of a request body against the operation's JSON schema. */
  requestBody(operation: SpecOperation, body: unknown): string[];
  schema(name: string, value: unknown): string[];
  /**
   * Problems of an answer without `$select` against the stricter reading of the spec: as
   * `response`, and besides, no property BatchTaskInfo lists in `x-so-batch-never-null` is null
   * (the Decision (nullability): a full answer never nulls its numbers, booleans and dates).
   */
  fullResponse(operation: SpecOperation, status: number, mediaType: string, body: unknown): string[];
}

/** The extension on BatchTaskInfo that lists the properties a full answer never sends as null. */
export const NEVER_NULL_EXTENSION = 'x-so-batch-never-null';

/**
 * A copy of the spec where BatchTaskInfo also says `not: { type: null }` for each property its
 * `x-so-batch-never-null` lists: what a full answer must satisfy. Read from the spec, never a
 * hand list, so a name added there is checked here at once.
 */
export function strictReading(doc: OpenApiDocument): { doc: OpenApiDocument; neverNull: string[] } {
  const strict = structuredClone(doc) as OpenApiDocument & { components: { schemas: Record<string, Record<string, unknown>> } };
  const task = strict.components.schemas.BatchTaskInfo;
  const neverNull = task?.[NEVER_NULL_EXTENSION];
  if (!task || !Array.isArray(neverNull) || neverNull.length === 0 || neverNull.some((name) => typeof name !== 'string')) {
    throw new Error(`The spec's BatchTaskInfo has no ${NEVER_NULL_EXTENSION} list of property names: the contract tests read the never-null properties from it.`);
  }
  const properties = { ...(task.properties as Record<string, unknown> | undefined) };
  for (const name of neverNull as string[]) properties[name] = { not: { type: 'null' } };
  task.properties = properties;
  return { doc: strict, neverNull: neverNull as string[] };
}

type Check = (ref: string, value: unknown) => { errors: { instancePath: string; message?: string | undefined; keyword: string }[] };

/** Compiles and caches a validator per pointer into the document. */
function checker(document: OpenApiDocument): Check {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema(document as object, 'spec.json');
  const cache = new Map<string, ReturnType<Ajv2020['compile']>>();
  return (ref, value) => {
    let validate = cache.get(ref);
    if (!validate) {
      validate = ajv.compile({ $ref: `spec.json#/${ref}` });
      cache.set(ref, validate);
    }
    return { errors: validate(value) ? [] : [...(validate.errors ?? [])] };
  };
}

const messages = (errors: ReturnType<Check>['errors']) => errors.map((e) => `${e.instancePath || '(body)'} ${e.message}`);

export function createValidator(doc: OpenApiDocument): Validator {
  const lenient = checker(doc);
  let strict: Check | undefined; // compiled on first use: most validators never need it
  const check = (ref: string, value: unknown): string[] => messages(lenient(ref, value).errors);

  /** The pointer of the schema declared for that status and media type, or the problems that there is none. */
  function responseSchema(operation: SpecOperation, status: number, mediaType: string, body: unknown): { ref: string } | { problems: string[] } {
    const declared = operation.responses.find((r) => r.status === String(status));
    if (!declared) return { problems: [`status ${status} is not declared for ${operation.operationId}`] };
    if (declared.mediaTypes.length === 0) {
      return {
        problems: [
          ...(mediaType ? [`status ${status} declares no content, but Content-Type ${mediaType} came`] : []),
          ...(body === undefined ? [] : [`status ${status} declares no content, but a body came`]),
        ],
      };
    }
    if (!declared.mediaTypes.includes(mediaType)) return { problems: [`media type ${mediaType} is not declared for ${status}`] };
    const raw = ((doc.paths[operation.path] as Record<string, { responses: Record<string, { $ref?: string }> }>)[operation.method.toLowerCase()]!.responses[String(status)]!);
    // A response that is a $ref is looked up where it is defined.
    const responseRef = raw.$ref ? raw.$ref.replace(/^#\//, '') : `${operation.pointer}/${pointer('responses', String(status))}`;
    return { ref: `${responseRef}/${pointer('content', mediaType, 'schema')}` };
  }

  return {
    response(operation, status, mediaType, body) {
      const schema = responseSchema(operation, status, mediaType, body);
      return 'problems' in schema ? schema.problems : check(schema.ref, body);
    },
    fullResponse(operation, status, mediaType, body) {
      const schema = responseSchema(operation, status, mediaType, body);
      if ('problems' in schema) return schema.problems;
      const problems = check(schema.ref, body);
      if (problems.length > 0) return problems;
      strict ??= checker(strictReading(doc).doc);
      // Valid as declared but not in the strict reading: only the added `not: null`s can fail, and
      // they are the errors to name (an anyOf's other branches fail too, and say nothing).
      const errors = strict(schema.ref, body).errors;
      const nulls = errors.filter((e) => e.keyword === 'not');
      if (nulls.length === 0) return messages(errors);
      return [...new Set(nulls.map((e) => `${e.instancePath} is null in an answer without $select, but BatchTaskInfo's ${NEVER_NULL_EXTENSION} says it never is`))];
    },
    requestBody(operation, body) {
      return check(`${operation.pointer}/${pointer('requestBody', 'content', 'application/json', 'schema')}`, body);
    },
    schema(name, value) {
      return check(pointer('components', 'schemas', name), value);
    },
  };
}
