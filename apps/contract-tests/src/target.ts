import { startMock, type RunningMock } from '@so-batch/mock';
import type { BatchAuth } from '@so-batch/client';
import { startPrism, type PrismProcess } from '@so-batch/mock/prism';
import { LogTap } from './log-tap.ts';
import { specPath } from './openapi.ts';

export type Scheme = 'Basic' | 'SOTicket' | 'Bearer' | 'XSRF';

/** What the suite talks to, and what that target can do. */
export interface Target {
  mode: 'mock' | 'proxy-to-mock' | 'real';
  /** Where requests go. */
  url: string;
  /** The server behind Prism's proxy, for what Prism's proxy cannot carry. */
  upstreamUrl: string | undefined;
  /** Credential headers by scheme; a scheme without credentials is skipped. */
  credentials: Partial<Record<Scheme, Record<string, string>>>;
  clientAuth: BatchAuth;
  /** Extra headers for every request (SO-AppToken for Online). */
  commonHeaders: Record<string, string>;
  /** Whether `Prefer: code=...` selects a response (Prism's mock does; a real server does not). */
  honoursPrefer: boolean;
  /** Whether Prism checks each response against the spec (sl-violations). */
  prismValidates: boolean;
  /** Whether operations that change data may run. */
  writes: boolean;
  /** Whether the target rejects what the spec rejects (the mock); a real server binds leniently. */
  strict: boolean;
  /** What the mock and Prism logged, numbered, for a failing test to show its own lines. */
  logs: LogTap;
  /** Puts the target's tasks back as they started (the mock's store); a real server has none. */
  reset?: () => void;
  /** The Id of every task the target holds (the mock's store), for the cases that read them all; a real server does not say. */
  taskIds?: () => number[];
  stop(): Promise<void>;
}

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

const MOCK_CREDENTIALS: Target['credentials'] = {
  Basic: { Authorization: basic('tje0', 'Tje0') },
  SOTicket: { Authorization: 'SOTicket 7T:dGVzdA==', 'SO-AppToken': 'contract-tests' },
  Bearer: { Authorization: 'Bearer 8A:dGVzdA==' },
  XSRF: { 'X-XSRF-TOKEN': 'contract-tests' },
};

async function proxy(upstream: string, logs: LogTap): Promise<PrismProcess> {
  return startPrism({ specPath: specPath(), upstream, log: logs.push });
}

export async function startTarget(mode: Target['mode']): Promise<Target> {
  const logs = new LogTap();
  if (mode === 'mock') {
    const mock: RunningMock = await startMock({ onLog: logs.push });
    return {
      mode, url: mock.url, upstreamUrl: undefined, credentials: MOCK_CREDENTIALS,
      clientAuth: { scheme: 'Basic', username: 'tje0', password: 'Tje0' }, commonHeaders: {},
      honoursPrefer: true, prismValidates: false, writes: true, strict: true, logs, reset: () => mock.reset(), taskIds: () => mock.tasks().map((task) => task.Id), stop: () => mock.stop(),
    };
  }
  if (mode === 'proxy-to-mock') {
    const mock = await startMock({ onLog: logs.push });
    const prism = await proxy(mock.url, logs);
    return {
      mode, url: prism.url, upstreamUrl: mock.url, credentials: MOCK_CREDENTIALS,
      clientAuth: { scheme: 'Basic', username: 'tje0', password: 'Tje0' }, commonHeaders: {},
      honoursPrefer: true, prismValidates: true, writes: true, strict: true, logs, reset: () => mock.reset(),
      stop: async () => {
        await prism.stop();
        await mock.stop();
      },
    };
  }
  const env = realServerEnvironment();
  if (!env) throw new Error('SO_CONTRACT_BASE_URL is not set');
  const prism = await proxy(env.upstream, logs);
  return {
    mode, url: prism.url, upstreamUrl: env.upstream, credentials: env.credentials, clientAuth: env.clientAuth,
    commonHeaders: env.appToken ? { 'SO-AppToken': env.appToken } : {},
    honoursPrefer: false, prismValidates: true, writes: env.writes, strict: false, logs, stop: () => prism.stop(),
  };
}

/**
 * A real server, from the environment: SO_CONTRACT_BASE_URL (the installation, such as
 * https://online.superoffice.com/Cust12345) and one or more of SO_TICKET, SO_TOKEN,
 * SO_USER with SO_PASSWORD, SO_XSRF_TOKEN; SO_APP_TOKEN for Online; SO_CONTRACT_WRITES=1 to
 * also send any request to the operations that start, update, stop or delete real tasks.
 */
export function realServerEnvironment() {
  const base = process.env.SO_CONTRACT_BASE_URL;
  if (!base) return undefined;
  const upstream = base.replace(/\/+$/, '').replace(/\/api(\/v1)?$/i, '');
  const credentials: Target['credentials'] = {};
  let clientAuth: BatchAuth | undefined;
  const { SO_TICKET, SO_TOKEN, SO_USER, SO_PASSWORD, SO_XSRF_TOKEN, SO_APP_TOKEN } = process.env;
  if (SO_XSRF_TOKEN) (credentials.XSRF = { 'X-XSRF-TOKEN': SO_XSRF_TOKEN }), (clientAuth = { scheme: 'XSRF', token: SO_XSRF_TOKEN });
  if (SO_USER && SO_PASSWORD) (credentials.Basic = { Authorization: basic(SO_USER, SO_PASSWORD) }), (clientAuth = { scheme: 'Basic', username: SO_USER, password: SO_PASSWORD });
  if (SO_TOKEN) (credentials.Bearer = { Authorization: `Bearer ${SO_TOKEN}` }), (clientAuth = { scheme: 'Bearer', token: SO_TOKEN });
  if (SO_TICKET) (credentials.SOTicket = { Authorization: `SOTicket ${SO_TICKET}` }), (clientAuth = { scheme: 'SOTicket', ticket: SO_TICKET });
  if (!clientAuth) throw new Error('SO_CONTRACT_BASE_URL is set, but no credentials: set SO_TICKET, SO_TOKEN, SO_USER with SO_PASSWORD, or SO_XSRF_TOKEN.');
  return { upstream, credentials, clientAuth, appToken: SO_APP_TOKEN, writes: process.env.SO_CONTRACT_WRITES === '1' };
}
