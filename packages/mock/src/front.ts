import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { checkCredentials, WWW_AUTHENTICATE } from './credentials.ts';
import { enumValues, indexOperations, isPlaceholder, matchOperation, meaningOf, placeholderValue, resolve, type OpenApiDocument, type Operation, type Schema } from './spec.ts';
import { answerFromStore } from './answers.ts';
import { callerOf } from './credentials.ts';
import { StoreProblem, type TaskStore } from './store.ts';
import { applySelect, canonicalEnumValue, toWireNames } from './wire-names.ts';
import { jsonToXml, xmlToJson, XmlSyntaxError } from './xml.ts';

// The front of the mock: a small HTTP server in front of Prism that does what the real server
// does and Prism does not. It checks credentials (Prism knows no SOTicket scheme), answers a
// malformed body with 400 at once (Prism never answers it), refuses an oversized body, binds
// property names case-insensitively, turns Prism's validation findings into the SuperOffice
// error body, applies $select, and speaks XML.

export interface FrontOptions {
  doc: OpenApiDocument;
  /** Where Prism listens, such as http://127.0.0.1:4011. */
  prismUrl: string;
  /** The largest request body accepted, in bytes. */
  bodyLimit: number;
  /** The tasks every operation answers from (see store.ts). */
  store: TaskStore;
  log: (line: string) => void;
}

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

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
    req.on('error', (error) => {
      if (!refused) reject(error);
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
    const lines = violations.map((v) => {
      const where = (v.location ?? []).filter((part) => part !== 'request').join('.');
      return where ? `${where}: ${v.message ?? 'invalid'}` : (v.message ?? 'invalid');
    });
    return lines.length ? lines.join('; ') : undefined;
  } catch {
    return undefined;
  }
}

function okResponseSchema(doc: OpenApiDocument, operation: Operation): Schema | undefined {
  const op = resolve<Record<string, unknown>>(doc, (resolve<Record<string, unknown>>(doc, doc.paths[operation.template]) as Record<string, unknown>)[operation.method.toLowerCase()]);
  const responses = op.responses as Record<string, unknown>;
  const ok = Object.keys(responses).find((code) => code.startsWith('2'));
  const response = ok ? resolve<{ content?: Record<string, { schema?: Schema }> }>(doc, responses[ok]) : undefined;
  return response?.content?.['application/json']?.schema;
}

/** The address a request came in on, for links back to the mock; a Host that is no host name is not echoed. */
function originOf(host: string | undefined): string {
  return `http://${host && /^[A-Za-z0-9.\-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host) ? host : 'localhost'}`;
}

export function createFront(options: FrontOptions): Server {
  const { doc, prismUrl, bodyLimit, store, log } = options;
  const operations = indexOperations(doc);

  function send(res: ServerResponse, status: number, accept: string, value: unknown, schema: Schema | undefined, headers: Record<string, string> = {}): void {
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
    const body = { Error: true, ErrorType: reply.type, ErrorMessage: reply.message, ErrorSource: 'so-batch mock' };
    send(res, reply.status, accept, body, resolve(doc, { $ref: '#/components/schemas/ErrorBody' }), reply.headers);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<number> {
    const accept = String(req.headers.accept ?? '');
    const url = new URL(req.url ?? '/', 'http://mock');
    const method = (req.method ?? 'GET').toUpperCase();

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
    const { operation } = route;
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
      let parsed: unknown;
      try {
        parsed = XML_TYPES.includes(type) ? xmlToJson(doc, raw, operation.requestSchema) : JSON.parse(raw);
      } catch (error) {
        const format = XML_TYPES.includes(type) ? 'XML' : 'JSON';
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
    for (const name of ['prefer', 'accept-language', 'so-language', 'so-culture', 'so-timezone', 'so-apptoken']) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
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

    let value: unknown = text === '' ? undefined : JSON.parse(text);
    let status = upstream.status;
    // Prism has validated the request; the store answers it, as the server's database would. An
    // explicit Prefer asks for a declared answer (`code=404`, `example=page`): Prism's stands.
    if (upstream.status < 300 && !req.headers.prefer) {
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

  return createServer((req, res) => {
    const started = performance.now();
    const accept = String(req.headers.accept ?? '');
    handle(req, res)
      .then((status) => log(`${req.method} ${req.url} ${status} ${Math.round(performance.now() - started)}ms`))
      .catch((error: unknown) => {
        const reply: ErrorReply =
          error instanceof RequestProblem
            ? error.reply
            : error instanceof StoreProblem
              ? { status: error.status, type: error.type, message: error.message }
              : { status: 500, type: 'MockFailure', message: `The mock failed: ${(error as Error)?.message ?? String(error)}` };
        if (!res.headersSent) sendError(res, accept, reply);
        else res.end();
        log(`${req.method} ${req.url} ${reply.status} ${Math.round(performance.now() - started)}ms ${reply.message}`);
      });
  });
}
