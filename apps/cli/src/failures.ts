import { BatchClientOptionsError, type BatchError } from '@so-batch/client';

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
  interrupted: 130,
} as const;

export const EXIT_CODES_HELP = `
Exit codes:
  0    done (watch: the task Succeeded)
  1    watch: the task Failed
  2    wrong usage (an unknown option, state or property)
  3    configuration missing or wrong (base URL, credentials)
  4    not authorized (HTTP 401 or 403)
  5    not found (no such task, or the server answered null)
  6    the server refused or failed (another HTTP error)
  7    no answer (network failure or timeout)
  130  interrupted (Ctrl-C); a watched task goes on`;

/** A failure to report as one line on stderr, with its exit code. */
export class CliFailure extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number) {
    super(message);
    this.exitCode = exitCode;
  }
}

const CREDENTIAL_VARIABLES = 'SO_TICKET, SO_TOKEN, or SO_USER with SO_PASSWORD (and SO_APP_TOKEN for SuperOffice Online)';

/** Words a user can act on, for each failure the client reports. */
export function describe(error: BatchError | Error, baseUrl: string): CliFailure {
  if (error instanceof BatchClientOptionsError) return new CliFailure(error.message.replace(/^createBatchClient: options\./, '').replace(/^baseUrl/, '--base-url (or SO_BASE_URL)'), EXIT.config);
  if (error instanceof CliFailure) return error;
  const batch = error as BatchError;
  switch (batch.kind) {
    case 'http': {
      const { status } = batch as BatchError & { status: number };
      const detail = (batch as { body?: { ErrorMessage?: string } }).body?.ErrorMessage;
      if (status === 401 || status === 403) return new CliFailure(`Not authorized (HTTP ${status}): check ${CREDENTIAL_VARIABLES}.${detail ? ` The server said: ${detail}` : ''}`, EXIT.auth);
      if (status === 404) return new CliFailure(`Not found (HTTP 404)${detail ? `: ${detail}` : ''}.`, EXIT.notFound);
      return new CliFailure(`The server answered HTTP ${status}${detail ? `: ${detail}` : ''}.`, EXIT.server);
    }
    case 'null-response':
      return new CliFailure('The server answered null: nothing was found or done. Check the id, and that your user may see and change the task.', EXIT.notFound);
    case 'task-not-found':
      return new CliFailure(`${batch.message.replace(/^[^:]+: /, '')}.`, EXIT.notFound);
    case 'request-invalid':
      return new CliFailure(`The server could not use the request: ${batch.message.replace(/^[^:]+: /, '')}`, EXIT.server);
    case 'network':
    {
      // fetch says "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND, a TLS error) is its cause.
      const cause = batch.cause as (Error & { cause?: Error & { code?: string } }) | undefined;
      const reason = cause?.cause?.code ?? cause?.cause?.message ?? cause?.message ?? 'network failure';
      return new CliFailure(`Could not reach ${baseUrl}: ${reason}. Check --base-url (or SO_BASE_URL) and the network.`, EXIT.network);
    }
    case 'timeout':
      return new CliFailure(`No answer from ${baseUrl} in time (${batch.message.replace(/^[^:]+: no answer within /, '')}).`, EXIT.network);
    case 'aborted':
      return new CliFailure('Interrupted.', EXIT.interrupted);
    case 'unexpected-body':
      return new CliFailure(`The server's answer was not what the API describes: ${batch.message.replace(/^[^:]+: /, '')}.`, EXIT.server);
    case 'task-failed':
      return new CliFailure(batch.message.replace(/^[^:]+: /, '').replace(/^b/, 'B'), EXIT.taskFailed);
    default:
      return new CliFailure(error.message, EXIT.server);
  }
}
