// Reads each operation's facts from the bundled spec and writes one function per operation:
// src/generated/agents.gen.ts and rest.gen.ts. What a function needs to know comes from the spec:
//
//   name and module   the operationId (v1BatchAgent_* → agents, v1Batch_* → rest), camelCased;
//                     x-so-batch-meanings gives a shared path's GET one function per meaning
//   method, path      the path item
//   read              GET, or x-so-batch-read on a POST that only reads: retried on failure, and
//                     redirects within the installation are followed (core.ts decides how)
//   arguments         path parameters (the path item's and the operation's), then the request
//                     body: a carrier object (the Agents' `request`) gives one argument per
//                     property, in the schema's order (so reordering them reorders the arguments,
//                     a breaking change), each required; any other body is one argument. Each is
//                     checked by its schema's kind. Header parameters are the client's options
//                     (SO-*) and per-call headers, not arguments.
//   select, query     $select on an answer of tasks is `options.select`; other query parameters
//                     are one `query` argument
//   answer            the 2xx schema's shape (checked at run time); null in an Agents anyOf is
//                     data unless x-so-batch-no-result lists it (then a BatchNullResponseError)
//
// How a call is sent, retried, timed out, failed and redacted is hand-written and shared (core.ts,
// failures.ts): one place, whatever the number of operations.

type Json = Record<string, unknown>;

export type ArgumentKind = 'int' | 'ids' | 'text' | 'state' | 'task' | 'value';
export type AnswerKind = 'none' | 'task' | 'tasks' | 'id' | 'boolean' | 'page' | 'value';

export interface Argument {
  /** The parameter's name in the function. */
  name: string;
  /** The path parameter or body property it is sent as; '' for a whole body. */
  wire: string;
  in: 'path' | 'body';
  kind: ArgumentKind;
  /** For a task: the properties it must carry (Id to update, Name to start). */
  requires?: string[] | undefined;
}

export interface OperationFacts {
  operationId: string;
  module: 'agents' | 'rest';
  name: string;
  summary: string;
  method: string;
  path: string;
  read: boolean;
  arguments: Argument[];
  /** The body is an object of the arguments (a carrier), the one argument itself, or absent. */
  body: 'carrier' | 'whole' | 'none';
  select: boolean;
  query: boolean;
  answer: AnswerKind;
  /** The Agents answer may be {"Message", "MessageDetail"} (AgentRequestInvalid). */
  requestInvalid: boolean;
  /** The 2xx values that mean nothing was found or done. */
  noResult: unknown[];
  /** A 200 null is data (no such task), not a failure. */
  nullIsData: boolean;
}

const MODULES: Record<string, 'agents' | 'rest'> = { v1BatchAgent: 'agents', v1Batch: 'rest' };

