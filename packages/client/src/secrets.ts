// The client's credentials must never reach an error, a log line or `inspect` output. Errors
// from an injected fetch or a token function, and what a server or proxy echoes back, are the
// ways in: what they carry is checked, and copied without the secrets when needed.

const REDACTED = '[redacted]';
/** Bearer token functions and per-call headers bring new credentials: the last few are remembered. */
const REMEMBERED = 32;
/** How far into an error's properties and causes the check looks; what lies past it counts as unsafe. */
const MAX_DEPTH = 6;
const MAX_NODES = 2000;
/** A secret shorter than this is blanked out only where it stands alone, not inside longer words or numbers. */
const SHORT = 8;
/** Shorter values are too likely to be ordinary text to blank out at all. */
const SHORTEST = 4;

export interface Redactor {
  /** Remembers a credential seen at run time (a refreshed token, a per-call header) for a while. */
  remember(secret: string): void;
  /** `text` with every known credential blanked out. */
  text(text: string): string;
  /** A copy of a JSON-like value with every string in it passed through `text`. */
  deep<T>(value: T): T;
  /** `value` itself when nothing in it shows a credential; otherwise a copy that shows none. */
  cause(value: unknown): unknown;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The forms a secret shows in: as it is, and as JSON escapes it. */
function forms(secret: string): string[] {
  const escaped = JSON.stringify(secret).slice(1, -1);
  return escaped === secret ? [secret] : [secret, escaped];
}

/** A matcher for one secret: anywhere when long, standing alone when short. */
function matcher(secret: string): RegExp {
  const body = escapeRegExp(secret);
  return new RegExp(secret.length >= SHORT ? body : `(?<![A-Za-z0-9])${body}(?![A-Za-z0-9])`, 'g');
}

class Unsafe extends Error {}

export function createRedactor(fixed: readonly string[]): Redactor {
  const patterns = new Map<string, RegExp>();
  const fixedForms = new Set<string>();
  const recent: string[] = [];
  // Longest first: a secret that contains another is blanked out whole. Rebuilt only on change.
  let ordered: RegExp[] = [];
  const reorder = () => {
    ordered = [...patterns.entries()].sort(([a], [b]) => b.length - a.length).map(([, pattern]) => pattern);
  };
  const register = (secret: string) => {
    for (const form of forms(secret)) if (!patterns.has(form)) patterns.set(form, matcher(form));
  };
  for (const secret of fixed) {
    if (secret.length < SHORTEST) continue;
    register(secret);
    for (const form of forms(secret)) fixedForms.add(form);
  }
  reorder();

  const remember = (secret: string) => {
    if (secret.length < SHORTEST || recent.includes(secret)) return;
    recent.push(secret);
    register(secret);
    // Only what was remembered is forgotten: the client's own credentials stay known for good.
    if (recent.length > REMEMBERED) {
      for (const form of forms(recent.shift()!)) if (!fixedForms.has(form) && !recent.some((r) => forms(r).includes(form))) patterns.delete(form);
    }
    reorder();
  };

  const text = (value: string) => {
    let clean = value;
    for (const pattern of ordered) clean = clean.replace(pattern, REDACTED);
    return clean;
  };
  const leaks = (value: string) => text(value) !== value;

  function deep<T>(value: T, depth = 0): T {
    if (typeof value === 'string') return text(value) as T;
    if (!value || typeof value !== 'object' || depth > MAX_DEPTH) return value;
    if (Array.isArray(value)) return value.map((item) => deep(item, depth + 1)) as T;
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [text(key), deep(item, depth + 1)])) as T;
  }

  /**
   * Throws Unsafe when anything reachable from `value` shows a secret, or cannot be seen to the
   * end (too deep, too many parts, binary, or a property that throws).
   */
  function check(value: unknown, depth: number, seen: Set<unknown>): void {
    if (typeof value === 'string') {
      if (leaks(value)) throw new Unsafe();
      return;
    }
    if (!value || typeof value !== 'object' || seen.has(value)) return;
    if (depth > MAX_DEPTH || seen.size > MAX_NODES || ArrayBuffer.isView(value) || value instanceof ArrayBuffer) throw new Unsafe();
    seen.add(value);
    if (typeof Headers !== 'undefined' && value instanceof Headers) {
      for (const [name, item] of value) check(`${name}: ${item}`, depth + 1, seen);
      return;
    }
    if (typeof Request !== 'undefined' && value instanceof Request) {
      check(value.url, depth + 1, seen);
      check(value.headers, depth + 1, seen);
      return;
    }
    if (value instanceof Map) {
      for (const [key, item] of value) {
        check(key, depth + 1, seen);
        check(item, depth + 1, seen);
      }
    }
    if (value instanceof Set) for (const item of value) check(item, depth + 1, seen);
    const keys = new Set<PropertyKey>(Reflect.ownKeys(value));
    if (value instanceof Error) for (const key of ['message', 'stack', 'cause']) keys.add(key);
    for (const key of keys) {
      if (typeof key === 'string') check(key, depth + 1, seen);
      check((value as Record<PropertyKey, unknown>)[key], depth + 1, seen);
    }
  }

  function safe(value: unknown): boolean {
    try {
      check(value, 0, new Set());
      return true;
    } catch {
      return false; // Unsafe, or a property, Proxy or enumeration that threw: unsafe all the same
    }
  }

  /** An Error with the original's name, message, code and cause chain, credentials blanked out. */
  function copy(value: unknown, depth: number): unknown {
    try {
      if (!(value instanceof Error)) return typeof value === 'string' ? text(value) : REDACTED;
      const cause = depth < MAX_DEPTH && value.cause !== undefined ? { cause: copy(value.cause, depth + 1) } : undefined;
      const clean = new Error(text(String(value.message)), cause);
      clean.name = text(String(value.name));
      const code = (value as { code?: unknown }).code;
      if (typeof code === 'string' || typeof code === 'number') Object.assign(clean, { code: typeof code === 'string' ? text(code) : code });
      clean.stack = `${clean.name}: ${clean.message}\n    (stack removed: it could show a credential)`;
      return clean;
    } catch {
      return REDACTED;
    }
  }

  return {
    remember,
    text,
    deep: (value) => deep(value),
    cause: (value) => (safe(value) ? value : copy(value, 0)),
  };
}
