import { createBatchClient, type BatchClient } from '@so-batch/client';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { arbitraryFor, mutationsOf, type Mutation } from './arbitrary.ts';
import { CLIENT_CALLS } from './cases.ts';
import { loadOperations, loadSpec, resolve, type OpenApiDocument, type Schema, type SpecOperation } from './openapi.ts';
import { Summary } from './summary.ts';
import { startTarget, type Scheme, type Target } from './target.ts';
import { createValidator } from './validator.ts';
import { parseXml, toXml } from './xml-body.ts';

const SEED = 20261122;
const RUNS = 100;
const JSON_TYPES = ['application/json', 'text/json'];
const PRISM_XML_ISSUE = 'Prism validates XML bodies as JSON (stoplightio/prism#2050)';
const PRISM_TEXT_JSON = 'Prism parses only application/json bodies as JSON and sees a text/json body as a string (no Prism issue found)';
const PRISM_MALFORMED_ISSUE = "Prism's proxy never answers a malformed JSON body (stoplightio/prism#2664)";

interface SendOptions {
  body?: unknown;
  rawBody?: string;
  contentType?: string;
  accept?: string;
  /** A scheme whose credentials to send; null for none. */
  auth?: Scheme | null;
  headers?: Record<string, string>;
  method?: string;
  pathValues?: Record<string, string>;
  query?: string;
  /** Past Prism's proxy, straight to the server behind it. */
  direct?: boolean;
}

export interface Reply {
  status: number;
  mediaType: string;
  headers: Headers;
  text: string;
  json: unknown;
  /** What Prism's proxy found wrong with the response (sl-violations), when it validates. */
  responseViolations: string[];
}

function camelCaseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelCaseKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key.charAt(0).toLowerCase() + key.slice(1), camelCaseKeys(child)]));
  }
  return value;
}

