import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { checkCredentials, WWW_AUTHENTICATE } from './credentials.ts';
import { jsonNestsDeeperThan, xmlNestsDeeperThan } from './nesting.ts';
import { enumValues, indexOperations, isPlaceholder, matchOperation, meaningOf, placeholderValue, resolve, type OpenApiDocument, type Operation, type Schema } from './spec.ts';
import { answerFromStore } from './answers.ts';
import { answerControl, isControlPath, isLoopbackAddress, type ControlOptions } from './control.ts';
import { errorTypeOf, FaultSet, type FaultHit, type RateLimiter } from './faults.ts';
import { callerOf } from './credentials.ts';
import { StoreProblem, type TaskStore } from './store.ts';
import { applySelect, canonicalEnumValue, toWireNames } from './wire-names.ts';
import { jsonToXml, xmlToJson, XmlSyntaxError } from './xml.ts';

// The front of the mock: a small HTTP server in front of Prism that does what the real server
// does and Prism does not. It checks credentials (Prism knows no SOTicket scheme), answers a
// malformed body with 400 at once (Prism never answers it), refuses an oversized body, binds
// property names case-insensitively, turns Prism's validation findings into the SuperOffice
// error body, applies $select, and speaks XML. It also serves the mock's own control API
// (/mock/..., control.ts), applies the rate limit and the fault rules (faults.ts) to /api.

/** What a client may spend of the mock: each size and time it controls has a cap. */
export interface FrontLimits {
  /** The largest request body accepted, in bytes; a larger one gets 413. */
  bodyLimit: number;
  /** How deeply a JSON or XML body may nest (arrays and objects, or elements); deeper gets 400. */
  depthLimit: number;
  /** How long a client may take to send a request's headers, in ms; then 408 and the connection closes. */
  headersTimeoutMs: number;
  /** How long a client may take to send a whole request, body included, in ms; then 408 and the connection closes. */
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open between requests, in ms. */
  keepAliveTimeoutMs: number;
  /** The largest request head (request line and headers), in bytes; a larger one gets 431. */
  headerLimit: number;
  /** How many connections are served at once; a request on one more gets 503 with Retry-After and the connection closes. */
  maxConnections: number;
}

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

export const DEFAULT_LIMITS: Readonly<FrontLimits> = {
  bodyLimit: DEFAULT_BODY_LIMIT,
  depthLimit: 64,
  headersTimeoutMs: 5_000,
  requestTimeoutMs: 10_000,
  keepAliveTimeoutMs: 5_000,
  headerLimit: 16 * 1024,
  maxConnections: 256,
};

/** The limits asked for, the defaults for the rest; throws a RangeError naming a value that cannot be a limit. */
export function resolveLimits(asked: Partial<FrontLimits>): FrontLimits {
  const limits = { ...DEFAULT_LIMITS };
  for (const name of Object.keys(DEFAULT_LIMITS) as (keyof FrontLimits)[]) {
    const value = asked[name];
    if (value === undefined) continue;
    if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`The mock's ${name} must be a positive whole number, not ${String(value)}.`);
    limits[name] = value;
  }
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) {
    throw new RangeError(`The mock's headersTimeoutMs (${limits.headersTimeoutMs}) cannot be longer than its requestTimeoutMs (${limits.requestTimeoutMs}).`);
  }
  return limits;
}

export interface FrontOptions extends FrontLimits {
  doc: OpenApiDocument;
  /** Where Prism listens, such as http://127.0.0.1:4011. */
  prismUrl: string;
  /** The tasks every operation answers from (see store.ts). */
  store: TaskStore;
  log: (line: string) => void;
  /** The control API (/mock/...) and the fault rules it and mock.faults steer; without it, no control API and no faults. */
  control?: ControlOptions | undefined;
  /** `startMock({ rateLimit })`: requests to /api past it get 429 with Retry-After. */
  rateLimiter?: RateLimiter | undefined;
}

/** Prism checks security too; it gets this placeholder, so that it never sees a real credential. */
const PRISM_CREDENTIALS = `Basic ${Buffer.from('so-batch-mock:placeholder').toString('base64')}`;

const JSON_TYPES = ['application/json', 'text/json'];
const XML_TYPES = ['application/xml', 'text/xml'];

interface ErrorReply {
  status: number;
  type: string;
  message: string;
  headers?: Record<string, string>;
}

