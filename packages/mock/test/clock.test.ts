// The sandbox's clock, through real HTTP requests to the mock: on a manual clock a job of an hour
// runs its course by `advance`, Created and LastStarted are the clock's, and the OData date
// functions (today, thisWeek...) are relative to it. A real clock cannot be moved.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createClock } from '../src/clock.ts';
import { startMock, type RunningMock } from '../src/index.ts';

const tje0 = { Authorization: 'Basic dGplMDpUamUw', 'Content-Type': 'application/json' };
const HOUR = 3_600_000;
/** A Wednesday, an hour before midnight UTC: the next day, week... are one advance away. */
const START = '2026-11-04T23:00:00.000Z';

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ clock: 'manual', clockStart: START, taskRunMs: HOUR });
});
afterAll(() => mock?.stop());
beforeEach(() => mock.reset());

async function agents(operation: string, body: unknown) {
  const reply = await fetch(`${mock.url}/api/v1/Agents/Batch/${operation}`, { method: 'POST', headers: tje0, body: JSON.stringify(body) });
  expect(reply.status).toBe(200);
  return reply.json();
}
async function archive(filter: string): Promise<number[]> {
  const reply = await fetch(`${mock.url}/api/v1/BatchTask?$select=batchTaskId&$filter=${encodeURIComponent(filter)}`, { headers: tje0 });
  expect(reply.status).toBe(200);
  return ((await reply.json()) as { value: { PrimaryKey: number }[] }).value.map((row) => row.PrimaryKey);
}

describe('a manual clock', () => {
  it('starts at clockStart and does not move on its own', async () => {
    expect(mock.clock.mode).toBe('manual');
    const before = mock.clock.now();
    await agents('GetBatchTaskInfo', { Id: 189 }); // some wall time passes
    expect(mock.clock.now()).toBe(before);
  });

  it('runs a job of an hour through its course, a step at a time: New, Started 50%, Succeeded', async () => {
    const created = mock.clock.now();
    const id = (await agents('StartBatchJob', { BatchTaskInfo: { Name: 'ExportJob' } })) as number;
    expect(await agents('GetBatchTaskInfo', { Id: id })).toMatchObject({ State: 'New', ProgressPercent: 0, Created: new Date(created).toISOString(), StartCount: 0 });

    // Queued for a tenth of the run, at most 500 ms; then started, at the clock's time.
    await mock.clock.advance(500);
    expect(await agents('GetBatchTaskInfo', { Id: id })).toMatchObject({ State: 'Started', ProgressPercent: 0, LastStarted: new Date(created + 500).toISOString() });
    await mock.clock.advance(HOUR / 2);
    expect(await agents('GetBatchTaskInfo', { Id: id })).toMatchObject({ State: 'Started', ProgressPercent: 50, ProgressDescription: 'Step 3 of 5' });
    await mock.clock.advance(HOUR / 2 - 1);
    expect((await agents('GetBatchTaskInfo', { Id: id })).State).toBe('Started');
    await mock.clock.advance(1);
    expect(await agents('GetBatchTaskInfo', { Id: id })).toMatchObject({ State: 'Succeeded', ProgressPercent: 100, Created: new Date(created).toISOString() });
  });

  it('set moves it to a given time, never backwards', async () => {
    const now = mock.clock.now();
    await mock.clock.set(new Date(now + HOUR));
    expect(mock.clock.now()).toBe(now + HOUR);
    expect(() => mock.clock.set(now)).toThrow(/^clock\.set: time .* is before the clock's present/);
    expect(() => mock.clock.set('yesterday')).toThrow(TypeError);
    expect(mock.clock.now()).toBe(now + HOUR);
  });

  it('the OData date functions are relative to it: a job started "today" is "yesterday" once midnight has passed', async () => {
    // Advance to a known hour on a known day: 23:00 UTC on the day the clock is on now.
    const day = new Date(mock.clock.now());
    const lateEvening = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 23);
    if (lateEvening > mock.clock.now()) await mock.clock.set(lateEvening);
    const id = (await agents('StartBatchJob', { BatchTaskInfo: { Name: 'ExportJob' } })) as number;
    expect(await archive('created today')).toContain(id);
    expect(await archive('created beforeToday')).not.toContain(id);

    await mock.clock.advance(2 * HOUR); // past midnight
    expect(await archive('created today')).not.toContain(id);
    expect(await archive('created beforeToday')).toContain(id);
    expect(await archive('lastStarted beforeToday')).toContain(id);

    // The next Monday (weeks start on Monday): the job was last week.
    const isoDay = ((new Date(lateEvening).getUTCDay() + 6) % 7) + 1;
    const nextMonday = lateEvening - 23 * HOUR + (8 - isoDay) * 24 * HOUR;
    await mock.clock.set(nextMonday - 1);
    expect(await archive('created thisWeek')).toContain(id);
    await mock.clock.advance(1);
    expect(await archive('created thisWeek')).not.toContain(id);
    expect(await archive('created lastWeek')).toContain(id);
  });

  it('refuses to advance by a negative, NaN, infinite or non-number amount, naming advance', () => {
    const now = mock.clock.now();
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY, '5' as unknown as number, undefined as unknown as number]) {
      expect(() => mock.clock.advance(bad)).toThrow(TypeError);
      expect(() => mock.clock.advance(bad)).toThrow(/^clock\.advance: ms must be a finite number of milliseconds, 0 or more, not /);
    }
    expect(mock.clock.now()).toBe(now);
  });

  it('reset() leaves the time where it is', async () => {
    await mock.clock.advance(1000);
    const now = mock.clock.now();
    mock.reset();
    expect(mock.clock.now()).toBe(now);
  });
});

describe('a real clock', () => {
  it('reads Date.now() and cannot be moved: advance and set throw a TypeError naming the mode', () => {
    const clock = createClock();
    expect(clock.mode).toBe('real');
    const before = Date.now();
    const now = clock.now();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
    expect(() => clock.advance(1000)).toThrow(TypeError);
    expect(() => clock.advance(1000)).toThrow("clock.advance: this mock's clock is real (clock: 'real')");
    expect(() => clock.set(Date.now() + 1000)).toThrow(/^clock\.set: this mock's clock is real/);
  });

  it('startMock refuses a clock it does not know and a clockStart that is no time, before starting anything', async () => {
    await expect(startMock({ clock: 'sundial' as 'manual' })).rejects.toThrow(new TypeError("startMock: clock must be 'real' or 'manual', not \"sundial\"."));
    await expect(startMock({ clock: 'manual', clockStart: 'soon' })).rejects.toThrow(/^startMock: clockStart must be a time/);
    await expect(startMock({ clock: 'manual', clockStart: Number.NaN })).rejects.toThrow(TypeError);
    await expect(startMock({ clockStart: 0 })).rejects.toThrow("startMock: clockStart needs clock: 'manual'");
  });
});