export function defineContractSuite(mode: Target['mode']): void {
  const doc = loadSpec();
  const operations = loadOperations(doc);
  const validator = createValidator(doc);
  const summary = new Summary(mode, operations.map((op) => op.operationId));
  let target: Target;
  let client: BatchClient;
  const defaultScheme = (): Scheme => (Object.keys(target.credentials) as Scheme[])[0]!;

  beforeAll(async () => {
    target = await startTarget(mode);
    client = createBatchClient({
      baseUrl: target.url,
      auth: target.clientAuth,
      retry: false,
      ...(target.commonHeaders['SO-AppToken'] ? { appToken: target.commonHeaders['SO-AppToken'] } : {}),
    });
  }, 60_000);

  afterAll(async () => {
    console.log(summary.text());
    summary.write();
    await target?.stop();
  });

  // A failing test shows what the target logged while it ran.
  beforeEach((context) => {
    const from = target?.logs.length ?? 0;
    context.onTestFailed(() => {
      const lines = target.logs.slice(from);
      const shown = lines.length > 60 ? ['…', ...lines.slice(-60)] : lines;
      console.error(`--- target log for "${context.task.name}" ---\n${shown.join('\n') || '(nothing logged)'}`);
    });
  });

  async function send(op: SpecOperation, options: SendOptions = {}): Promise<Reply> {
    const base = options.direct && target.upstreamUrl ? target.upstreamUrl : target.url;
    const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
      encodeURIComponent(options.pathValues?.[name] ?? String(op.pathParameters.find((p) => p.name === name)?.example ?? '')),
    );
    const scheme = options.auth === undefined ? defaultScheme() : options.auth;
    const headers: Record<string, string> = { ...target.commonHeaders, ...(scheme ? target.credentials[scheme] : {}), Accept: options.accept ?? 'application/json', ...options.headers };
    let body: string | undefined = options.rawBody;
    if (body === undefined && options.body !== undefined) {
      const type = options.contentType ?? 'application/json';
      body = JSON_TYPES.includes(type) ? JSON.stringify(options.body) : toXml(options.body);
    }
    if (body !== undefined) headers['Content-Type'] = options.contentType ?? 'application/json';
    const response = await fetch(`${base}${path}${options.query ?? ''}`, { method: options.method ?? op.method, headers, body: body ?? null, signal: AbortSignal.timeout(10_000) });
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    const violations = JSON.parse(response.headers.get('sl-violations') ?? '[]') as { location: string[]; message: string }[];
    return {
      status: response.status,
      mediaType: (response.headers.get('content-type') ?? '').split(';')[0]!.trim(),
      headers: response.headers,
      text,
      json,
      responseViolations: violations.filter((v) => v.location[0] === 'response').map((v) => `${v.location.join('.')}: ${v.message}`),
    };
  }

  /** The reply is declared for the operation, and its body matches the declared schema. */
  function expectConformant(op: SpecOperation, reply: Reply): void {
    const body = JSON_TYPES.includes(reply.mediaType) ? reply.json : undefined;
    expect(validator.response(op, reply.status, reply.mediaType, body), reply.text.slice(0, 500)).toEqual([]);
    // Where one operation serves two pages, each page's answer has its own shape.
    if (op.meaning && reply.status < 300 && body !== undefined) expect(Array.isArray(body), `${op.operationId} answers ${op.meaning.response}`).toBe(op.meaning.response.endsWith('[]'));
    // Prism can only check application/json bodies (see the skips for XML and text/json).
    if (target.prismValidates && reply.mediaType === 'application/json') expect(reply.responseViolations).toEqual([]);
  }

  /** A 4xx with the machine-readable SuperOffice error body; never 2xx, 5xx or a hang. */
  function expectClientError(reply: Reply, status?: number): void {
    if (status) expect(reply.status, reply.text).toBe(status);
    expect(reply.status, reply.text).toBeGreaterThanOrEqual(400);
    expect(reply.status, reply.text).toBeLessThan(500);
    expect(reply.mediaType).toMatch(/json/);
    expect(validator.schema('ErrorBody', reply.json), reply.text).toEqual([]);
  }

  const sampleBody = (op: SpecOperation) => op.requestBody?.example;
  const okStatus = (op: SpecOperation) => Number(op.responses.find((r) => r.status.startsWith('2'))!.status);

  function requestExamples(op: SpecOperation): [string, unknown][] {
    const raw = resolve<Schema>(doc, (doc.paths[op.path] as Schema)[op.method.toLowerCase()]);
    const body = resolve<{ content: Record<string, { examples?: Record<string, unknown> }> }>(doc, raw.requestBody);
    return Object.entries(body.content['application/json']?.examples ?? {}).map(([name, example]) => [name, resolve<{ value: unknown }>(doc, example).value]);
  }

  /** The XML answer carries the JSON answer's root and values, in the server's DataContract style. */
  function expectXmlMatchesJson(xml: Record<string, unknown>, json: unknown): void {
    const root = Array.isArray(json) ? 'ArrayOfBatchTaskInfo' : typeof json === 'number' ? 'int' : typeof json === 'boolean' ? 'boolean' : 'value' in (json as object) ? 'ODataSlimResponse' : 'BatchTaskInfo';
    expect(Object.keys(xml)).toEqual([root]);
    const element = xml[root] as Record<string, unknown> | string;
    if (typeof json !== 'object' || json === null) {
      expect(String(typeof element === 'object' ? element['#text'] : element)).toBe(String(json));
      return;
    }
    const first = Array.isArray(json) ? json[0] : json;
    const node = Array.isArray(json) ? [(element as Record<string, unknown>).BatchTaskInfo].flat()[0] : element;
    for (const [key, value] of Object.entries(first as object).filter(([, v]) => v !== null && typeof v !== 'object').slice(0, 5)) {
      expect(String((node as Record<string, unknown>)[key]), key).toBe(String(value));
    }
  }
  const may = (op: SpecOperation) => op.readOnly || target.writes;
  const skipWrites = (op: SpecOperation, context: { skip: (note?: string) => void }) => {
    if (!may(op)) {
      summary.skip(`${op.operationId}: changes data on a real server; set SO_CONTRACT_WRITES=1 to include it`);
      context.skip();
    }
  };

  it('has cases for every operation the spec declares', () => {
    for (const op of operations) expect(CLIENT_CALLS[op.operationId], `no contract cases for ${op.operationId}: add its client call to src/cases.ts`).toBeTypeOf('function');
    expect(Object.keys(CLIENT_CALLS).sort()).toEqual(operations.map((op) => op.operationId).sort());
  });

  describe.each(operations.map((op) => [op.operationId, op] as const))('%s', (operationId, op) => {
    it('through the typed client: success status, Content-Type and body conform', async (context) => {
      skipWrites(op, context);
      const result = await CLIENT_CALLS[operationId]!(client);
      const response = result.response;
      if (result.error && result.error.kind !== 'null-response') throw result.error;
      expect(response, 'the client returns the response').toBeDefined();
      expect(response!.status).toBeGreaterThanOrEqual(200);
      expect(response!.status).toBeLessThan(300);
      if (response!.status === 204) {
        expect(result.data).toBeUndefined();
        expect(validator.response(op, 204, '', undefined)).toEqual([]);
      } else {
        expect(response!.headers.get('content-type')).toMatch(/^application\/json/);
        const body = result.error ? null : result.data;
        expect(validator.response(op, response!.status, 'application/json', body)).toEqual([]);
        if (op.meaning) expect(Array.isArray(body)).toBe(op.meaning.response.endsWith('[]'));
      }
      if (target.prismValidates) expect(JSON.parse(response!.headers.get('sl-violations') ?? '[]').filter((v: { location: string[] }) => v.location[0] === 'response')).toEqual([]);
      summary.count(operationId, 'client-call');
    });

    if (op.requestBody) {
      const samples = requestExamples(op);
      it.for(samples)('the reference page\'s sample request "%s" gets 2xx and a conformant body', async ([, value], context) => {
        skipWrites(op, context);
        const reply = await send(op, { body: value });
        expect(reply.status, reply.text).toBeGreaterThanOrEqual(200);
        expect(reply.status, reply.text).toBeLessThan(300);
        expectConformant(op, reply);
        summary.count(operationId, 'page-sample');
      });
    }

    const declared: [string, string | undefined][] = op.responses.flatMap((r) =>
      r.examples.length > 1 || (op.meaning && r.examples.length) ? r.examples.map((example): [string, string | undefined] => [r.status, example]) : [[r.status, undefined]],
    );
    it.for(declared)('declared response %s (example %s) is served and conforms', async ([status, example], context) => {
      if (!target.honoursPrefer) {
        summary.skip(`${operationId} ${status}: a real server does not pick responses by Prefer`);
        return context.skip();
      }
      skipWrites(op, context);
      const prefer = `code=${status}${example ? `, example=${example}` : ''}`;
      const reply = await send(op, { body: sampleBody(op), headers: { Prefer: prefer } });
      expect(reply.status, reply.text).toBe(Number(status));
      expectConformant(op, reply);
      summary.count(operationId, 'declared-response');
    });

    describe('credentials', () => {
      it.for(['Basic', 'SOTicket', 'Bearer', 'XSRF'] as const)('%s is accepted', async (scheme, context) => {
        if (!target.credentials[scheme]) {
          summary.skip(`${operationId}: no ${scheme} credentials given`);
          return context.skip();
        }
        skipWrites(op, context);
        const reply = await send(op, { body: sampleBody(op), auth: scheme });
        expect(reply.status, reply.text).toBeGreaterThanOrEqual(200);
        expect(reply.status, reply.text).toBeLessThan(300);
        expectConformant(op, reply);
        summary.count(operationId, 'auth');
      });

      it('no credentials get 401', async () => {
        const reply = await send(op, { body: sampleBody(op), auth: null });
        expectClientError(reply, 401);
        expectConformant(op, reply);
        summary.count(operationId, 'auth');
      });

      it.each(['Basic !!not-base64!!', 'Token abc123', 'Bearer', 'SOTicket two words'])('a malformed Authorization (%s) gets 401', async (authorization) => {
        const reply = await send(op, { body: sampleBody(op), auth: null, headers: { Authorization: authorization } });
        expectClientError(reply, 401);
        summary.count(operationId, 'auth');
      });
    });

    describe('negative data gets a 4xx with a machine-readable body', () => {
      if (op.requestBody) {
        const body = op.requestBody;
        const mutations = mutationsOf(doc, body.schema, body.example);
        for (const kind of ['wrong-type', 'missing-required', 'unknown-enum-value', 'unknown-property'] as const) {
          const mutation = mutations.find((m) => m.kind === kind && validator.requestBody(op, m.body).length > 0);
          if (!mutation) continue;
          it(`${kind} (${mutation.path})`, async (context) => {
            if (!target.strict) {
              summary.skip(`${operationId} ${kind}: a real server binds leniently; the spec's stricter rules are checked against the mock`);
              return context.skip();
            }
            skipWrites(op, context);
            expectClientError(await send(op, { body: mutation.body }), 400);
            summary.count(operationId, 'negative');
          });
        }

        it('a wrong Content-Type gets 415', async (context) => {
          skipWrites(op, context);
          expectClientError(await send(op, { rawBody: 'Id=189', contentType: 'text/plain' }), 415);
          summary.count(operationId, 'negative');
        });

        it(`malformed JSON gets 400 at once${mode === 'mock' ? '' : ` (sent past Prism: ${PRISM_MALFORMED_ISSUE})`}`, async (context) => {
          skipWrites(op, context);
          expectClientError(await send(op, { rawBody: '{"Id": 189,', direct: true }), 400);
          summary.count(operationId, 'negative');
        });

        it('an oversized body (2 MiB) gets 413', async (context) => {
          skipWrites(op, context);
          const reply = await send(op, { rawBody: JSON.stringify({ ...(body.example as object), Padding: 'x'.repeat(2 * 1024 * 1024) }) });
          expectClientError(reply, 413);
          summary.count(operationId, 'negative');
        });
      }
      for (const parameter of op.pathParameters) {
        const enumValues = resolve<Schema>(doc, parameter.schema).enum as string[] | undefined;
        const bad = enumValues ? 'NotAState' : 'NotAnId';
        it(`a ${parameter.name} that is not ${enumValues ? 'a state' : 'an id'} (${bad}) gets 400 naming the problem`, async (context) => {
          skipWrites(op, context);
          const reply = await send(op, { pathValues: { [parameter.name]: bad }, body: sampleBody(op) });
          expectClientError(reply, 400);
          expect((reply.json as { ErrorMessage: string }).ErrorMessage).toMatch(enumValues ? /Succeeded/ : new RegExp(parameter.name, 'i'));
          summary.count(operationId, 'negative');
        });
      }
      for (const parameter of op.queryParameters.filter((q) => q.schema.enum || q.schema.type === 'integer').slice(0, 2)) {
        it(`a ${parameter.name} of the wrong kind gets 400`, async (context) => {
          skipWrites(op, context);
          const reply = await send(op, { query: `?${encodeURIComponent(parameter.name)}=not-valid`, body: sampleBody(op) });
          expectClientError(reply, 400);
          expect((reply.json as { ErrorMessage: string }).ErrorMessage).toContain(parameter.name);
          summary.count(operationId, 'negative');
        });
      }

      it('an unsupported method gets 405 (with Allow)', async () => {
        const declaredMethods = Object.keys(doc.paths[op.path]!).map((m) => m.toUpperCase());
        const method = ['PATCH', 'PUT', 'DELETE', 'POST', 'GET'].find((m) => !declaredMethods.includes(m))!;
        const reply = await send(op, { method, body: sampleBody(op) });
        expectClientError(reply, 405);
        expect(reply.headers.get('allow')?.split(/,\s*/).sort()).toEqual(declaredMethods.sort());
        summary.count(operationId, 'negative');
      });
    });

    describe(`generated cases (fast-check, seed ${SEED}, ${RUNS} runs)`, () => {
      const valid: fc.Arbitrary<SendOptions> = op.requestBody
        ? arbitraryFor(doc, op.requestBody.schema).map((body) => ({ body }))
        : fc
            .record({
              pathValues: fc.record(Object.fromEntries(op.pathParameters.map((p) => [p.name, pathValueArbitrary(doc, p.schema)]))),
              query: fc.record(Object.fromEntries(op.queryParameters.map((q) => [q.name, arbitraryFor(doc, q.schema)])), { requiredKeys: [] }),
            })
            .map(({ pathValues, query }) => {
              const search = new URLSearchParams(Object.entries(query).map(([name, value]) => [name, String(value)])).toString();
              return { pathValues: pathValues as Record<string, string>, ...(search ? { query: `?${search}` } : {}) };
            });

      it('valid requests generated from the schema are accepted', async (context) => {
        skipWrites(op, context);
        await fc.assert(
          fc.asyncProperty(valid, async (options) => {
            if (options.body !== undefined) expect(validator.requestBody(op, options.body), 'the generator made an invalid body').toEqual([]);
            const reply = await send(op, options);
            expect(reply.status, `${JSON.stringify(options).slice(0, 300)} → ${reply.text.slice(0, 300)}`).toBe(okStatus(op));
            expectConformant(op, reply);
          }),
          { seed: SEED, numRuns: RUNS },
        );
        summary.count(operationId, 'generated-valid', RUNS);
      });

      it('requests mutated to break the schema are rejected', async (context) => {
        if (!target.strict) {
          summary.skip(`${operationId} generated invalid cases: a real server binds leniently`);
          return context.skip();
        }
        skipWrites(op, context);
        const invalid: fc.Arbitrary<{ options: SendOptions; mutation: Mutation | undefined }> = op.requestBody
          ? arbitraryFor(doc, op.requestBody.schema)
              .chain((body) => fc.constantFrom(...mutationsOf(doc, op.requestBody!.schema, body)))
              .map((mutation) => ({ options: { body: mutation.body }, mutation }))
          : op.pathParameters.length
            ? fc
                .stringMatching(/^[A-Za-z][A-Za-z0-9]{0,19}$/)
                .filter((value) => !op.pathParameters.some((p) => ((resolve<Schema>(doc, p.schema).enum as string[] | undefined) ?? []).some((e) => e.toLowerCase() === value.toLowerCase())))
                .map((value) => ({ options: { pathValues: Object.fromEntries(op.pathParameters.map((p) => [p.name, value])) }, mutation: undefined }))
            : fc
                .constantFrom(...op.queryParameters.filter((q) => q.schema.enum || q.schema.type === 'integer'))
                .chain((q) => fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,11}$/).filter((v) => !((q.schema.enum as string[] | undefined) ?? []).includes(v)).map((v) => ({ q, v })))
                .map(({ q, v }) => ({ options: { query: `?${encodeURIComponent(q.name)}=${v}` }, mutation: undefined }));
        await fc.assert(
          fc.asyncProperty(invalid, async ({ options, mutation }) => {
            if (mutation) fc.pre(validator.requestBody(op, mutation.body).length > 0);
            const reply = await send(op, options);
            expectClientError(reply);
          }),
          { seed: SEED, numRuns: RUNS },
        );
        summary.count(operationId, 'generated-invalid', RUNS);
      });
    });

    if (op.requestBody) it('camelCase request bodies, as SuperOffice\'s own clients send them, are accepted', async (context) => {
      skipWrites(op, context);
      const pascal = await send(op, { body: sampleBody(op) });
      const camel = await send(op, { body: camelCaseKeys(sampleBody(op)) });
      expect(camel.status, camel.text).toBe(okStatus(op));
      expect(camel.json).toEqual(pascal.json);
      summary.count(operationId, 'camel-case');
    });

    const ok = op.responses.find((r) => r.status.startsWith('2'))!;
    if (op.requestBody || ok.mediaTypes.length) describe('media types', () => {
      for (const type of op.requestBody?.mediaTypes ?? []) {
        it(`request body as ${type}`, async (context) => {
          skipWrites(op, context);
          const reply = await send(op, { body: sampleBody(op), contentType: type });
          expect(reply.status, reply.text).toBe(okStatus(op));
          expectConformant(op, reply);
          summary.count(operationId, 'media-type');
        });
      }
      for (const type of ok.mediaTypes) {
        it(`response as ${type}`, async (context) => {
          skipWrites(op, context);
          const reply = await send(op, { body: sampleBody(op), accept: type });
          expect(reply.status, reply.text).toBe(Number(ok.status));
          expect(reply.mediaType).toBe(type);
          if (JSON_TYPES.includes(type)) {
            expectConformant(op, reply);
          } else {
            const json = (await send(op, { body: sampleBody(op) })).json;
            expectXmlMatchesJson(parseXml(reply.text), json);
          }
          summary.count(operationId, 'media-type');
        });
        if (type !== 'application/json' && mode !== 'mock') {
          const reason = JSON_TYPES.includes(type) ? PRISM_TEXT_JSON : PRISM_XML_ISSUE;
          it.skip(`Prism checks the ${type} response against the spec (${reason})`, () => {});
          summary.skip(`${operationId} ${type}: ${reason}; the suite checks the body itself instead`);
        }
      }
    });
  });
}

/** Path values for a parameter: int32 ids, or a state name in any letter case (the server binds them so). */
function pathValueArbitrary(doc: OpenApiDocument, schema: Schema): fc.Arbitrary<string> {
  const resolved = resolve<Schema>(doc, schema);
  if (resolved.enum) return fc.constantFrom(...(resolved.enum as string[])).chain((value) => fc.mixedCase(fc.constant(value)));
  return fc.integer({ min: 0, max: 2147483647 }).map(String);
}
