import { createBatchClient } from '@so-batch/client';
import { getBatchTaskInfo } from '@so-batch/client/agents';
import { createBatchCore } from '@so-batch/client/core';
import { createRequire } from 'node:module';
import createClient from 'openapi-fetch';
import { Bench } from 'tinybench';
import { serverProcess } from './servers.ts';
import { median, shuffle } from './stats.ts';

// Loaded as CommonJS: the package's ESM build has extensionless imports that Node cannot load,
// so CommonJS is what a Node integration of it uses.
const { BatchAgent } = createRequire(import.meta.url)('@superoffice/webapi') as typeof import('@superoffice/webapi');

export interface ClientFigures {
  name: string;
  /** Medians over the rounds. */
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** calls/s of each round (a run of every contender, in a shuffled order), in round order. */
  roundsRps: number[];
}

const ROUNDS = 7;
const ROUND_MS = 1500;

/**
 * One GetBatchTaskInfo call, awaited and parsed, through each client, against a plain server
 * that answers the page's sample body. The server runs in a process of its own: in this one it
 * would share the event loop with the clients, and its work would count as theirs (more so for
 * the slower clients, which skews the ratios). tinybench runs each contender for ROUND_MS per
 * round; rounds are interleaved in a shuffled order, and the medians of the rounds are reported.
 */
export async function measureClients(): Promise<ClientFigures[]> {
  const server = await serverProcess('plain');
  try {
    return await measureAgainst(server.url);
  } finally {
    await server.close();
  }
}

async function measureAgainst(serverUrl: string): Promise<ClientFigures[]> {
  const url = `${serverUrl}/api/v1/Agents/Batch/GetBatchTaskInfo`;
  const auth = 'SOTicket 7T:bench==';

  const ours = createBatchClient({ baseUrl: serverUrl, auth: { scheme: 'SOTicket', ticket: '7T:bench==' }, retry: false });
  const core = createBatchCore({ baseUrl: serverUrl, auth: { scheme: 'SOTicket', ticket: '7T:bench==' }, retry: false });
  const theirs = new BatchAgent({ baseUrl: `${serverUrl}/api/`, axiosConfig: { headers: { Authorization: auth } } } as never);

  const bare = createClient<import('@so-batch/client').paths>({ baseUrl: serverUrl, headers: { Authorization: auth } });

  const contenders: Record<string, () => Promise<unknown>> = {
    'plain fetch': async () => {
      const response = await fetch(url, { method: 'POST', headers: { Authorization: auth, 'Content-Type': 'application/json', Accept: 'application/json' }, body: '{"Id":189}' });
      return response.json();
    },
    '@so-batch/client, one function': async () => {
      const { data, error } = await getBatchTaskInfo(core, 189);
      if (error) throw error;
      return data;
    },
    '@so-batch/client, createBatchClient()': async () => {
      const { data, error } = await ours.getBatchTaskInfo(189);
      if (error) throw error;
      return data;
    },
    '@superoffice/webapi': () => theirs.getBatchTaskInfoAsync(189),
    // What the client is built on, with nothing of ours: where the client's own cost starts.
    'openapi-fetch alone': async () => (await bare.POST('/api/v1/Agents/Batch/GetBatchTaskInfo', { body: { Id: 189 } })).data,
  };
  // Every contender gets the same answer before anything is measured.
  for (const [name, call] of Object.entries(contenders)) {
    const result = (await call()) as { Id?: number; id?: number };
    if ((result.Id ?? result.id) !== 248) throw new Error(`${name} did not get the sample task: ${JSON.stringify(result).slice(0, 200)}`);
  }

  const samples = new Map<string, { rps: number[]; p50: number[]; p99: number[] }>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const name of shuffle(Object.keys(contenders))) {
      const bench = new Bench({ time: ROUND_MS, warmupTime: 200 });
      bench.add(name, contenders[name]!);
      await bench.run();
      const result = bench.tasks[0]!.result as unknown as { throughput: { mean: number }; latency: { p50: number; p99: number } };
      const entry = samples.get(name) ?? { rps: [], p50: [], p99: [] };
      entry.rps.push(result.throughput.mean);
      entry.p50.push(result.latency.p50);
      entry.p99.push(result.latency.p99);
      samples.set(name, entry);
    }
  }
  return Object.keys(contenders).map((name) => {
    const s = samples.get(name)!;
    return { name, rps: median(s.rps), p50Ms: median(s.p50), p99Ms: median(s.p99), roundsRps: s.rps };
  });
}
