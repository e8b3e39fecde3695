import { BatchError, type BatchRedirectError, type BatchResponseTooLargeError, type BatchTaskNotFoundError } from '@so-batch/client';

/** Exit codes, by kind of failure; --help lists them. */
export const EXIT = {
  ok: 0,
  taskFailed: 1,
  usage: 2,
  config: 3,
  auth: 4,
  notFound: 5,
  server: 6,
  network: 7,
  /** query --all-pages stopped at --max-pages or --max-rows; the rows read were printed. */
  partial: 8,
  /** A fault of so-batch itself (EX_SOFTWARE of sysexits.h), never the server's. */
  internal: 70,
  interrupted: 130,
} as const;

export const EXIT_CODES_HELP = `
Exit codes:
  0    done (watch: the task Succeeded)
  1    watch: the task Failed
  2    wrong usage (an unknown option, state or property)
  3    configuration missing or wrong (base URL, credentials; a 404 page that is not JSON),
       or the server redirected elsewhere
  4    not authorized (HTTP 401 or 403)
  5    not found (no such task, or the server answered null)
  6    the server refused or failed (another HTTP error, or an answer too large), or answered
       what is not a SuperOffice Batch answer (query: paging that does not move forward, an
       empty page that links to more, a link to another host); stop: the task was not stopped
  7    no answer (network failure or timeout), or watch's --timeout or --stall passed
  8    query --all-pages stopped at --max-pages or --max-rows (the rows read are printed)
  70   internal error in so-batch (a bug: the message says how to report it)
  130  interrupted (Ctrl-C); a watched task goes on. delete: answered no`;

/** What --json calls each exit code's failures, unless a failure names its own kind. */
const KIND_BY_EXIT: Record<number, string> = {
  1: 'task-failed', 2: 'usage', 3: 'config', 4: 'auth', 5: 'not-found', 6: 'server', 7: 'network', 70: 'internal', 130: 'interrupted',
};

/** A failure to report as one line on stderr (with --json, as {"error": ...} on stdout), with its exit code. */
export class CliFailure extends Error {
  readonly exitCode: number;
  /** What --json reports as error.kind, such as usage, not-found, not-superoffice. */
  readonly kind: string;
  /** The HTTP status, when the server answered with one. */
  readonly status: number | undefined;
  constructor(message: string, exitCode: number, details: { kind?: string; status?: number | undefined } = {}) {
    super(message);
    this.exitCode = exitCode;
    this.kind = details.kind ?? KIND_BY_EXIT[exitCode] ?? 'failure';
    this.status = details.status;
  }
}

/** What a failure happened against: the server, and where the credentials came from (such as SO_TICKET). */
export interface Target {
  baseUrl: string;
  credentials: string;
  /** The last request sent (kept by the fetch connect() gives the client), for messages that name it. */
  lastRequest?: { method: string; url: string };
}

/** The last request, such as "POST https://.../GetBatchTaskInfo", or the base URL before any. */
export function requestOf(target: Target): string {
  return target.lastRequest ? `${target.lastRequest.method} ${target.lastRequest.url}` : target.baseUrl;
}

/**
 * `text` ending in one full stop (server messages may end in their own), its runs of spaces made
 * one. Line breaks inside stay, for visible() to show as \\n where it is printed: one line still.
 */
export function sentence(text: string): string {
  const line = text.trim().replace(/ {2,}/g, ' ');
  return /[.!?]$/.test(line) ? line : `${line}.`;
}

/** Where to report a bug in so-batch. */
const REPORT = 'please report it to the so-batch maintainers with the command (without credentials), so-batch --version and, from --verbose, where it happened';

/**
 * A fault of so-batch itself (a TypeError, a stack overflow): said as such, with its own exit
 * code, never as the server's failure.
 */
export function internalError(error: unknown): CliFailure {
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new CliFailure(`internal error in so-batch: ${sentence(what)} This is a bug in so-batch, not a server failure: ${REPORT}.`, EXIT.internal, { kind: 'internal' });
}

/** The client's message without its "operation: " prefix. */
function reason(error: Error): string {
  return error.message.replace(/^[^:]+: /, '');
}

