// Every request the client sends goes through this fetch, with redirect: 'manual', so that the
// client, not fetch, decides about redirects: fetch would send SO-AppToken, X-XSRF-TOKEN and a
// StartBatchJob's body on to any host a server names (it strips only Authorization), and turn a
// POST into a GET on a 302. Here reads follow redirects within the base URL's origin only, and
// nothing is sent anywhere else. It also stops reading an answer past maxResponseBytes.

import { BatchRedirectError, BatchResponseTooLargeError, type RedirectRefusal } from './errors.ts';
import { LiteRequest } from './lite-request.ts';

export const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Statuses whose Response cannot have a body. */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);
/** The Agents calls that only read (all of them POSTs): GetBatchTaskInfo, GetBatchTaskInfosBy..., GetAllBatchTaskInfos... */
const AGENTS_READ = /\/api\/v1\/Agents\/Batch\/Get[A-Za-z]*(?:\?|$)/;

type AnyRequest = Request | LiteRequest;
type Fetch = (request: AnyRequest, init?: RequestInit) => Promise<Response>;

export interface TransportOptions {
  /** The base URL's origin: the only one a request, its credentials or its body goes to. */
  origin: string;
  maxResponseBytes: number;
  /** True for the platform's fetch, which never reads past a Content-Length it did not decompress. */
  trustContentLength: boolean;
  /** Blanks credentials out of a URL for an error message. */
  redact(text: string): Promise<string>;
}

/** The reads: GET and HEAD, and the Agents Get* POSTs. Only they follow redirects (the same calls retry). */
function isRead(request: AnyRequest): boolean {
  if (request.method === 'GET' || request.method === 'HEAD') return true;
  return request.method === 'POST' && AGENTS_READ.test(request.url);
}

/** A name for an error the client's methods rename with their operation (a `raw` call keeps it). */
function label(request: AnyRequest): string {
  return `${request.method} ${new URL(request.url).pathname}`;
}

function discard(response: Response): void {
  response.body?.cancel().catch(() => {});
}

/** `fetch`, following the redirect policy above and limiting the size of the answer. */
export function guardedFetch(fetch: Fetch, options: TransportOptions): Fetch {
  const refuse = async (request: AnyRequest, status: number, location: string | undefined, refusal: RedirectRefusal) =>
    new BatchRedirectError(label(request), {
      status,
      location: location === undefined ? undefined : (await options.redact(location)).slice(0, 500),
      refusal,
      from: (await options.redact(request.url)).slice(0, 500),
    });

  return async (request, init) => {
    let current = request;
    // A request that a middleware rebuilt may have lost redirect: 'manual'.
    if (current instanceof Request && current.redirect !== 'manual') current = new Request(current, { redirect: 'manual' });
    const read = isRead(current);
    // A read's body (an Agents Get* POST) goes again on a 307 or 308; a light request keeps its string.
    let replay: BodyInit | null = null;
    if (read && current.body !== null) replay = current instanceof LiteRequest ? current.body : await current.clone().text();
    for (let hops = 0; ; hops++) {
      const response = await fetch(current, init);
      if (response.type === 'opaqueredirect' || response.status === 0) {
        discard(response);
        throw await refuse(current, 0, undefined, 'hidden');
      }
      const location = REDIRECTS.has(response.status) ? response.headers.get('location') : null;
      // A 3xx without Location is an answer, as fetch has it.
      if (location === null) return limited(response, current, options);
      discard(response);
      let target: URL;
      try {
        target = new URL(location, current.url);
      } catch {
        throw await refuse(current, response.status, location, 'invalid-location');
      }
      if (target.origin !== options.origin) throw await refuse(current, response.status, target.href, 'cross-origin');
      if (!read) throw await refuse(current, response.status, target.href, 'write');
      const keepsMethod = current.method === 'GET' || current.method === 'HEAD' || response.status === 307 || response.status === 308;
      if (!keepsMethod) throw await refuse(current, response.status, target.href, 'method-change');
      if (hops >= MAX_REDIRECTS) throw await refuse(current, response.status, target.href, 'too-many');
      const next = { method: current.method, headers: current.headers, body: replay, redirect: 'manual' as const };
      current =
        current instanceof LiteRequest
          ? new LiteRequest(target.href, { ...next, signal: current.signal })
          : new Request(target.href, { ...next, signal: current.signal });
    }
  };
}

/**
 * The response, or one whose body fails with BatchResponseTooLargeError past the limit: reading
 * stops there and the rest is cancelled, never buffered.
 */
function limited(response: Response, request: AnyRequest, options: TransportOptions): Response {
  const limit = options.maxResponseBytes;
  if (limit === Infinity || response.body === null || NULL_BODY.has(response.status)) return response;
  const tooLarge = () => new BatchResponseTooLargeError(label(request), response.status, limit);
  const declared = response.headers.get('content-length');
  const length = declared === null ? NaN : Number(declared);
  if (length > limit) {
    discard(response);
    throw tooLarge();
  }
  const encoding = response.headers.get('content-encoding');
  if (options.trustContentLength && length <= limit && (encoding === null || encoding === 'identity')) return response;

  const reader = response.body.getReader();
  let received = 0;
  const counted = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) return controller.close();
      received += value.byteLength;
      if (received > limit) {
        reader.cancel().catch(() => {});
        return controller.error(tooLarge());
      }
      controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  const wrapped = new Response(counted, { status: response.status, statusText: response.statusText, headers: response.headers });
  Object.defineProperty(wrapped, 'url', { value: response.url });
  return wrapped;
}
