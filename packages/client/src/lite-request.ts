// openapi-fetch builds a Request for every call, and fetch(request) copies it into another one:
// two undici Requests and two signal links per call, about a quarter of a loopback call. When
// the client calls the platform's fetch itself, it gives openapi-fetch this stand-in, which only
// holds the parts, and hands them to fetch(url, init). An injected fetch, and `client.raw`,
// still get real Requests.

export class LiteRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: BodyInit | null;
  readonly signal: AbortSignal | null;
  readonly redirect: RequestRedirect;

  constructor(input: string | URL, init: RequestInit = {}) {
    this.url = String(input);
    this.method = (init.method ?? 'GET').toUpperCase();
    // openapi-fetch hands over a Headers object built for this request alone: no copy needed.
    this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
    this.body = init.body ?? null;
    this.signal = init.signal ?? null;
    this.redirect = init.redirect ?? 'follow';
  }
}

/** The platform's fetch, looked up on each call (so that a test or polyfill can replace it). */
export function fetchLite(request: LiteRequest): Promise<Response> {
  return fetch(request.url, { method: request.method, headers: request.headers, body: request.body, signal: request.signal, redirect: request.redirect });
}
