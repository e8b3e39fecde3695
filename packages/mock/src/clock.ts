// The sandbox's clock: everything time-dependent in the mock reads it (a job's course, Created and
// LastStarted, the OData date functions). Real by default; a manual one moves only when the test
// says, so a job of an hour is tested in milliseconds of wall time.

export type ClockMode = 'real' | 'manual';

export interface MockClock {
  /** 'real' (Date.now) or 'manual' (moves only by advance and set). */
  readonly mode: ClockMode;
  /** The sandbox's present, in ms since the epoch. */
  now(): number;
  /**
   * Moves a manual clock forward by `ms` (a finite number, 0 or more). Throws a TypeError on a
   * real clock, and on a negative, NaN or infinite `ms`. The promise resolves once every job
   * and answer sees the new time (at once: the store computes each task from the clock when read).
   */
  advance(ms: number): Promise<void>;
  /** Moves a manual clock to `time` (ms since the epoch, a Date or an ISO 8601 string); never backwards. */
  set(time: number | Date | string): Promise<void>;
}

/** Reads a point in time given as ms since the epoch, a Date or an ISO 8601 string; NaN when it is none. */
function toMs(time: unknown): number {
  if (typeof time === 'number') return time;
  if (time instanceof Date) return time.getTime();
  if (typeof time === 'string' && /^\d{4}-\d{2}-\d{2}/.test(time)) return Date.parse(time);
  return Number.NaN;
}

const describe = (value: unknown): string => (typeof value === 'string' ? JSON.stringify(value) : typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean' || value == null ? String(value) : typeof value);

/**
 * A clock. `start` (manual mode only; the real present by default) is where a manual clock
 * starts. Misuse throws a TypeError naming the option or method.
 */
export function createClock(mode: unknown = 'real', start?: unknown): MockClock {
  if (mode !== 'real' && mode !== 'manual') throw new TypeError(`startMock: clock must be 'real' or 'manual', not ${describe(mode)}.`);
  if (mode === 'real') {
    if (start !== undefined) throw new TypeError("startMock: clockStart needs clock: 'manual' (a real clock reads the present).");
    const refuse = (method: string) => {
      throw new TypeError(`clock.${method}: this mock's clock is real (clock: 'real'), so it cannot be moved; start the mock with startMock({ clock: 'manual' }) to move time by hand.`);
    };
    return {
      mode,
      now: () => Date.now(),
      advance: () => refuse('advance'),
      set: () => refuse('set'),
    };
  }
  let current = start === undefined ? Date.now() : toMs(start);
  if (!Number.isFinite(current)) throw new TypeError(`startMock: clockStart must be a time (ms since the epoch, a Date or an ISO 8601 string), not ${describe(start)}.`);
  return {
    mode,
    now: () => current,
    advance(ms: number): Promise<void> {
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
        throw new TypeError(`clock.advance: ms must be a finite number of milliseconds, 0 or more, not ${describe(ms)}.`);
      }
      current += ms;
      return Promise.resolve();
    },
    set(time: number | Date | string): Promise<void> {
      const ms = toMs(time);
      if (!Number.isFinite(ms)) throw new TypeError(`clock.set: time must be ms since the epoch, a Date or an ISO 8601 string, not ${describe(time)}.`);
      if (ms < current) throw new TypeError(`clock.set: time ${new Date(ms).toISOString()} is before the clock's present ${new Date(current).toISOString()}; a sandbox's time only moves forward.`);
      current = ms;
      return Promise.resolve();
    },
  };
}
