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
}

export function createValidator(doc: OpenApiDocument): Validator {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema(doc as object, 'spec.json');
  const cache = new Map<string, ReturnType<Ajv2020['compile']>>();
  const check = (ref: string, value: unknown): string[] => {
    let validate = cache.get(ref);
    if (!validate) {
      validate = ajv.compile({ $ref: `spec.json#/${ref}` });
      cache.set(ref, validate);
    }
    return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '(body)'} ${e.message}`);
  };
  return {
    response(operation, status, mediaType, body) {
      const declared = operation.responses.find((r) => r.status === String(status));
      if (!declared) return [`status ${status} is not declared for ${operation.operationId}`];
      if (declared.mediaTypes.length === 0) {
        return [
          ...(mediaType ? [`status ${status} declares no content, but Content-Type ${mediaType} came`] : []),
          ...(body === undefined ? [] : [`status ${status} declares no content, but a body came`]),
        ];
      }
      if (!declared.mediaTypes.includes(mediaType)) return [`media type ${mediaType} is not declared for ${status}`];
      const raw = ((doc.paths[operation.path] as Record<string, { responses: Record<string, { $ref?: string }> }>)[operation.method.toLowerCase()]!.responses[String(status)]!);
      // A response that is a $ref is looked up where it is defined.
      const responseRef = raw.$ref ? raw.$ref.replace(/^#\//, '') : `${operation.pointer}/${pointer('responses', String(status))}`;
      return check(`${responseRef}/${pointer('content', mediaType, 'schema')}`, body);
    },
    requestBody(operation, body) {
      return check(`${operation.pointer}/${pointer('requestBody', 'content', 'application/json', 'schema')}`, body);
    },
    schema(name, value) {
      return check(pointer('components', 'schemas', name), value);
    },
  };
}