class RequestProblem extends Error {
  readonly reply: ErrorReply;
  constructor(reply: ErrorReply) {
    super(reply.message);
    this.reply = reply;
  }
}

/** The client went away (or was cut off) before its request was read: nobody is left to answer. */
class ClientGone extends Error {}

/** The SuperOffice error body, as every error the mock makes answers. */
function errorBody(reply: Pick<ErrorReply, 'type' | 'message'>) {
  return { Error: true, ErrorType: reply.type, ErrorMessage: reply.message, ErrorSource: 'so-batch mock' };
}

function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase();
}

/** The response media type the Accept header prefers; JSON when it names none we serve, as ASP.NET does. */
export function negotiate(accept: string | undefined): string {
  const offers = (accept ?? '')
    .split(',')
    .map((part, index) => {
      const [type, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
      const q = Number(params.find((p) => p.startsWith('q='))?.slice(2) ?? 1);
      return { type: type ?? '', q: Number.isFinite(q) ? q : 1, index };
    })
    .filter((offer) => offer.type && offer.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const offer of offers) {
    if ([...JSON_TYPES, ...XML_TYPES].includes(offer.type)) return offer.type;
    if (offer.type === '*/*' || offer.type === 'application/*') return 'application/json';
    if (offer.type === 'text/*') return 'text/json';
  }
  return 'application/json';
}

/** Past the limit a body is read and thrown away up to this size; beyond it the connection is cut. */
const DISCARD_LIMIT = 32 * 1024 * 1024;

/**
 * Reads a body of up to `limit` bytes. Past the limit it refuses at once (413) but goes on reading
 * and discarding, so that a client that writes its whole body before it reads (as proxies do)
 * gets the 413 rather than a broken pipe, and the connection stays usable. Nothing past the
 * limit is kept, and a body past DISCARD_LIMIT costs the client its connection.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    const refuse = () => {
      refused = true;
      chunks.length = 0;
      reject(tooLarge(limit));
    };
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > DISCARD_LIMIT) {
      reject(tooLarge(limit, { connection: 'close' }));
      return;
    }
    if (Number.isFinite(declared) && declared > limit) refuse();
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (refused) {
        if (size > DISCARD_LIMIT) req.socket.destroy();
      } else if (size > limit) refuse();
      else chunks.push(chunk);
    });
    req.on('end', () => {
      if (!refused) resolveBody(Buffer.concat(chunks));
    });
    // An upload the client abandons (or the request timeout cuts) errors with "aborted", or just
    // closes: either way the body will not come, and it is not the mock's fault.
    req.on('error', () => reject(new ClientGone('client aborted')));
    req.on('close', () => {
      if (!req.complete) reject(new ClientGone('client aborted'));
    });
  });
}

function tooLarge(limit: number, headers: Record<string, string> = {}): RequestProblem {
  return new RequestProblem({ status: 413, type: 'PayloadTooLarge', message: `The request body is larger than ${limit} bytes.`, headers });
}

interface PrismViolation {
  location?: string[];
  message?: string;
}

function describeViolations(header: string | null): string | undefined {
  if (!header) return undefined;
  try {
    const violations = JSON.parse(header) as PrismViolation[];
    // Prism spells a key as a JSON Pointer token (~1 for "/", ~0 for "~"): a ParameterObject key
    // is the client's own, so the message names it as sent.
    const unescape = (text: string) => text.replace(/~1/g, '/').replace(/~0/g, '~');
    const lines = violations.map((v) => {
      const where = unescape((v.location ?? []).filter((part) => part !== 'request').join('.'));
      const message = unescape(v.message ?? 'invalid');
      return where ? `${where}: ${message}` : message;
    });
    return lines.length ? lines.join('; ') : undefined;
  } catch {
    return undefined;
  }
}

type DeclaredResponse = { content?: Record<string, { schema?: Schema; examples?: Record<string, unknown> }> };

function declaredResponses(doc: OpenApiDocument, operation: Operation): Record<string, unknown> {
  const op = resolve<Record<string, unknown>>(doc, (resolve<Record<string, unknown>>(doc, doc.paths[operation.template]) as Record<string, unknown>)[operation.method.toLowerCase()]);
  return (op.responses ?? {}) as Record<string, unknown>;
}

function okResponseSchema(doc: OpenApiDocument, operation: Operation): Schema | undefined {
  const responses = declaredResponses(doc, operation);
  const ok = Object.keys(responses).find((code) => code.startsWith('2'));
  const response = ok ? resolve<DeclaredResponse>(doc, responses[ok]) : undefined;
  return response?.content?.['application/json']?.schema;
}

/** The address a request came in on, for links back to the mock; a Host that is no host name is not echoed. */
function originOf(host: string | undefined): string {
  return `http://${host && /^[A-Za-z0-9.\-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host) ? host : 'localhost'}`;
}

/**
 * Checks the preferences Prism acts on (`code`, `example`, `dynamic`) against what the operation
 * declares, and returns them as one well-formed Prefer header for Prism; undefined when none is
 * asked for. Prism answers an odd one with its own problem body, or a 500; here it gets a 400
 * that names the problem. Other preferences are ignored, as RFC 7240 asks of a server.
 */
function checkPrefer(doc: OpenApiDocument, operation: Operation, header: string): string | undefined {
  const bad = (message: string) => new RequestProblem({ status: 400, type: 'BadRequest', message: `Prefer: ${message}` });
  const asked = new Map<string, string>();
  for (const part of header.split(',')) {
    // Split and trimmed, not one regular expression: a header of 16 KiB of spaces must cost nothing.
    const preference = part.split(';')[0]!;
    const equals = preference.indexOf('=');
    const name = (equals < 0 ? preference : preference.slice(0, equals)).trim().toLowerCase();
    if (!['code', 'example', 'dynamic'].includes(name)) continue;
    const raw = equals < 0 ? '' : preference.slice(equals + 1).trim();
    const value = raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw;
    if (asked.has(name)) throw bad(`${name} is given twice.`);
    asked.set(name, value);
  }
  if (asked.size === 0) return undefined;
  const responses = declaredResponses(doc, operation);
  const declared = Object.keys(responses);
  const code = asked.get('code');
  if (code !== undefined) {
    if (!/^[1-5]\d\d$/.test(code)) throw bad(`code must be an HTTP status code such as 401, not "${code.slice(0, 40)}".`);
    if (!declared.includes(code)) throw bad(`${operation.operationId} declares no ${code} response; it declares ${declared.join(', ')}.`);
  }
  const example = asked.get('example');
  if (example !== undefined) {
    const chosen = code ?? declared.find((candidate) => candidate.startsWith('2'));
    const examples = Object.keys(resolve<DeclaredResponse | undefined>(doc, chosen ? responses[chosen] : undefined)?.content?.['application/json']?.examples ?? {});
    if (!examples.includes(example)) {
      const offered = examples.length ? `it has ${examples.join(', ')}` : 'it has none';
      throw bad(`the ${chosen ?? 'success'} response of ${operation.operationId} has no example named "${example.slice(0, 40)}"; ${offered}.`);
    }
  }
  const dynamic = asked.get('dynamic');
  if (dynamic !== undefined && !/^(true|false)$/i.test(dynamic)) throw bad(`dynamic must be true or false, not "${dynamic.slice(0, 40)}".`);
  return [...asked].map(([name, value]) => `${name}=${name === 'dynamic' ? value.toLowerCase() : value}`).join(', ');
}

export function createFront(options: FrontOptions): Server {
  const { doc, prismUrl, bodyLimit, depthLimit, store, log, rateLimiter } = options;
  const operations = indexOperations(doc);
  const control: ControlOptions = options.control ?? { access: false, faults: new FaultSet(operations.map((operation) => operation.operationId)), reset: () => store.reset() };
  const faults = control.faults;
  /** Answers that a fault with `when: 'after'` replaces, delays or drops once the request is served. */
  const afterFaults = new WeakMap<ServerResponse, FaultHit & { operationId: string }>();
  /** Which fault acted on a request, for its log line. */
  const faultNotes = new WeakMap<ServerResponse, string>();
  /** Delays under way: the server's close ends them, so that no timer outlives the mock. */
  const delays = new Set<{ timer: NodeJS.Timeout; done: () => void }>();

  function wait(ms: number): Promise<void> {
    return new Promise((done) => {
      const pending = { timer: setTimeout(() => { delays.delete(pending); done(); }, ms), done };
      delays.add(pending);
    });
  }

  /** A fault's error answer: the SuperOffice error body, saying which rule made it. */
  function faultReply(hit: FaultHit & { operationId: string }, status: number, retryAfter: number | undefined): ErrorReply {
    const headers: Record<string, string> = {};
    if (retryAfter !== undefined) headers['retry-after'] = String(retryAfter);
    if (status === 401) headers['www-authenticate'] = WWW_AUTHENTICATE;
    const served = hit.when === 'after' ? ' (the request was served; only its answer is replaced)' : '';
    return { status, type: errorTypeOf(status), message: `Fault ${hit.id} of the so-batch mock answers ${status} to ${hit.operationId}${served}.`, headers };
  }

  /** What a fault does to an answer: an error instead, the answer later, or no answer at all. */
  function actOn(res: ServerResponse, accept: string, hit: FaultHit & { operationId: string }, answer: () => void): void {
    const { action } = hit;
    if (action.kind === 'status') sendError(res, accept, faultReply(hit, action.status, action.retryAfter));
    else if (action.kind === 'delay') void wait(action.ms).then(() => {
      if (!res.destroyed && res.socket && !res.socket.destroyed) answer();
    });
    else res.socket?.destroy();
  }

  function send(res: ServerResponse, status: number, accept: string, value: unknown, schema: Schema | undefined, headers: Record<string, string> = {}): void {
    const fault = afterFaults.get(res);
    if (fault) {
      afterFaults.delete(res);
      actOn(res, accept, fault, () => writeAnswer(res, status, accept, value, schema, headers));
      return;
    }
    writeAnswer(res, status, accept, value, schema, headers);
  }

  function writeAnswer(res: ServerResponse, status: number, accept: string, value: unknown, schema: Schema | undefined, headers: Record<string, string>): void {
    const type = negotiate(accept);
    const body = value === undefined ? '' : XML_TYPES.includes(type) ? jsonToXml(doc, value, schema) : JSON.stringify(value);
    res.writeHead(status, {
      'access-control-allow-origin': '*',
      ...(body ? { 'content-type': `${type}; charset=utf-8` } : {}),
      ...headers,
    });
    res.end(body);
  }

  function sendError(res: ServerResponse, accept: string, reply: ErrorReply): void {
    send(res, reply.status, accept, errorBody(reply), resolve(doc, { $ref: '#/components/schemas/ErrorBody' }), reply.headers);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<number> {
    const accept = String(req.headers.accept ?? '');
    const url = parseTarget(req.url ?? '/');
    const method = (req.method ?? 'GET').toUpperCase();
    if (!url) throw new RequestProblem({ status: 400, type: 'BadRequest', message: 'The request target is not a path.' });

    if (method === 'OPTIONS' && req.headers['access-control-request-method']) {
      res.writeHead(204, {
        'access-control-allow-origin': '*',
        'access-control-allow-methods': 'GET, POST, PUT, DELETE, PATCH',
        'access-control-allow-headers': String(req.headers['access-control-request-headers'] ?? '*'),
        'access-control-max-age': '600',
      });
      res.end();
      return 204;
    }

    if (control.access !== false && isControlPath(url.pathname)) return handleControl(req, res, url.pathname, method);

    // The rate limit counts every request to /api, as a hosted API's gateway does, before anything else.
    if (rateLimiter && /^\/api(\/|$)/i.test(url.pathname)) {
      const limited = rateLimiter.take();
      if (limited) throw new RequestProblem({ status: 429, type: 'TooManyRequests', message: limited.message, headers: { 'retry-after': String(limited.retryAfterSeconds) } });
    }

    const route = matchOperation(operations, method, url.pathname);
    if (route.kind === 'not-found') {
      throw new RequestProblem({ status: 404, type: 'NotFound', message: `No Batch operation at ${url.pathname}.` });
    }
    if (route.kind === 'method-not-allowed') {
      throw new RequestProblem({
        status: 405,
        type: 'MethodNotAllowed',
        message: `${method} is not allowed on ${url.pathname}: use ${route.allowed.join(' or ')}.`,
        headers: { allow: route.allowed.join(', ') },
      });
    }
    if (route.kind === 'malformed-path') {
      throw new RequestProblem({ status: 400, type: 'BadRequest', message: `The path value "${route.segment.slice(0, 100)}" is not valid: its %-escapes do not spell UTF-8 characters.` });
    }
    const { operation } = route;

    // Decision: a fault acts as the network or a failing proxy would, so a `before` fault comes
    // ahead of every check (credentials, body, Prefer): the real server under such a fault checks
    // nothing. An `after` fault lets the request be served in full and takes its answer.
    const hit = faults.take(operation.operationId);
    if (hit) {
      const faulted = { ...hit, operationId: operation.operationId };
      faultNotes.set(res, hit.note);
      if (hit.when === 'after') afterFaults.set(res, faulted);
      else if (hit.action.kind === 'delay') {
        await wait(hit.action.ms);
        // The client gave up while the request was "on its way": it never arrived.
        if (res.destroyed || req.socket.destroyed) throw new ClientGone('client aborted');
      } else {
        actOn(res, accept, faulted, () => {});
        return hit.action.kind === 'status' ? hit.action.status : 0;
      }
    }
    // The pages print their paths with the placeholder in (`/BatchTask/{state}`): sent as printed,
    // it gets the page's sample value, so the page's sample request gets the page's answer.
    const pathValues = route.pathValues.map((value, index) => (isPlaceholder(value) ? placeholderValue(operation, index, value) : value));

    const credentials = checkCredentials(req.headers.authorization, req.headers['x-xsrf-token'] as string | undefined);
    if (!credentials.ok) {
      throw new RequestProblem({ status: 401, type: 'Unauthorized', message: credentials.problem, headers: { 'www-authenticate': WWW_AUTHENTICATE } });
    }

    let forwardBody: string | undefined;
    let wire: unknown;
    if (operation.requestMediaTypes.length > 0) {
      const type = mediaType(req.headers['content-type']);
      if (!operation.requestMediaTypes.includes(type)) {
        throw new RequestProblem({
          status: 415,
          type: 'UnsupportedMediaType',
          message: `Content-Type ${type || '(none)'} is not supported: send ${operation.requestMediaTypes.join(', ')}.`,
        });
      }
      const raw = (await readBody(req, bodyLimit)).toString('utf8');
      if (raw.trim() === '') {
        throw new RequestProblem({ status: 400, type: 'BadRequest', message: `The request body is empty: ${operation.operationId} needs one.` });
      }
      const format = XML_TYPES.includes(type) ? 'XML' : 'JSON';
      if (format === 'XML' ? xmlNestsDeeperThan(raw, depthLimit) : jsonNestsDeeperThan(raw, depthLimit)) {
        throw new RequestProblem({ status: 400, type: 'BadRequest', message: `The request body nests more than ${depthLimit} levels deep, the mock's limit.` });
      }
      let parsed: unknown;
      try {
        parsed = XML_TYPES.includes(type) ? xmlToJson(doc, raw, operation.requestSchema) : JSON.parse(raw);
      } catch (error) {
        const detail = error instanceof SyntaxError || error instanceof XmlSyntaxError ? error.message : String(error);
        throw new RequestProblem({ status: 400, type: 'BadRequest', message: `The request body is not valid ${format}: ${detail}` });
      }
      wire = toWireNames(doc, parsed, operation.requestSchema);
      forwardBody = JSON.stringify(wire);
    } else {
      await readBody(req, bodyLimit);
    }

    // The path in the spec's spelling, enum path values canonical, as ASP.NET routing binds them.
    const canonicalValues = pathValues.map((value, index) => {
      const schema = operation.pathParameters[index]?.schema;
      return schema ? canonicalEnumValue(enumValues(doc, schema), value) : value;
    });
    let values = 0;
    const path = operation.template.replace(/\{[^}]+\}/g, () => encodeURIComponent(canonicalValues[values++] ?? ''));

    // Query names and enum values in the spec's spelling ($mode=full is $mode=Full), as the server binds them.
    const query = new URLSearchParams();
    let respelled = false;
    for (const [name, value] of url.searchParams) {
      const parameter = operation.queryParameters.get(name.toLowerCase());
      const canonical = parameter ? canonicalEnumValue(parameter.enum, value) : value;
      respelled ||= (parameter?.name ?? name) !== name || canonical !== value;
      query.append(parameter?.name ?? name, canonical);
    }
    const encoded = [...query].map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&');
    const search = respelled ? `?${encoded}` : url.search;

    const headers: Record<string, string> = { authorization: PRISM_CREDENTIALS, accept: 'application/json' };
    if (forwardBody !== undefined) headers['content-type'] = 'application/json';
    for (const name of ['accept-language', 'so-language', 'so-culture', 'so-timezone']) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    // The app token is a secret too: Prism only needs to see that one was sent.
    if (typeof req.headers['so-apptoken'] === 'string') headers['so-apptoken'] = 'so-batch-mock-placeholder';
    const prefer = typeof req.headers.prefer === 'string' ? checkPrefer(doc, operation, req.headers.prefer) : undefined;
    if (prefer) headers.prefer = prefer;
    // One path item serving two pages (GET /BatchTask/{id} and /{state}): Prism would answer
    // both with the same example; the path value picks the page's, as the server would.
    const meaning = pathValues[0] !== undefined ? meaningOf(doc, operation, pathValues[0]) : undefined;
    if (meaning && !headers.prefer) headers.prefer = `example=${meaning.example}`;

    let upstream: Response;
    try {
      upstream = await fetch(`${prismUrl}${path}${search}`, { method, headers, body: forwardBody ?? null, signal: AbortSignal.timeout(10_000) });
    } catch (error) {
      throw new RequestProblem({ status: 502, type: 'BadGateway', message: `The mock's Prism did not answer: ${(error as Error).message}` });
    }
    const text = await upstream.text();
    const violations = describeViolations(upstream.headers.get('sl-violations'));

    if ((upstream.status === 400 || upstream.status === 422) && violations) {
      throw new RequestProblem({ status: 400, type: 'BadRequest', message: `The request does not match the spec of ${operation.operationId}: ${violations}` });
    }
    if (upstream.status >= 500) {
      throw new RequestProblem({ status: 502, type: 'BadGateway', message: `The mock's Prism failed with ${upstream.status}: ${text.slice(0, 200)}` });
    }
    // Any other refusal of Prism's own (problem+json) is said in the SuperOffice error body.
    if (upstream.status >= 400 && /problem\+json/.test(upstream.headers.get('content-type') ?? '')) {
      const problem = JSON.parse(text) as { title?: string; detail?: string };
      const status = upstream.status === 422 ? 400 : upstream.status;
      throw new RequestProblem({ status, type: STATUS_CODES[status]?.replace(/\W/g, '') ?? 'BadRequest', message: `${problem.title ?? 'Refused'}: ${problem.detail ?? ''}`.trim() });
    }

    let value: unknown = text === '' ? undefined : JSON.parse(text);
    let status = upstream.status;
    // Prism has validated the request; the store answers it, as the server's database would. An
    // explicit Prefer asks for a declared answer (`code=404`, `example=page`): Prism's stands.
    if (upstream.status < 300 && !prefer) {
      const answer = answerFromStore(store, { operationId: operation.operationId, body: wire, pathValues: canonicalValues, caller: callerOf(req.headers.authorization), query, origin: originOf(req.headers.host) });
      if (answer) ({ status, value } = answer);
    }
    const select = query.get('$select');
    if (status < 300 && operation.selectable && select) value = applySelect(value, select);
    const extra: Record<string, string> = {};
    if (status === 401) extra['www-authenticate'] = WWW_AUTHENTICATE;
    // OData's $format overrides what the Accept header chose.
    const format = query.get('$format');
    const answerType = format === 'XML' ? 'application/xml' : format === 'JSON' ? 'application/json' : accept;
    send(res, status, answerType, value, status < 300 ? okResponseSchema(doc, operation) : undefined, extra);
    return status;
  }

  /** The control API: loopback-only unless `control: 'open'`, and never for a web page of another origin. */
  async function handleControl(req: IncomingMessage, res: ServerResponse, pathname: string, method: string): Promise<number> {
    if (control.access === 'loopback' && !isLoopbackAddress(req.socket.remoteAddress)) {
      throw new RequestProblem({ status: 403, type: 'Forbidden', message: "The mock's control API answers only requests from this machine: start the mock with control: 'open' to steer it from elsewhere." });
    }
    // A page open in a browser on this machine reaches loopback too: a control request that a
    // web page of another origin sends is refused, so that no site can steer or reset the mock.
    const origin = req.headers.origin;
    if (typeof origin === 'string' && control.access !== 'open' && originOf(req.headers.host).toLowerCase() !== origin.toLowerCase()) {
      throw new RequestProblem({ status: 403, type: 'Forbidden', message: "The mock's control API does not answer web pages of other origins." });
    }
    const readJson = async (): Promise<unknown> => {
      const type = mediaType(req.headers['content-type']);
      if (!JSON_TYPES.includes(type)) throw new RequestProblem({ status: 415, type: 'UnsupportedMediaType', message: `Content-Type ${type || '(none)'} is not supported: send application/json.` });
      const raw = (await readBody(req, bodyLimit)).toString('utf8');
      if (raw.trim() === '') throw new RequestProblem({ status: 400, type: 'BadRequest', message: `The request body is empty: ${method} ${pathname} needs one.` });
      if (jsonNestsDeeperThan(raw, depthLimit)) throw new RequestProblem({ status: 400, type: 'BadRequest', message: `The request body nests more than ${depthLimit} levels deep, the mock's limit.` });
      try {
        return JSON.parse(raw) as unknown;
      } catch (error) {
        throw new RequestProblem({ status: 400, type: 'BadRequest', message: `The request body is not valid JSON: ${(error as Error).message}` });
      }
    };
    const answer = await answerControl(method, pathname, readJson, control);
    if (!req.complete) await readBody(req, bodyLimit); // a body the control did not need: read and dropped
    if ('error' in answer) {
      sendError(res, 'application/json', { status: answer.status, type: answer.error.type, message: answer.error.message, ...(answer.headers ? { headers: answer.headers } : {}) });
    } else {
      send(res, answer.status, 'application/json', answer.value, undefined, answer.headers);
    }
    return answer.status;
  }

  const { headersTimeoutMs, requestTimeoutMs, keepAliveTimeoutMs, maxConnections, headerLimit } = options;
  const server = createServer(
    {
      headersTimeout: headersTimeoutMs,
      requestTimeout: requestTimeoutMs,
      keepAliveTimeout: keepAliveTimeoutMs,
      maxHeaderSize: headerLimit,
      // Node looks for requests past their time only this often (every 30 s by default, which
      // lets a stalled body hold its connection for minutes): a few looks per timeout.
      connectionsCheckingInterval: Math.max(25, Math.min(1000, Math.floor(headersTimeoutMs / 4))),
    },
    (req, res) => {
      const started = performance.now();
      const accept = String(req.headers.accept ?? '');
      let problem = '';
      inFlight.set(req.socket, { req, res });
      // One log line per request, once its connection is done with it: that is when a request
      // the client abandoned, or one cut off by the request timeout, is known for what it was.
      res.once('close', () => {
        if (inFlight.get(req.socket)?.res === res) inFlight.delete(req.socket);
        const line = `${loggable(req.method, req.url)}`;
        const ms = `${Math.round(performance.now() - started)}ms`;
        const cut = cutOff.get(req.socket);
        const fault = faultNotes.get(res);
        if (cut) log(`${line} ${cut.status} ${ms} ${cut.message}`);
        else if (!res.writableFinished) log(`${line} ${fault ? '-' : '499'} ${ms} ${fault ?? 'client aborted'}`);
        else log(`${line} ${res.statusCode} ${ms}${fault ? ` ${fault}` : problem ? ` ${problem}` : ''}`);
      });
      if (overLimit.has(req.socket)) {
        problem = `over the limit of ${maxConnections} connections`;
        res.shouldKeepAlive = false;
        sendError(res, accept, {
          status: 503,
          type: 'ServiceUnavailable',
          message: `The mock serves ${maxConnections} connections at once, and that many are open: retry once one has closed.`,
          headers: { 'retry-after': '1', connection: 'close' },
        });
        return;
      }
      handle(req, res).catch((error: unknown) => {
        if (error instanceof ClientGone) return; // nobody to answer; logged when the connection closes
        const fault = !(error instanceof RequestProblem || error instanceof StoreProblem);
        const reply: ErrorReply =
          error instanceof RequestProblem
            ? error.reply
            : error instanceof StoreProblem
              ? { status: error.status, type: error.type, message: error.message }
              : { status: 500, type: 'MockFailure', message: `The mock failed: ${(error as Error)?.message ?? String(error)}` };
        problem = reply.message;
        // A fault of the mock's own: its stack goes to the log, on one line, for whoever fixes it.
        if (fault) log(`[front] fault: ${String((error as Error)?.stack ?? error).replace(/\s*\n\s*/g, ' | ')}`);
        if (!res.headersSent) sendError(res, accept, reply);
        else res.end();
      });
    },
  );

  server.on('close', () => {
    for (const pending of delays) {
      clearTimeout(pending.timer);
      pending.done();
    }
    delays.clear();
  });

  // What a connection is up to: the request in flight on it, whether the mock cut it off, whether
  // it is one over the connection limit.
  const inFlight = new WeakMap<Socket, { req: IncomingMessage; res: ServerResponse }>();
  /** Connections the mock cut off mid-request, and what it answered. */
  const cutOff = new WeakMap<Socket, ErrorReply>();
  /** Connections whose bytes Node's parser refused (or that ran out of time): one answer each. */
  const refused = new WeakSet<Socket>();
  const overLimit = new WeakSet<Socket>();
  const served = new Set<Socket>();
  let overLimitOpen = 0;
  server.on('connection', (socket: Socket) => {
    if (served.size < maxConnections) {
      served.add(socket);
      socket.once('close', () => served.delete(socket));
      return;
    }
    // One over the limit gets a 503 on its first request, and a short time to send it. Past twice
    // the limit a connection is closed at once, so that open connections stay bounded however
    // many a client opens.
    if (overLimitOpen >= maxConnections) {
      socket.destroy();
      return;
    }
    overLimitOpen++;
    overLimit.add(socket);
    socket.once('close', () => overLimitOpen--);
  });

  // What Node's HTTP parser refuses (not HTTP, Content-Length with Transfer-Encoding, headers too
  // large) and requests that ran out of time: answered in the SuperOffice error body, never with
  // the request's bytes (error.rawPacket holds them, credentials and all).
  server.on('clientError', (error: Error & { code?: string; reason?: string }, socket: Socket) => {
    if (refused.has(socket)) return; // answered already; the parser repeats itself
    refused.add(socket);
    const current = inFlight.get(socket);
    // The client went away mid-request (a reset, or its end of the connection closed before the
    // request did): nobody to answer. Its request, if one started, is logged as aborted.
    if (error.code === 'ECONNRESET' || error.code === 'HPE_INVALID_EOF_STATE' || !socket.writable) {
      socket.destroy();
      return;
    }
    const reply: ErrorReply =
      error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? { status: 408, type: 'RequestTimeout', message: `The request did not arrive in time: the mock waits ${headersTimeoutMs} ms for the headers and ${requestTimeoutMs} ms for the whole request.` }
        : error.code === 'HPE_HEADER_OVERFLOW'
          ? { status: 431, type: 'RequestHeaderFieldsTooLarge', message: `The request's headers are larger than ${headerLimit} bytes, the mock's limit.` }
          : { status: 400, type: 'BadRequest', message: `The request is not valid HTTP/1.1: ${error.reason ?? error.code ?? 'unreadable'}.` };
    // Whose fault: the request in flight if it has not fully arrived (its body broke off, or
    // broke the framing); otherwise one pipelined behind it, which is answered after it.
    if (current && !current.res.writableFinished && current.req.complete) {
      current.res.once('close', () => {
        answerRaw(socket, reply);
        log(`- - ${reply.status} ${reply.message}`);
      });
      return;
    }
    if (current && !current.res.writableFinished) cutOff.set(socket, reply);
    answerRaw(socket, reply);
    // A request in flight logs its own line (with this answer) when its connection closes.
    if (!current || current.res.writableFinished) log(`- - ${reply.status} ${reply.message}`);
  });

  function answerRaw(socket: Socket, reply: ErrorReply): void {
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const body = JSON.stringify(errorBody(reply));
    socket.end(
      `HTTP/1.1 ${reply.status} ${STATUS_CODES[reply.status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
    // A client that does not read its answer does not keep the connection either.
    setTimeout(() => socket.destroy(), 1000).unref();
  }
  return server;
}

/** The request target as a URL; undefined for one that is no path or URL at all (`*`, `http://[`). */
function parseTarget(target: string): URL | undefined {
  try {
    // A path is read as a path: "//host/x" is the path //host/x, not the host "host".
    return target.startsWith('/') ? new URL(`http://mock${target}`) : new URL(target);
  } catch {
    return undefined;
  }
}

/** Method and target for the log: control characters shown as '?', and a long target cut short. */
function loggable(method: string | undefined, target: string | undefined): string {
  const clean = (text: string) => text.replace(/[\x00-\x1f\x7f]/g, '?');
  const url = clean(target ?? '');
  return `${clean(method ?? '-')} ${url.length > 300 ? `${url.slice(0, 300)}...` : url}`;
}
