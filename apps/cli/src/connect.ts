import { createBatchClient, type BatchAuth, type BatchClient } from '@so-batch/client';
import { CliFailure, describe, EXIT } from './failures.ts';

export interface ConnectionOptions {
  baseUrl?: string;
  language?: string;
  timezone?: string;
  mock?: boolean;
}

export interface Connection {
  client: BatchClient;
  baseUrl: string;
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

/** The credentials the environment gives; the first of SO_TICKET, SO_TOKEN, SO_USER/SO_PASSWORD, SO_XSRF_TOKEN. */
export function credentialsFrom(env: Environment): BatchAuth | undefined {
  if (env.SO_TICKET) return { scheme: 'SOTicket', ticket: env.SO_TICKET };
  if (env.SO_TOKEN) return { scheme: 'Bearer', token: env.SO_TOKEN };
  if (env.SO_USER || env.SO_PASSWORD) {
    if (!env.SO_USER || env.SO_PASSWORD === undefined) throw new CliFailure('SO_USER and SO_PASSWORD go together: set both for Basic credentials.', EXIT.config);
    return { scheme: 'Basic', username: env.SO_USER, password: env.SO_PASSWORD };
  }
  if (env.SO_XSRF_TOKEN) return { scheme: 'XSRF', token: env.SO_XSRF_TOKEN };
  return undefined;
}

export async function connect(options: ConnectionOptions, env: Environment, log: (line: string) => void): Promise<Connection> {
  let baseUrl = options.baseUrl ?? env.SO_BASE_URL;
  let close = async () => {};
  let auth = credentialsFrom(env);
  if (options.mock) {
    // Imported by name at run time: the mock lives in the workspace, not in the published CLI.
    const mockPackage = '@so-batch/mock';
    let startMock: (options: { taskRunMs?: number }) => Promise<{ url: string; stop(): Promise<void> }>;
    try {
      ({ startMock } = (await import(mockPackage)) as { startMock: typeof startMock });
    } catch {
      throw new CliFailure('--mock needs the so-batch workspace (its @so-batch/mock package): run the CLI from there.', EXIT.config);
    }
    // Jobs started on the mock run MOCK_TASK_SECONDS (5 by default), as with `pnpm dev`.
    const seconds = Number(env.MOCK_TASK_SECONDS);
    const mock = await startMock(env.MOCK_TASK_SECONDS && Number.isFinite(seconds) && seconds >= 0 ? { taskRunMs: seconds * 1000 } : {});
    baseUrl = mock.url;
    close = () => mock.stop();
    auth ??= { scheme: 'SOTicket', ticket: '7T:so-batch-mock' };
    log(`Using the so-batch mock at ${mock.url}`);
  }
  if (!baseUrl) throw new CliFailure('No server: pass --base-url or set SO_BASE_URL (such as https://online.superoffice.com/Cust12345), or use --mock.', EXIT.config);
  if (!auth) {
    await close();
    throw new CliFailure('No credentials: set SO_TICKET, SO_TOKEN, or SO_USER with SO_PASSWORD (SO_APP_TOKEN too for SuperOffice Online).', EXIT.config);
  }
  try {
    const client = createBatchClient({
      baseUrl,
      auth,
      ...(env.SO_APP_TOKEN ? { appToken: env.SO_APP_TOKEN } : {}),
      ...(options.language ? { language: options.language } : {}),
      ...(options.timezone ? { timeZone: options.timezone } : {}),
    });
    return { client, baseUrl, close };
  } catch (error) {
    await close();
    throw describe(error as Error, baseUrl);
  }
}