function camel(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** AssociateIds → associateIds; BatchTaskId → id, BatchTaskIds → ids, BatchTaskInfo → info: "BatchTask" is the area, not the argument. */
function argumentName(property: string): string {
  return camel(property.replace(/^BatchTask(?=[A-Z])/, ''));
}

export function operationFacts(spec: Json): OperationFacts[] {
  const components = spec.components as Record<string, Record<string, Json>>;
  const resolve = (node: unknown): Json => {
    let current = node as Json;
    for (let depth = 0; current && typeof current.$ref === 'string' && depth < 20; depth++) {
      const [, section, name] = /^#\/components\/([^/]+)\/(.+)$/.exec(current.$ref as string) ?? [];
      current = components[section!]?.[name!] as Json;
      if (!current) throw new Error(`Cannot resolve ${String((node as Json).$ref)}`);
    }
    return current;
  };
  const refName = (node: unknown): string | undefined => {
    const ref = (node as Json | undefined)?.$ref;
    return typeof ref === 'string' ? ref.split('/').pop() : undefined;
  };

  const primitive = (node: unknown): boolean => {
    const schema = resolve(node);
    const variants = (schema.oneOf ?? schema.anyOf) as unknown[] | undefined;
    if (variants) return variants.every(primitive);
    if (schema.type === 'array') return primitive(schema.items) && resolve(schema.items).type !== 'array';
    const types = [schema.type ?? (schema.enum ? 'string' : undefined)].flat();
    return types.length > 0 && types.every((type) => ['string', 'integer', 'number', 'boolean', 'null'].includes(type as string));
  };

  /** The schema of the JSON media type of `content` (application/json, with parameters or not, or another JSON type). */
  const jsonSchema = (content: unknown, where: string, what: string): unknown => {
    if (!content) return undefined;
    const types = Object.keys(content as Json);
    const type = types.find((t) => /^application\/json\s*(;|$)/i.test(t)) ?? types.find((t) => /^(application|text)\/([\w.-]+\+)?json\s*(;|$)/i.test(t));
    if (!type) throw new Error(`${where}: ${what} has no JSON media type (${types.join(', ')}); the generated functions send and read JSON`);
    return ((content as Record<string, Json>)[type] as Json).schema;
  };

  /** The alternatives of an answer: anyOf and oneOf taken apart, and a type list's null made a variant of its own. */
  const variantsOf = (node: unknown): unknown[] => {
    const schema = resolve(node);
    const list = (schema.anyOf ?? schema.oneOf) as unknown[] | undefined;
    if (list) return list.flatMap(variantsOf);
    if (Array.isArray(schema.type) && schema.type.includes('null')) {
      const rest = (schema.type as string[]).filter((type) => type !== 'null');
      return [{ type: 'null' }, { ...schema, type: rest.length === 1 ? rest[0] : rest }];
    }
    return [node];
  };

  /** The argument kind of a schema, and for a task the property it requires. */
  const argumentKind = (node: unknown): { kind: ArgumentKind; requires?: string[] | undefined } => {
    if (refName(node) === 'BatchTaskState') return { kind: 'state' };
    const schema = resolve(node);
    if (schema.type === 'integer') return { kind: 'int' };
    if (schema.type === 'string' && !schema.enum) return { kind: 'text' };
    if (schema.type === 'array' && resolve(schema.items).type === 'integer') return { kind: 'ids' };
    // A task: BatchTaskInfoFields (optionally with a required property), or oneOf it and null.
    const variants = (schema.oneOf as unknown[] | undefined)?.filter((v) => resolve(v).type !== 'null') ?? [node];
    if (variants.length === 1) {
      const variant = resolve(variants[0]);
      const fields = refName(variants[0]) === 'BatchTaskInfoFields' || (variant.allOf as unknown[] | undefined)?.some((part) => refName(part) === 'BatchTaskInfoFields');
      if (fields) {
        const required = variant.required as string[] | undefined;
        return required?.length ? { kind: 'task', requires: required } : { kind: 'task' };
      }
    }
    return { kind: 'value' };
  };

  /** The answer's shape, without the null and AgentRequestInvalid an Agents answer may also be. */
  const answerKind = (node: unknown): AnswerKind => {
    if (refName(node) === 'BatchTaskInfo') return 'task';
    if (refName(node) === 'ODataSlimResponse') return 'page';
    const schema = resolve(node);
    if (schema.type === 'integer') return 'id';
    if (schema.type === 'boolean') return 'boolean';
    if (schema.type === 'array' && refName(schema.items) === 'BatchTaskInfo') return 'tasks';
    return 'value';
  };

  const facts: OperationFacts[] = [];
  for (const [path, item] of Object.entries(spec.paths as Record<string, Json>)) {
    for (const [method, value] of Object.entries(item)) {
      const operation = value as Json;
      if (!operation || typeof operation.operationId !== 'string') continue;
      const [prefix, operationName] = (operation.operationId as string).split('_');
      const module = MODULES[prefix!];
      if (!module || !operationName) throw new Error(`${operation.operationId as string}: an operationId of the Batch area starts with v1BatchAgent_ or v1Batch_`);
      // The path item's parameters hold for each of its operations, unless one names its own.
      const own = ((operation.parameters as unknown[] | undefined) ?? []).map(resolve);
      const inherited = ((item.parameters as unknown[] | undefined) ?? []).map(resolve).filter((p) => !own.some((o) => o.name === p.name && o.in === p.in));
      const parameters = [...inherited, ...own];
      const where = `${operation.operationId as string} (${method.toUpperCase()} ${path})`;
      // core.ts builds URLs itself, as openapi-fetch's default serializers would for these.
      for (const parameter of parameters.filter((p) => p.in === 'path' || p.in === 'query')) {
        if (!primitive(parameter.schema)) {
          throw new Error(
            `${operation.operationId as string}: the ${parameter.in as string} parameter ${parameter.name as string} is not a string, number or boolean (or an array of them); ` +
              'the generated functions send only those (core.ts finalUrl, as openapi-fetch would): describe it so, or teach finalUrl its style first.',
          );
        }
      }
      const pathParameters = parameters.filter((p) => p.in === 'path');
      const queryNames = parameters.filter((p) => p.in === 'query').map((p) => p.name as string);

      const bodySchema = jsonSchema((resolve(operation.requestBody ?? {}) as Json).content, where, 'the request body');
      const bodyArguments: Argument[] = [];
      let body: OperationFacts['body'] = 'none';
      if (bodySchema) {
        const resolved = resolve(bodySchema);
        // A carrier: the Agents' request object (its XML name says so), each property an argument.
        if ((resolved.xml as Json | undefined)?.name === 'request' && resolved.properties) {
          body = 'carrier';
          const required = (resolved.required as string[] | undefined) ?? [];
          for (const [property, schema] of Object.entries(resolved.properties as Json)) {
            // Each property is a positional argument, in the schema's order: an optional one has no place there.
            if (!required.includes(property)) throw new Error(`${where}: the request body's ${property} is optional; each property of a carrier is a positional argument of the function, so each must be required`);
            bodyArguments.push({ name: argumentName(property), wire: property, in: 'body', ...argumentKind(schema) });
          }
        } else {
          body = 'whole';
          const kind = argumentKind(bodySchema);
          bodyArguments.push({ name: kind.kind === 'task' ? 'info' : 'body', wire: '', in: 'body', ...kind });
        }
      }

      const success = Object.entries(operation.responses as Record<string, Json>).find(([status]) => /^2(\d\d|XX)$/i.test(status));
      const answerSchema = success && jsonSchema(resolve(success[1]).content, where, `the ${success[0]} answer`);
      const variants = answerSchema ? variantsOf(answerSchema) : [];
      const nullable = variants.some((v) => resolve(v).type === 'null');
      const requestInvalid = variants.some((v) => refName(v) === 'AgentRequestInvalid');
      const shapes = variants.filter((v) => resolve(v).type !== 'null' && refName(v) !== 'AgentRequestInvalid');
      const noResult = (operation['x-so-batch-no-result'] as unknown[] | undefined) ?? [];
      const read = method === 'get' || method === 'head' || operation['x-so-batch-read'] === true;
      // The extensions say something only where they can be true: a wrong one is a spec mistake.
      if (operation['x-so-batch-read'] !== undefined && (method !== 'post' || operation['x-so-batch-read'] !== true)) {
        throw new Error(`${where}: x-so-batch-read is for a POST that only reads, and its value is true`);
      }
      if (!Array.isArray(noResult) || (noResult.includes(null) && !nullable)) {
        throw new Error(`${where}: x-so-batch-no-result lists 200 answers the schema allows (null only where the answer may be null)`);
      }

      const base = {
        module,
        method: method.toUpperCase(),
        path,
        read,
        body,
        query: queryNames.some((name) => name !== '$select'),
        requestInvalid,
        noResult,
        nullIsData: nullable && !noResult.includes(null),
      };
      const pathArgument = (parameter: Json, kind: { kind: ArgumentKind; requires?: string[] | undefined }): Argument => ({
        name: kind.kind === 'int' ? 'id' : kind.kind === 'state' ? 'state' : camel(parameter.name as string),
        wire: parameter.name as string,
        in: 'path',
        ...kind,
      });

      // One path, two meanings (GET /BatchTask/{id} and /BatchTask/{state}): a function for each.
      const meanings = operation['x-so-batch-meanings'] as Json[] | undefined;
      if (meanings) {
        if (pathParameters.length !== 1) throw new Error(`${where}: x-so-batch-meanings tells apart the values of one path parameter; this path has ${pathParameters.length}`);
        for (const meaning of meanings) {
          const [, name] = (meaning.operationId as string).split('_');
          const kind: ArgumentKind = meaning.parameter === 'integer' ? 'int' : meaning.parameter === 'BatchTaskState' ? 'state' : 'value';
          facts.push({
            ...base,
            operationId: meaning.operationId as string,
            name: camel(name!),
            summary: meaning.summary as string,
            arguments: [pathArgument(pathParameters[0]!, { kind }), ...bodyArguments],
            select: false,
            answer: meaning.response === 'BatchTaskInfo' ? 'task' : meaning.response === 'BatchTaskInfo[]' ? 'tasks' : 'value',
          });
        }
        continue;
      }
      const answer: AnswerKind = !success || success[0] === '204' || shapes.length === 0 ? 'none' : shapes.length === 1 ? answerKind(shapes[0]) : 'value';
      facts.push({
        ...base,
        operationId: operation.operationId as string,
        name: camel(operationName),
        summary: operation.summary as string,
        arguments: [...pathParameters.map((p) => pathArgument(p, argumentKind(p.schema))), ...bodyArguments],
        select: queryNames.includes('$select') && !base.query && (answer === 'task' || answer === 'tasks'),
        answer,
      });
    }
  }
  return facts;
}

// ---- rendering ----

const ARGUMENT_TYPES: Record<Exclude<ArgumentKind, 'task' | 'value'>, string> = {
  int: 'number',
  ids: 'readonly number[]',
  text: 'string',
  state: 'BatchTaskState',
};

function argumentType(operation: OperationFacts, argument: Argument): string {
  if (argument.kind === 'task') {
    if (!argument.requires) return 'BatchTaskInfoInput';
    const typeOf = (name: string) => (name === 'Id' ? 'number' : name === 'Name' ? 'string' : `NonNullable<BatchTaskInfoInput['${name}']>`);
    return `BatchTaskInfoInput & { ${argument.requires.map((name) => `${name}: ${typeOf(name)}`).join('; ')} }`;
  }
  if (argument.kind === 'value') {
    const body = `NonNullable<operations['${operation.operationId}']['requestBody']>['content']['application/json']`;
    if (argument.in === 'path') return `operations['${operation.operationId}']['parameters']['path']['${argument.wire}']`;
    return argument.wire ? `${body}['${argument.wire}']` : body;
  }
  return ARGUMENT_TYPES[argument.kind];
}

function answerType(operation: OperationFacts): string {
  // An answer without select is a full one: the never-null properties are typed without null.
  const task = operation.select ? 'Selected<K>' : 'FullBatchTaskInfo';
  const types: Record<AnswerKind, string> = {
    none: 'undefined',
    task,
    tasks: `${task}[]`,
    id: 'number',
    boolean: 'boolean',
    page: 'ODataSlimResponse',
    value: `Answer<'${operation.operationId}'>`,
  };
  return types[operation.answer] + (operation.nullIsData ? ' | null' : '');
}

/** The run-time check of one argument: throws, naming the operation and the argument. */
function checked(argument: Argument): string {
  switch (argument.kind) {
    case 'task':
      return `checkTask(${argument.name}, ${argument.requires ? JSON.stringify(argument.requires).replaceAll('"', "'") : '[]'}, operation)`;
    case 'value':
      return `checkPresent(${argument.name}, '${argument.name}', operation)`;
    default:
      return `check${argument.kind.charAt(0).toUpperCase()}${argument.kind.slice(1)}(${argument.name}, '${argument.name}', operation)`;
  }
}

function describe(operation: OperationFacts): string {
  const lines = [`${operation.operationId}, \`${operation.method} ${operation.path}\`: ${operation.summary}.`];
  if (operation.body === 'carrier') lines.push(`Sends { ${operation.arguments.filter((a) => a.in === 'body').map((a) => `${a.wire}: ${a.name}`).join(', ')} }.`);
  if (operation.nullIsData) lines.push('`data` is null when there is no such task (the server\'s 200 null).');
  if (operation.noResult.length) lines.push(`An answer of ${operation.noResult.map((v) => JSON.stringify(v)).join(' or ')} is a BatchNullResponseError.`);
  lines.push(operation.read ? 'A read: retried on failure.' : 'Never retried.');
  return `/**\n${lines.map((line) => ` * ${line}`).join('\n')}\n */`;
}

function signature(operation: OperationFacts, forMethod: boolean): string {
  const generic = operation.select ? '<const K extends BatchTaskProperty = BatchTaskProperty>' : '';
  const parameters = forMethod ? [] : ['client: AnyBatchClient'];
  for (const argument of operation.arguments) parameters.push(`${argument.name}: ${argumentType(operation, argument)}`);
  if (operation.query) parameters.push(forMethod ? `query?: Query<'${operation.operationId}'>` : `query: Query<'${operation.operationId}'> = {}`);
  parameters.push(`options?: ${operation.select ? 'SelectOptions<K>' : 'CallOptions'}`);
  return `${operation.name}${generic}(${parameters.join(', ')}): Promise<BatchResult<${answerType(operation)}>>`;
}

function renderFunction(operation: OperationFacts): string {

  const request: string[] = [`operation`, `method: '${operation.method}'`, `path: '${operation.path}'`];
  if (operation.read) request.push('read: true');
  const pathArguments = operation.arguments.filter((a) => a.in === 'path');
  if (pathArguments.length) request.push(`params: { ${pathArguments.map((a) => `${a.wire}: ${checked(a)}`).join(', ')} }`);
  if (operation.query) request.push(`query: checkQuery(query, operation)`);
  const bodyArguments = operation.arguments.filter((a) => a.in === 'body');
  if (operation.body === 'carrier') request.push(`body: { ${bodyArguments.map((a) => `${a.wire}: ${checked(a)}`).join(', ')} }`);
  if (operation.body === 'whole') request.push(`body: ${checked(bodyArguments[0]!)}`);
  if (operation.select) request.push('select: options?.select');
  request.push(`answer: '${operation.answer}'`);
  if (operation.requestInvalid) request.push('agents: true');
  if (operation.noResult.length) request.push(`noResult: ${JSON.stringify(operation.noResult)}`);
  if (operation.nullIsData) request.push('nullIsData: true');

  return `${describe(operation)}
export async function ${signature(operation, false)} {
  const operation = '${operation.operationId}';
  return call(client, { ${request.join(', ')} }, options);
}`;
}

const CHECKS = ['checkInt', 'checkIds', 'checkText', 'checkState', 'checkTask', 'checkPresent', 'checkQuery'] as const;

/** `source` is where src/ is, seen from the generated file (a test generates elsewhere). */
export function renderModule(facts: OperationFacts[], module: 'agents' | 'rest', header: string, source = '..'): string {
  const operations = facts.filter((f) => f.module === module);
  const functions = operations.map(renderFunction);
  const interfaceName = module === 'agents' ? 'AgentsClient' : 'RestClient';
  const methods = operations.map((operation) => `${describe(operation).replace(/^/gm, '  ')}\n  ${signature(operation, true)};`);
  const body = `${functions.join('\n\n')}

/** Every function above as a method, the client given: what createBatchClient().${module} is. */
export interface ${interfaceName} {
${methods.join('\n')}
}`;
  const checks = CHECKS.filter((name) => new RegExp(`\\b${name}\\(`).test(body));
  const types = ['AnyBatchClient', 'BatchResult', 'CallOptions', 'SelectOptions', 'Answer', 'Query'].filter((name) => new RegExp(`\\b${name}\\b`).test(body));
  const modelTypes = ['BatchTaskInfo', 'BatchTaskInfoInput', 'BatchTaskProperty', 'BatchTaskState', 'FullBatchTaskInfo', 'ODataSlimResponse', 'Selected'].filter((name) => new RegExp(`\\b${name}\\b`).test(body));
  const title = module === 'agents' ? 'The Agents calls (`POST /api/v1/Agents/Batch/*`)' : 'The REST calls (`/api/v1/BatchTask...`)';
  return `${header}
// ${title}, a function per operation. Each takes the client from
// createBatchCore() (or createBatchClient()). Import only those you call: a bundler leaves the others out.
import { call, ${types.map((name) => `type ${name}`).join(', ')} } from '${source}/core.ts';
import { ${checks.join(', ')} } from '${source}/checks.ts';
${/\boperations\[/.test(body) ? "import type { operations } from './schema.gen.ts';\n" : ''}import type { ${modelTypes.join(', ')} } from '${source}/types.ts';

${body}
`;
}

/** reads.gen.ts: the POSTs that only read, for the redirect policy of requests that name no operation (`client.raw`). */
export function renderReads(facts: OperationFacts[], header: string): string {
  const paths = [...new Set(facts.filter((f) => f.read && f.method === 'POST').map((f) => f.path))];
  return `${header}
// The POSTs the spec marks x-so-batch-read: reads, which follow redirects within the installation.
export const READ_POSTS: readonly string[] = [
${paths.map((path) => `  '${path}',`).join('\n')}
];
`;
}
