// The client's credentials must never reach an error, a log line or `inspect` output. Errors
// from an injected fetch or a token function are the one way in (they may quote the request and
// its headers), so what they carry is checked, and copied without the secrets when needed.

const REDACTED = '[redacted]';
/** Bearer token functions hand out a new token now and then: the last few are remembered. */
const REMEMBERED = 16;
const MAX_DEPTH = 4;

export interface Redactor {
  /** Remembers a credential so that it is blanked out from then on. */
  add(secret: string): void;
  /** `text` with every known credential blanked out. */
  text(text: string): string;
  /** `value` itself when nothing in it shows a credential; otherwise a copy that shows none. */
  cause(value: unknown): unknown;
}

export function createRedactor(initial: readonly string[]): Redactor {
  const secrets = new Set<string>();
  const add = (secret: string) => {
    // Shorter values are too likely to be ordinary words: they would garble every message.
    if (secret.length < 4) return;
    secrets.delete(secret);
    secrets.add(secret);
    if (secrets.size > REMEMBERED + initial.length) secrets.delete(secrets.values().next().value!);
  };
  for (const secret of initial) add(secret);

  const leaks = (text: string) => [...secrets].some((secret) => text.includes(secret));
  const text = (value: string) => {
    let clean = value;
    for (const secret of secrets) clean = clean.split(secret).join(REDACTED);
    return clean;
  };

  /** Whether anything reachable from `value` (strings, headers, a Request's headers, causes) shows a secret. */
  function shows(value: unknown, depth: number, seen: Set<unknown>): boolean {
    if (typeof value === 'string') return leaks(value);
    if (!value || typeof value !== 'object' || depth > MAX_DEPTH || seen.has(value)) return false;
    seen.add(value);
    if (typeof Headers !== 'undefined' && value instanceof Headers) return [...value.values()].some(leaks);
    if (typeof Request !== 'undefined' && value instanceof Request) return leaks(value.url) || shows(value.headers, depth + 1, seen);
    const keys = new Set<PropertyKey>(Reflect.ownKeys(value));
    if (value instanceof Error) for (const key of ['message', 'stack', 'cause']) keys.add(key);
    for (const key of keys) {
      let child: unknown;
      try {
        child = (value as Record<PropertyKey, unknown>)[key];
      } catch {
        continue;
      }
      if (shows(child, depth + 1, seen)) return true;
    }
    return false;
  }

  /** An Error with the original's name, message, code and cause chain, credentials blanked out. */
  function copy(value: unknown, depth: number): unknown {
    if (!(value instanceof Error)) return typeof value === 'string' ? text(value) : REDACTED;
    const cause = depth < MAX_DEPTH && value.cause !== undefined ? { cause: copy(value.cause, depth + 1) } : undefined;
    const clean = new Error(text(value.message), cause);
    clean.name = value.name;
    const code = (value as { code?: unknown }).code;
    if (typeof code === 'string' || typeof code === 'number') Object.assign(clean, { code });
    clean.stack = `${clean.name}: ${clean.message}\n    (stack removed: it showed a credential)`;
    return clean;
  }

  return {
    add,
    text,
    cause: (value) => (shows(value, 0, new Set()) ? copy(value, 0) : value),
  };
}
