import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { curlScript } from '../src/model/curl.ts';
import { ModelHttp, TransportProblem, type ModelTarget, type RecordedRequest } from '../src/model/http.ts';
import { modelSettings } from '../src/model/run.ts';

const realTarget: ModelTarget = {
  kind: 'real',
  baseUrl: 'https://crm.example.com/SuperOffice',
  headers: { authorization: 'SOTicket 7T:secret-ticket', 'SO-AppToken': 'secret-app-token' },
  curlCredentials: ['-H', '"Authorization: $SO_AUTH"', '-H', '"SO-AppToken: $SO_APP_TOKEN"'],
  curlBase: `BASE='https://crm.example.com/SuperOffice'`,
};

describe('the curl lines of a failing sequence', () => {
  const transcript: RecordedRequest[] = [
    { method: 'POST', path: '/api/v1/BatchTask', body: { Name: "Bob's job" }, status: 200, startedId: 10007 },
    { method: 'PUT', path: '/api/v1/BatchTask/10007', body: { State: 'Failed', Description: 'a 10007 b' }, status: 200 },
    { method: 'POST', path: '/api/v1/Agents/Batch/DeleteBatchTasks', body: { BatchTaskIds: [10007, 189] }, status: 204 },
    { method: 'POST', path: '/mock/clock/advance', body: { ms: 600501 }, status: 200, control: true },
    { method: 'POST', path: '/api/v1/BatchTask/10007/Stop', status: 400 },
    { method: 'PUT', path: '/mock/jobs/%20ExportJob%20', body: { hang: true }, status: 200, control: true },
    { method: 'POST', path: '/mock/faults', body: { operation: 'v1Batch_StartBatchJob', status: 503, retryAfter: 2, when: 'after', times: 1 }, status: 201, control: true },
    { method: 'POST', path: '/api/v1/BatchTask', body: { Name: 'ExportJob' }, status: 503, startedId: 10008, answerLost: true },
    { method: 'POST', path: '/mock/faults', body: { operation: 'v1Batch_DeleteBatchTask', reset: true, when: 'before', times: 1 }, status: 201, control: true },
    { method: 'DELETE', path: '/api/v1/BatchTask/10008', dropped: 'fetch failed: UND_ERR_SOCKET' },
    { method: 'GET', path: `/api/v1/BatchTask?${new URLSearchParams({ $filter: "name eq 'ExportJob'", $top: '3' })}`, status: 200, failure: 'row 9 is missing\nsecond line' },
  ];
  const script = curlScript(transcript, realTarget);
  const lines = script.split('\n');

  it('keep a started id in a shell variable and use it in paths and id properties only', () => {
    expect(lines).toContain(`T1=$(curl -sS -X POST -H "Authorization: $SO_AUTH" -H "SO-AppToken: $SO_APP_TOKEN" "$BASE"'/api/v1/BatchTask' -H 'Content-Type: application/json' -d '{"Name":"Bob'\\''s job"}'); echo "T1=$T1"  # 200`);
    expect(lines).toContain(`curl -sS -X PUT -H "Authorization: $SO_AUTH" -H "SO-AppToken: $SO_APP_TOKEN" "$BASE"'/api/v1/BatchTask/'"$T1" -H 'Content-Type: application/json' -d '{"State":"Failed","Description":"a 10007 b"}'  # 200`);
    expect(script).toContain(`-d '{"BatchTaskIds":['"$T1"',189]}'  # 204`);
    expect(script).toContain(`"$BASE"'/api/v1/BatchTask/'"$T1"'/Stop'  # 400`);
  });

  it('replay the steps on the mock\'s sandbox as curl lines of its control API, in their place and without credentials', () => {
    const at = lines.indexOf(`curl -sS -X POST "$BASE"'/mock/clock/advance' -H 'Content-Type: application/json' -d '{"ms":600501}'  # 200`);
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toMatch(/\/Stop'  # 400$/);
    expect(lines).toContain(`curl -sS -X PUT "$BASE"'/mock/jobs/%20ExportJob%20' -H 'Content-Type: application/json' -d '{"hang":true}'  # 200`);
    expect(lines).toContain(`curl -sS -X POST "$BASE"'/mock/faults' -H 'Content-Type: application/json' -d '{"operation":"v1Batch_StartBatchJob","status":503,"retryAfter":2,"when":"after","times":1}'  # 201`);
  });

  it('give a start whose answer a fault took the id after the last start, and say when a connection was dropped', () => {
    const start = lines.findIndex((line) => line.includes(`-d '{"Name":"ExportJob"}'`));
    expect(lines[start]).toMatch(/^curl -sS -X POST .*  # 503$/);
    expect(lines[start + 1]).toBe('T2=$((T1 + 1)); echo "T2=$T2"  # the answer was lost: the task it started has the next id');
    expect(lines).toContain(`curl -sS -X DELETE -H "Authorization: $SO_AUTH" -H "SO-AppToken: $SO_APP_TOKEN" "$BASE"'/api/v1/BatchTask/'"$T2"  # no answer: the connection was dropped`);
  });

  it('show the OData query decoded, and what broke under the request that broke it', () => {
    expect(lines).toContain(`# $filter=name eq 'ExportJob'  $top=3`);
    expect(lines.at(-2)).toBe('# ^ broke the contract: row 9 is missing');
    expect(lines.at(-1)).toBe('#   second line');
  });

  it('never print a credential the run sent', () => {
    expect(script).not.toMatch(/secret/);
    expect(script).toContain('SO_AUTH');
  });
});

describe('the seed and the number of sequences', () => {
  it('default to a fixed seed and 200 sequences, and follow SO_MODEL_SEED and SO_MODEL_RUNS', () => {
    expect(modelSettings({})).toEqual({ seed: 20261129, numRuns: 200 });
    expect(modelSettings({ SO_MODEL_SEED: '-7', SO_MODEL_RUNS: '1000' })).toEqual({ seed: -7, numRuns: 1000 });
  });

  it('refuse what is not a whole number, naming the variable', () => {
    expect(() => modelSettings({ SO_MODEL_SEED: 'abc' })).toThrow(/SO_MODEL_SEED must be a whole number/);
    expect(() => modelSettings({ SO_MODEL_RUNS: '0' })).toThrow(/SO_MODEL_RUNS must be a whole number of at least 1/);
    expect(() => modelSettings({ SO_MODEL_PATH: '1;rm' })).toThrow(/SO_MODEL_PATH must be the path a failure printed/);
    expect(modelSettings({ SO_MODEL_PATH: '3:0:12' })).toEqual({ seed: 20261129, numRuns: 200, path: '3:0:12' });
    expect(modelSettings({ SO_MODEL_PATH: '97:3:2@CD+/:AAB' })).toEqual({ seed: 20261129, numRuns: 200, path: '97:3:2', replayPath: 'CD+/:AAB' });
    expect(() => modelSettings({ SO_MODEL_PATH: '3:0@"x"' })).toThrow(/SO_MODEL_PATH must be the path a failure printed/);
  });
});

describe("the model run's HTTP", () => {
  it('returns a dropped connection as a value, recorded for the curl lines, and send() turns it into a TransportProblem', async () => {
    // A server that drops every connection without an answer, as a `reset` fault does.
    const server = createServer((req) => req.socket.destroy());
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    try {
      const http = new ModelHttp({ ...realTarget, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
      const answer = await http.attempt('POST', '/api/v1/BatchTask', { Name: 'ExportJob' });
      expect(answer).toEqual({ dropped: expect.any(String) });
      expect(http.transcript.at(-1)).toMatchObject({ method: 'POST', path: '/api/v1/BatchTask', dropped: expect.any(String) });
      expect(http.transcript.at(-1)!.status).toBeUndefined();
      await expect(http.send('GET', '/api/v1/BatchTask/1')).rejects.toThrow(TransportProblem);
    } finally {
      server.closeAllConnections();
      await new Promise((closed) => server.close(closed));
    }
  });

  it('ends the wait of a request that never gets an answer, saying so', async () => {
    // A fetch that hangs until its signal gives up: only the bounded wait ends it.
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal!.reason));
      });
    const http = new ModelHttp(realTarget, hanging, { answerWaitMs: 50 });
    await expect(http.attempt('GET', '/api/v1/BatchTask/1')).rejects.toThrow(/GET \/api\/v1\/BatchTask\/1 got no answer within 0.05 s, and its connection stayed open/);
  });
});
