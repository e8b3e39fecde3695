// Loaded by transport.ts when an answer is a redirect: reads follow it within the base URL's
// origin (at most 5 hops); anything else is a BatchRedirectError, and nothing is sent there.
import { BatchRedirectError, type RedirectRefusal } from './errors.ts';
import { READ_POSTS } from './generated/reads.gen.ts';
import type { AnyRequest, Fetch, TransportOptions } from './transport.ts';


const MAX_REDIRECTS = 5;

/** The reads: GET and HEAD, and the POSTs the spec marks x-so-batch-read. Only they follow redirects (the same calls retry). */
function isRead(request: AnyRequest): boolean {
  if (request.method === 'GET' || request.method === 'HEAD') return true;
  const { pathname } = new URL(request.url);
  return request.method === 'POST' && READ_POSTS.some((path) => pathname.endsWith(path));
}

export async function followRedirects(
  fetch: Fetch,
  options: TransportOptions,
  request: AnyRequest,
  copy: Request | undefined,
  init: RequestInit | undefined,
  first: Response,
  { limited, label, discard, redirects }: Pick<typeof import('./transport.ts'), 'limited' | 'label' | 'discard'> & { redirects: Set<number> },
): Promise<Response> {
  const refuse = async (current: AnyRequest, status: number, location: string | undefined, refusal: RedirectRefusal) =>
    new BatchRedirectError(label(current), {
      status,
      location: location === undefined ? undefined : (await options.redact(location)).slice(0, 500),
      refusal,
      from: (await options.redact(current.url)).slice(0, 500),
    });
  const read = isRead(request);
  // A light request keeps its body as a string; a real one's was read by the first fetch.
  const replay: BodyInit | null = !read || request.body === null ? null : request instanceof Request ? ((await copy?.text()) ?? null) : request.body;
  let current = request;
  let response = first;
  for (let hops = 0; ; hops++) {
    if (hops > 0) response = await fetch(current, init);
    if (response.type === 'opaqueredirect' || response.status === 0) {
      discard(response);
      throw await refuse(current, 0, undefined, 'hidden');
    }
    const location = redirects.has(response.status) ? response.headers.get('location') : null;
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
    const next = { method: current.method, headers: current.headers, body: replay as string | null, signal: current.signal!, redirect: 'manual' as const };
    current = current instanceof Request ? new Request(target.href, next) : { url: target.href, ...next };
  }
}
