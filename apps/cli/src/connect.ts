import { BatchClientOptionsError, createBatchClient, type BatchAuth, type BatchClient } from '@so-batch/client';
import { CliFailure, describe, EXIT, sentence, type Target } from './failures.ts';

export interface ConnectionOptions {
  baseUrl?: string;
  language?: string;
  timezone?: string;
  mock?: boolean;
  /** Log each request (method, URL, status, time) through `log`. */
  verbose?: boolean;
  /** Each request's time limit (--request-timeout), instead of the client's 30 s. */
  requestTimeoutMs?: number;
}

export interface Connection {
  client: BatchClient;
  target: Target;
  close(): Promise<void>;
}

type Environment = Record<string, string | undefined>;

export const ENVIRONMENT_HELP = `
Configuration (credentials only from the environment, never from arguments):
  SO_BASE_URL     the installation, such as https://online.superoffice.com/Cust12345 (or --base-url)
  SO_TICKET       an SOTicket credential
  SO_TOKEN        a Bearer access token (SuperOffice Online)
  SO_USER         with SO_PASSWORD: Basic credentials (Onsite)
  SO_XSRF_TOKEN   the X-XSRF-TOKEN of a logged-in session
  SO_APP_TOKEN    the application token SuperOffice Online requires with SO_TICKET
  NO_COLOR        no colour and no animation`;

interface Credentials {
  auth: BatchAuth;
  /** The variables they came from, for messages: such as SO_TICKET. */
  source: string;
}

/** The credentials the environment gives; the first of SO_TICKET, SO_TOKEN, SO_USER/SO_PASSWORD, SO_XSRF_TOKEN. */
export function credentialsFrom(env: Environment): Credentials | undefined {
  if (env.SO_TICKET) return { auth: { scheme: 'SOTicket', ticket: env.SO_TICKET }, source: 'SO_TICKET' };
  if (env.SO_TOKEN) return { auth: { scheme: 'Bearer', token: env.SO_TOKEN }, source: 'SO_TOKEN' };
  if (env.SO_USER || env.SO_PASSWORD) {
    if (!env.SO_USER || env.SO_PASSWORD === undefined) throw new CliFailure('SO_USER and SO_PASSWORD go together: set both for Basic credentials.', EXIT.config);
    return { auth: { scheme: 'Basic', username: env.SO_USER, password: env.SO_PASSWORD }, source: 'SO_USER with SO_PASSWORD' };
  }
  if (env.SO_XSRF_TOKEN) return { auth: { scheme: 'XSRF', token: env.SO_XSRF_TOKEN }, source: 'SO_XSRF_TOKEN' };
  return undefined;
}

/** Why --mock could not load the mock, and what to do about it, in one line. */
function mockUnavailable(error: Error): CliFailure {
  const why = error.message.split('\n')[0]!.trim().replace(/\.$/, '');
  // The mock ships compiled JavaScript: what can go missing is the package itself.
  const advice = 'It needs the so-batch workspace (its @so-batch/mock package): run so-batch from there, through pnpm.';
  return new CliFailure(`--mock could not load the mock (${why}). ${advice}`, EXIT.config);
}

/**
 * createBatchClient's message in this CLI's words: each option named by the flag or variable it
 * came from. Its messages never quote a value, and neither does this.
 */
function optionsFailure(error: BatchClientOptionsError, names: Record<string, string>): CliFailure {
  const message = error.message
    .replace(/^createBatchClient: /, '')
    .replace(/pass them in options\.auth\b/, 'set SO_TICKET, SO_TOKEN, or SO_USER with SO_PASSWORD instead')
    .replace(/\boptions(\.\w+)+/g, (name) => names[name] ?? name);
  return new CliFailure(sentence(message), EXIT.config);
}

/**
 * The client's fetch, keeping the last request in `target` (failures name it) and, with --verbose,
 * logging each one: method, URL, status and time. Never a header: the credentials travel there.
 */