/** The origin of a URL the client reported (credentials already blanked out), or the text itself. */
function origin(url: string | undefined): string {
  if (url === undefined) return 'an unknown place';
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/**
 * The client follows no redirect to another origin, and none that answers a change: the
 * credentials and the request stay with the configured server. Usually the base URL is wrong
 * (http for https, an old host), hence the configuration exit code.
 */
function redirected(error: BatchRedirectError): CliFailure {
  const from = origin(error.from);
  const to = error.location === undefined ? 'an unknown place' : error.refusal === 'cross-origin' ? origin(error.location) : error.location;
  const status = error.status ? ` (HTTP ${error.status})` : '';
  const advice = 'Check --base-url (or SO_BASE_URL).';
  const kind = { kind: 'redirect', status: error.status || undefined };
  switch (error.refusal) {
    case 'cross-origin':
      return new CliFailure(`${from} redirected to another host, ${to}${status}: so-batch does not follow it, so nothing was sent there. If that is the right server, use it as --base-url (or SO_BASE_URL).`, EXIT.config, kind);
    case 'write':
      return new CliFailure(`${from} redirected this change to ${to}${status}: so-batch never sends a change twice, so it was not sent again. ${advice}`, EXIT.config, kind);
    case 'hidden':
      return new CliFailure(`${from} answered with a redirect to an unknown place: so-batch did not follow it. ${advice}`, EXIT.config, kind);
    default:
      return new CliFailure(`${from} answered with a redirect to ${to}${status} that so-batch does not follow (${reason(error).replace(/^.*, refused: /, '')}). ${advice}`, EXIT.config, kind);
  }
}

/** A task the server does not have (or will not show): plainly, not "it may have ended already". */
export function notThere(id: number): CliFailure {
  return new CliFailure(`Task ${id} does not exist on this server (or your user may not see it).`, EXIT.notFound);
}

/** Words a user can act on, for each failure the client reports. */
export function describe(error: BatchError | Error, target: Target): CliFailure {
  if (error instanceof CliFailure) return error;
  // The client reports every failure of the server or the network as a BatchError: anything else is so-batch's own.
  if (!(error instanceof BatchError)) return internalError(error);
  const batch = error;
  switch (batch.kind) {
    case 'http': {
      const { status } = batch as BatchError & { status: number };
      const detail = (batch as { body?: { ErrorMessage?: string } }).body?.ErrorMessage;
      const said = detail ? ` The server said: ${sentence(detail)}` : '';
      if (status === 401) return new CliFailure(`Not authorized (HTTP 401): ${target.credentials} was refused.${said}`, EXIT.auth, { status });
      if (status === 403) return new CliFailure(`Forbidden (HTTP 403): ${target.credentials} was accepted, but its user may not do this.${said}`, EXIT.auth, { status });
      // A body that is not SuperOffice's (an HTML page, a proxy's text): likely not a SuperOffice server at all.
      const text = (batch as { text?: string }).text;
      const foreign = !detail && text !== undefined && !/^\s*[{[]/.test(text);
      if (status === 404 && foreign) {
        return new CliFailure(`Not a SuperOffice answer: ${requestOf(target)} answered HTTP 404 with a page that is not JSON. The base URL (--base-url or SO_BASE_URL) is probably wrong: it is the installation's address, such as https://online.superoffice.com/Cust12345.`, EXIT.config, { kind: 'not-superoffice', status });
      }
      if (status === 404) return new CliFailure(sentence(`Not found (HTTP 404)${detail ? `: ${detail}` : ''}`), EXIT.notFound, { status });
      if (!detail) {
        return new CliFailure(`The server answered HTTP ${status} to ${requestOf(target)}, without SuperOffice's error body. Check that --base-url (or SO_BASE_URL) is a SuperOffice installation with the WebAPI on (try --verbose).`, EXIT.server, { status });
      }
      return new CliFailure(sentence(`The server answered HTTP ${status}: ${detail}`), EXIT.server, { status });
    }
    case 'null-response':
      return new CliFailure('The server answered null: nothing was found or done. Check the id, and that your user may see and change the task.', EXIT.notFound);
    case 'task-not-found':
      return notThere((batch as BatchTaskNotFoundError).id);
    case 'request-invalid':
      return new CliFailure(sentence(`The server could not use the request: ${reason(batch)}`), EXIT.server);
    case 'network': {
      // fetch says "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND, a TLS error) is its cause.
      const cause = batch.cause as (Error & { cause?: Error & { code?: string } }) | undefined;
      const why = cause?.cause?.code ?? cause?.cause?.message ?? cause?.message ?? 'network failure';
      if (why === 'bad port') {
        // fetch refuses the ports browsers block (such as 9, 25, 6000) before it tries to connect.
        const { port } = new URL(target.baseUrl);
        return new CliFailure(`Could not reach ${target.baseUrl}: fetch refuses to connect to port ${port}, one of the ports browsers block. Use another port in --base-url (or SO_BASE_URL).`, EXIT.config);
      }
      return new CliFailure(`Could not reach ${target.baseUrl}: ${why}. Check --base-url (or SO_BASE_URL) and the network.`, EXIT.network);
    }
    case 'timeout':
      return new CliFailure(`No answer from ${target.baseUrl} in time (${reason(batch).replace(/^no answer within /, '')}).`, EXIT.network);
    case 'aborted':
      return new CliFailure('Interrupted.', EXIT.interrupted);
    case 'unexpected-body':
      return new CliFailure(sentence(`Not a SuperOffice Batch answer from ${requestOf(target)}: ${reason(batch).replace(/^HTTP \d+ with an unexpected body: /, '')}`), EXIT.server, { kind: 'not-superoffice' });
    case 'redirect':
      return redirected(batch as BatchRedirectError);
    case 'response-too-large': {
      const { limitBytes, status } = batch as BatchResponseTooLargeError;
      const size = limitBytes % (1024 * 1024) === 0 ? `${limitBytes / (1024 * 1024)} MiB` : `${limitBytes} bytes`;
      return new CliFailure(`The server's answer (HTTP ${status}) is larger than ${size}, more than any answer of this API: so-batch stopped reading it.`, EXIT.server, { kind: 'response-too-large', status });
    }
    case 'task-failed':
      return new CliFailure(sentence(reason(batch).replace(/^b/, 'B')), EXIT.taskFailed);
    default:
      return new CliFailure(sentence(error.message), EXIT.server);
  }
}
