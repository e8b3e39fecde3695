// Every request the client sends goes through this fetch, with redirect: 'manual', so that the
// client, not fetch, decides about redirects: fetch would send SO-AppToken, X-XSRF-TOKEN and a
// StartBatchJob's body on to any host a server names (it strips only Authorization), and turn a
// POST into a GET on a 302. Here reads follow redirects within the base URL's origin only, and
// nothing is sent anywhere else. It also stops reading an answer past maxResponseBytes.


const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Statuses whose Response cannot have a body. */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/**
 * What the functions send: the parts of a request, handed to fetch(url, init) as they are. A
 * Request would be copied into another one by fetch (two undici Requests and two signal links
 * per call, a quarter of a loopback call). An injected fetch, and `client.raw`, get real Requests.
 */
export interface PlainRequest {
  url: string;
  method: string;
  headers: Headers;
  body: string | null;
  signal: AbortSignal;
  redirect: 'manual';
}

export type AnyRequest = Request | PlainRequest;

/** The platform's fetch, looked up on each call (so that a test or polyfill can replace it). */
export const fetchPlain = (request: AnyRequest): Promise<Response> => fetch(request.url, request as PlainRequest);
export type Fetch = (request: AnyRequest, init?: RequestInit) => Promise<Response>;

export interface TransportOptions {
  /** The base URL's origin: the only one a request, its credentials or its body goes to. */
  origin: string;
  maxResponseBytes: number;
  /** True for the platform's fetch, which never reads past a Content-Length it did not decompress. */
  trustContentLength: boolean;
  /** Blanks credentials out of a URL for an error message. */
  redact(text: string): Promise<string>;
  /**
   * The error an answer past maxResponseBytes fails with: a BatchResponseTooLargeError for
   * `client.raw`; a TooLarge for the functions, which failures.ts names after the operation
   * (so that the error classes stay off the path of a call that succeeds).
   */
  tooLarge(label: string, status: number, limitBytes: number): unknown;
}



/** A name for an error the client's functions rename with their operation (a `raw` call keeps it). */
export function label(request: AnyRequest): string {
  return `${request.method} ${new URL(request.url).pathname}`;
}

export function discard(response: Response): void {
  response.body?.cancel().catch(() => {});
}

/** `fetch`, following the redirect policy above (redirects.ts, loaded when a redirect comes) and limiting the size of the answer. */
export function guardedFetch(fetch: Fetch, options: TransportOptions): Fetch {
  return async (request, init) => {
    // A request that a middleware rebuilt may have lost redirect: 'manual'.
    if (request instanceof Request && request.redirect !== 'manual') request = new Request(request, { redirect: 'manual' });
    // A read's body (an Agents Get* POST) goes again on a 307 or 308, and a real Request's can be
    // read only once: whether it is a read is known only once a redirect comes (redirects.ts), so
    // a POST's is kept (the bodies here are JSON strings already in memory); a PUT never follows.
    const copy = request instanceof Request && request.method === 'POST' && request.body !== null ? request.clone() : undefined;
    const response = await fetch(request, init);
    if (response.type === 'opaqueredirect' || response.status === 0 || (REDIRECTS.has(response.status) && response.headers.has('location'))) {
      // The helpers are handed over rather than imported: the lazy chunk then shares nothing with this one.
      return (await import('./redirects.ts')).followRedirects(fetch, options, request, copy, init, response, { limited, label, discard, redirects: REDIRECTS });
    }
    return limited(response, request, options);
  };
}

/**
 * The response, or one whose body fails with BatchResponseTooLargeError past the limit: reading
 * stops there and the rest is cancelled, never buffered.
 */
export function limited(response: Response, request: AnyRequest, options: TransportOptions): Response {
  const limit = options.maxResponseBytes;
  if (limit === Infinity || response.body === null || NULL_BODY.has(response.status)) return response;
  const tooLarge = () => options.tooLarge(label(request), response.status, limit);
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