function observedFetch(target: Target, log: ((line: string) => void) | undefined): (request: Request) => Promise<Response> {
  return async (request) => {
    target.lastRequest = { method: request.method, url: request.url };
    const started = performance.now();
    const took = () => `${Math.round(performance.now() - started)} ms`;
    try {
      const response = await fetch(request);
      log?.(`${request.method} ${request.url} -> ${response.status} (${took()})`);
      return response;
    } catch (error) {
      log?.(`${request.method} ${request.url} -> no answer: ${(error as Error).name === 'AbortError' || (error as Error).name === 'TimeoutError' ? 'aborted' : (error as Error).message} (${took()})`);
      throw error;
    }
  };
}

export async function connect(options: ConnectionOptions, env: Environment, log: (line: string) => void): Promise<Connection> {
  let baseUrl = options.baseUrl ?? env.SO_BASE_URL;
  let baseUrlSource = options.baseUrl !== undefined ? '--base-url' : 'SO_BASE_URL';
  let close = async () => {};
  let credentials = credentialsFrom(env);
  if (options.mock) {
    // Imported by name at run time: the mock lives in the workspace, not in the published CLI.
    const mockPackage = '@so-batch/mock';
    let startMock: (options: { taskRunMs?: number }) => Promise<{ url: string; stop(): Promise<void> }>;
    try {
      ({ startMock } = (await import(mockPackage)) as { startMock: typeof startMock });
    } catch (error) {
      throw mockUnavailable(error as Error);
    }
    // Jobs started on the mock run MOCK_TASK_SECONDS (5 by default), as with `pnpm dev`.
    const seconds = Number(env.MOCK_TASK_SECONDS);
    let mock: Awaited<ReturnType<typeof startMock>>;
    try {
      mock = await startMock(env.MOCK_TASK_SECONDS && Number.isFinite(seconds) && seconds >= 0 ? { taskRunMs: seconds * 1000 } : {});
    } catch (error) {
      throw new CliFailure(`--mock could not start the mock: ${sentence((error as Error).message.split('\n')[0]!)}`, EXIT.config);
    }
    baseUrl = mock.url;
    baseUrlSource = "the mock's URL";
    close = () => mock.stop();
    credentials ??= { auth: { scheme: 'SOTicket', ticket: '7T:so-batch-mock' }, source: "the mock's own ticket" };
    // Said once: each --mock command has a mock of its own, which ends with it.
    log(`Using the so-batch mock at ${mock.url}: a fresh mock for this command only (tasks that an earlier --mock command started are gone; its seed tasks, such as 9001, do not move on their own).`);
  }
  if (!baseUrl) throw new CliFailure('No server: pass --base-url or set SO_BASE_URL (such as https://online.superoffice.com/Cust12345), or use --mock.', EXIT.config);
  if (!credentials) {
    await close();
    throw new CliFailure('No credentials: set SO_TICKET, SO_TOKEN, or SO_USER with SO_PASSWORD (SO_APP_TOKEN too for SuperOffice Online).', EXIT.config);
  }
  const { auth } = credentials;
  const target: Target = { baseUrl, credentials: `${credentials.source}${env.SO_APP_TOKEN ? ' (with SO_APP_TOKEN)' : ''}` };
  try {
    const client = createBatchClient({
      baseUrl,
      fetch: observedFetch(target, options.verbose ? log : undefined),
      ...(options.requestTimeoutMs !== undefined ? { timeoutMs: options.requestTimeoutMs } : {}),
      auth,
      ...(env.SO_APP_TOKEN ? { appToken: env.SO_APP_TOKEN } : {}),
      ...(options.language ? { language: options.language } : {}),
      ...(options.timezone ? { timeZone: options.timezone } : {}),
    });
    return { client, target, close };
  } catch (error) {
    await close();
    if (!(error instanceof BatchClientOptionsError)) throw describe(error as Error, target);
    throw optionsFailure(error, {
      'options.baseUrl': baseUrlSource,
      'options.auth': credentials.source,
      'options.auth.ticket': 'SO_TICKET',
      'options.auth.token': auth.scheme === 'XSRF' ? 'SO_XSRF_TOKEN' : 'SO_TOKEN',
      'options.auth.username': 'SO_USER',
      'options.auth.password': 'SO_PASSWORD',
      'options.appToken': 'SO_APP_TOKEN',
      'options.language': '--language',
      'options.timeZone': '--timezone',
    });
  }
}
