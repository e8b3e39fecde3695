import { describe, expect, it } from 'vitest';
import { BatchClientOptionsError, createBatchClient, normalizeBaseUrl } from '../src/index.ts';
import { json, stubFetch } from './fetch-stub.ts';

describe('baseUrl: the installation address, with or without /api or /api/v1', () => {
  it.each([
    ['https://online.superoffice.com/Cust12345', 'https://online.superoffice.com/Cust12345'],
    ['https://online.superoffice.com/Cust12345/', 'https://online.superoffice.com/Cust12345'],
    ['https://online.superoffice.com/Cust12345/api', 'https://online.superoffice.com/Cust12345'],
    ['https://online.superoffice.com/Cust12345/api/v1/', 'https://online.superoffice.com/Cust12345'],
    ['https://crm.example.com/SuperOffice/API/V1', 'https://crm.example.com/SuperOffice'],
    ['http://127.0.0.1:4010', 'http://127.0.0.1:4010'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeBaseUrl(input)).toBe(expected);
  });

  it.each([
    ['', /baseUrl is required/],
    ['online.superoffice.com/Cust12345', /not an absolute URL/],
    ['ftp://crm.example.com/SuperOffice', /must use https/],
    ['https://online.superoffice.com/Cust12345/api/v1/Agents/Batch', /must end at the installation/],
    ['https://online.superoffice.com/Cust12345/api/v2', /must end at the installation/],
    ['https://online.superoffice.com/Cust12345?tenant=1', /query or fragment/],
  ])('refuses %j', (input, message) => {
    expect(() => normalizeBaseUrl(input)).toThrow(message);
  });

  it('refuses credentials in the URL without repeating them', () => {
    let error: unknown;
    try {
      createBatchClient({ baseUrl: 'https://user:hunter2@online.superoffice.com/Cust1', auth: { scheme: 'SOTicket', ticket: 't' } });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(BatchClientOptionsError);
    expect(String(error)).toMatch(/must not carry credentials/);
    expect(String(error)).not.toContain('hunter2');
  });

  it('sends requests under /api/v1 of the installation', async () => {
    const { fetch, requests } = stubFetch(json([]));
    const client = createBatchClient({ baseUrl: 'https://online.superoffice.com/Cust12345/api/', auth: { scheme: 'SOTicket', ticket: 't' }, fetch });
    await client.getBatchTaskInfosByState('All');
    expect(requests[0]!.url.href).toBe('https://online.superoffice.com/Cust12345/api/v1/BatchTask/All');
  });
});

describe('auth', () => {
  const baseUrl = 'https://crm.example.com/SuperOffice';

  it('Basic sends base64 of user:password (UTF-8)', async () => {
    const { fetch, requests } = stubFetch(json([]));
    await createBatchClient({ baseUrl, auth: { scheme: 'Basic', username: 'tje0', password: 'Tje0' }, fetch }).getBatchTaskInfosByState('All');
    expect(requests[0]!.headers.get('authorization')).toBe('Basic dGplMDpUamUw');
    const { fetch: fetch2, requests: requests2 } = stubFetch(json([]));
    await createBatchClient({ baseUrl, auth: { scheme: 'Basic', username: 'åse', password: 'pässword' }, fetch: fetch2 }).getBatchTaskInfosByState('All');
    const encoded = requests2[0]!.headers.get('authorization')!.slice('Basic '.length);
    expect(new TextDecoder().decode(Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0)))).toBe('åse:pässword');
  });

  it('SOTicket sends the ticket as it is', async () => {
    const { fetch, requests } = stubFetch(json([]));
    await createBatchClient({ baseUrl, auth: { scheme: 'SOTicket', ticket: '7T:abc123==' }, appToken: 'app-token', fetch }).getBatchTaskInfosByState('All');
    expect(requests[0]!.headers.get('authorization')).toBe('SOTicket 7T:abc123==');
    expect(requests[0]!.headers.get('so-apptoken')).toBe('app-token');
  });

  it('Bearer sends the token, and calls a token function on every request so it can refresh', async () => {
    const { fetch, requests } = stubFetch(json([]));
    let calls = 0;
    const client = createBatchClient({ baseUrl, auth: { scheme: 'Bearer', token: async () => `8A:token${++calls}` }, fetch });
    await client.getBatchTaskInfosByState('All');
    await client.getBatchTaskInfosByState('All');
    expect(requests.map((r) => r.headers.get('authorization'))).toEqual(['Bearer 8A:token1', 'Bearer 8A:token2']);
  });

  it('XSRF sends X-XSRF-TOKEN and no Authorization', async () => {
    const { fetch, requests } = stubFetch(json([]));
    await createBatchClient({ baseUrl, auth: { scheme: 'XSRF', token: 'abc1234' }, fetch }).getBatchTaskInfosByState('All');
    expect(requests[0]!.headers.get('x-xsrf-token')).toBe('abc1234');
    expect(requests[0]!.headers.has('authorization')).toBe(false);
  });

  it.each([
    [undefined, /options.auth is required/],
    [{ scheme: 'Negotiate' }, /scheme must be "Basic", "SOTicket", "Bearer" or "XSRF"/],
    [{ scheme: 'SOTicket', ticket: '' }, /ticket must be a non-empty string/],
    [{ scheme: 'Basic', username: 'a:b', password: 'x' }, /must not contain ":"/],
    [{ scheme: 'Bearer', token: 'line\nbreak' }, /must not contain line breaks/],
  ])('refuses auth %j at construction', (auth, message) => {
    expect(() => createBatchClient({ baseUrl, auth: auth as never })).toThrow(message);
  });
});

describe('SO-* headers', () => {
  it('sends language, culture, time zone and app token on every call, and per-call headers', async () => {
    const { fetch, requests } = stubFetch(json([]));
    const client = createBatchClient({
      baseUrl: 'https://crm.example.com/SuperOffice',
      auth: { scheme: 'SOTicket', ticket: 't' },
      language: 'nb',
      culture: 'sv',
      timeZone: 'NO, includeTZOffset',
      appToken: 'app',
      fetch,
    });
    await client.getBatchTaskInfosByState('Started', { headers: { 'X-Trace': 'abc' } });
    const headers = requests[0]!.headers;
    expect(headers.get('so-language')).toBe('nb');
    expect(headers.get('so-culture')).toBe('sv');
    expect(headers.get('so-timezone')).toBe('NO, includeTZOffset');
    expect(headers.get('so-apptoken')).toBe('app');
    expect(headers.get('x-trace')).toBe('abc');
    expect(headers.get('accept')).toBe('application/json');
  });

  it('sends no SO-* header that was not asked for', async () => {
    const { fetch, requests } = stubFetch(json([]));
    await createBatchClient({ baseUrl: 'https://crm.example.com/SuperOffice', auth: { scheme: 'SOTicket', ticket: 't' }, fetch }).getBatchTaskInfosByState('All');
    expect([...requests[0]!.headers.keys()].filter((name) => name.startsWith('so-'))).toEqual([]);
  });
});
