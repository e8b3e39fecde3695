// The client's credentials must never reach an error, a log line or `inspect` output. Errors
// from an injected fetch or a token function, and what a server or proxy echoes back, are the
// ways in: what they carry is checked, and copied without the secrets when needed.
//
// Nothing here runs on a call that succeeds: secrets are only stored when they arrive, and the
// patterns are built the first time a failure is redacted (the deep walks run on failures only).

const REDACTED = '[redacted]';
/** Bearer token functions and per-call headers bring new credentials: the last few are remembered. */
const REMEMBERED = 32;
/** How many values the deep copy walks; past that (an absurd body) values are copied without their content. */
const MAX_COPIED = 1_000_000;
/** How many objects the cause check looks at before it calls the cause unsafe (and copies it). */
const MAX_CHECKED = 10_000;
/** How long a cause chain is copied; past that (or round a cycle) the chain ends. */
const MAX_CAUSES = 100;
/** A secret shorter than this is blanked out only where it stands alone, not inside longer words or numbers. */
const SHORT = 8;
/** Shorter values are too likely to be ordinary text to blank out at all. */
const SHORTEST = 4;

export interface Redactor {
  /** Remembers a credential seen at run time (a refreshed token, a per-call header) for a while. */
  remember(secret: string): void;
  /** `text` with every known credential blanked out, in any of the forms an echo shows it in. */
  text(text: string): string;
  /** A copy of a JSON-like value, however deep, with every string and key in it passed through `text`. */
  deep<T>(value: T): T;
  /** `value` itself when nothing in it shows a credential; otherwise a copy that shows none. */
  cause(value: unknown): unknown;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function hex(code: number, digits: number): string {
  return code.toString(16).toUpperCase().padStart(digits, '0');
}

const JSON_SHORT_ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '/': '\\/', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
const HTML_NAMED: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const characterPatterns = new Map<string, string>();

/**
 * Every way one character of a secret shows in an echo: as it is (in any case: the patterns are
 * case-insensitive), percent-encoded (encodeURIComponent, forms' `+` for a space), JSON-escaped
 * (`\"`, `\/`, `\u002B` as .NET writes it) and HTML-escaped (`&amp;`, `&#43;`, `&#x2B;`). One
 * pattern per secret of these per-character choices also catches echoes that mix the forms.
 */
function characterPattern(char: string): string {
  let pattern = characterPatterns.get(char);
  if (pattern !== undefined) return pattern;
  const code = char.codePointAt(0)!;
  const choices = [escapeRegExp(char)];
  choices.push([...new TextEncoder().encode(char)].map((byte) => `%${hex(byte, 2)}`).join(''));
  const units = code > 0xffff ? [char.charCodeAt(0), char.charCodeAt(1)] : [code];
  choices.push(units.map((unit) => `\\\\u${hex(unit, 4)}`).join(''));
  if (JSON_SHORT_ESCAPES[char]) choices.push(escapeRegExp(JSON_SHORT_ESCAPES[char]));
  if (char === ' ') choices.push('\\+');
  choices.push(`&#0*${code};`, `&#x0*${hex(code, 1)};`);
  if (HTML_NAMED[char]) choices.push(HTML_NAMED[char]);
  pattern = `(?:${choices.join('|')})`;
  characterPatterns.set(char, pattern);
  return pattern;
}

/** A matcher for one secret, in all its forms: anywhere when long, standing alone when short. */
function matcher(secret: string): RegExp {
  const body = [...secret].map(characterPattern).join('');
  return new RegExp(secret.length >= SHORT ? body : `(?<![A-Za-z0-9])${body}(?![A-Za-z0-9])`, 'gi');
}

function base64Utf8(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The secrets of Basic credentials: the password, `user:password`, and its base64 as the header carries it. */
export function basicSecrets(username: string, password: string): string[] {
  return [password, `${username}:${password}`, base64Utf8(`${username}:${password}`)];
}

/** `user:password` from the base64 of a Basic header, when it is one. */
function decodeBasic(encoded: string): string | undefined {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0)));
    return text.includes(':') ? text : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What else a secret shows as on its own: a header value's credential without its scheme
 * ("SOTicket 7T:..." as "7T:..."), Basic's user:password and password, base64 without padding.
 */
function parts(secret: string): string[] {
  const found = [secret];
  const scheme = /^([A-Za-z][\w-]*)\s+(\S.*)$/.exec(secret);
  if (scheme) {
    found.push(scheme[2]!);
    const decoded = /^basic$/i.test(scheme[1]!) ? decodeBasic(scheme[2]!.trim()) : undefined;
    if (decoded) found.push(...basicSecrets(decoded.slice(0, decoded.indexOf(':')), decoded.slice(decoded.indexOf(':') + 1)));
  }
  for (const part of [...found]) if (/[^=]=+$/.test(part)) found.push(part.replace(/=+$/, ''));
  return found.filter((part) => part.length >= SHORTEST);
}

class Unsafe extends Error {}

export function createRedactor(fixed: readonly string[]): Redactor {
  const fixedSecrets = new Set(fixed.flatMap(parts));
  const recent: string[] = [];
  const compiled = new Map<string, RegExp>();
  let patterns: RegExp[] | undefined;

  /** The patterns of every known secret, built when first needed after a change. */
  const current = (): RegExp[] => {
    if (patterns) return patterns;
    const secrets = new Set([...fixedSecrets, ...recent.flatMap(parts)]);
    for (const secret of compiled.keys()) if (!secrets.has(secret)) compiled.delete(secret);
    for (const secret of secrets) if (!compiled.has(secret)) compiled.set(secret, matcher(secret));
    return (patterns = [...compiled.values()]);
  };

  const remember = (secret: string) => {
    if (typeof secret !== 'string' || secret.length < SHORTEST || fixedSecrets.has(secret) || recent.includes(secret)) return;
    recent.push(secret);
    // Only what was remembered is forgotten: the client's own credentials stay known for good.
    if (recent.length > REMEMBERED) recent.shift();
    patterns = undefined;
  };

  /**
   * Every stretch any secret covers is blanked out, overlaps merged: two secrets that overlap in
   * the text are blanked whole, whichever is longer.
   */
  const text = (value: string): string => {
    let spans: [number, number][] | undefined;
    for (const pattern of current()) {
      pattern.lastIndex = 0;
      for (let match = pattern.exec(value); match; match = pattern.exec(value)) {
        (spans ??= []).push([match.index, match.index + match[0].length]);
        pattern.lastIndex = match.index + 1;
      }
    }
    if (!spans) return value;
    spans.sort((a, b) => a[0] - b[0]);
    let clean = '';
    let at = 0;
    for (let i = 0; i < spans.length; ) {
      const start = spans[i]![0];
      let end = spans[i]![1];
      while (++i < spans.length && spans[i]![0] <= end) end = Math.max(end, spans[i]![1]);
      clean += `${value.slice(at, start)}${REDACTED}`;
      at = end;
    }
    return clean + value.slice(at);
  };

  const leaks = (value: string): boolean =>
    current().some((pattern) => {
      pattern.lastIndex = 0;
      return pattern.test(value);
    });

  /**
   * Walked with a stack of its own, not by recursion: no depth is too deep. A value met twice (a
   * cycle) and whatever lies past MAX_COPIED values are copied without their content.
   */
  function deep<T>(value: T): T {
    if (typeof value === 'string') return text(value) as T;
    if (!value || typeof value !== 'object') return value;
    let budget = MAX_COPIED;
    const seen = new Set<object>([value]);
    const root: unknown = Array.isArray(value) ? [] : {};
    const pending: [source: object, target: Record<string, unknown> | unknown[]][] = [[value, root as Record<string, unknown>]];
    while (pending.length > 0) {
      const [source, target] = pending.pop()!;
      const entries: [string | number, unknown][] = Array.isArray(source) ? source.map((item, index) => [index, item]) : Object.entries(source);
      for (const [key, item] of entries) {
        let clean: unknown;
        if (--budget < 0) clean = REDACTED;
        else if (typeof item === 'string') clean = text(item);
        else if (!item || typeof item !== 'object') clean = item;
        else if (seen.has(item)) clean = REDACTED;
        else {
          seen.add(item);
          clean = Array.isArray(item) ? [] : {};
          pending.push([item, clean as Record<string, unknown>]);
        }
        if (Array.isArray(target)) target[key as number] = clean;
        // defineProperty: a key such as "__proto__" from JSON stays a plain property.
        else Object.defineProperty(target, text(key as string), { value: clean, enumerable: true, writable: true, configurable: true });
      }
    }
    return root as T;
  }

  /**
   * Throws Unsafe when anything reachable from `value` shows a secret, or cannot be seen to the
   * end (too many parts, binary, or a property that throws). A stack of its own, no depth limit.
   */
  function check(value: unknown): void {
    const seen = new Set<unknown>();
    const pending: unknown[] = [value];
    while (pending.length > 0) {
      const item = pending.pop();
      if (typeof item === 'string') {
        if (leaks(item)) throw new Unsafe();
        continue;
      }
      if (!item || typeof item !== 'object' || seen.has(item)) continue;
      if (seen.size >= MAX_CHECKED || ArrayBuffer.isView(item) || item instanceof ArrayBuffer) throw new Unsafe();
      seen.add(item);
      if (typeof Headers !== 'undefined' && item instanceof Headers) {
        for (const [name, header] of item) pending.push(`${name}: ${header}`);
        continue;
      }
      if (typeof Request !== 'undefined' && item instanceof Request) {
        pending.push(item.url, item.headers);
        continue;
      }
      if (item instanceof Map) for (const [key, entry] of item) pending.push(key, entry);
      if (item instanceof Set) for (const entry of item) pending.push(entry);
      const keys = new Set<PropertyKey>(Reflect.ownKeys(item));
      if (item instanceof Error) for (const key of ['message', 'stack', 'cause']) keys.add(key);
      for (const key of keys) {
        if (typeof key === 'string') pending.push(key);
        pending.push((item as Record<PropertyKey, unknown>)[key]);
      }
    }
  }

  function safe(value: unknown): boolean {
    try {
      check(value);
      return true;
    } catch {
      return false; // Unsafe, or a property, Proxy or enumeration that threw: unsafe all the same
    }
  }

  /** One Error with the original's name, message and code, credentials blanked out, over the copied cause. */
  function copyOne(value: unknown, cause: { cause: unknown } | undefined): unknown {
    try {
      if (!(value instanceof Error)) return typeof value === 'string' ? text(value) : REDACTED;
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

  /** The cause chain, copied from its innermost end outwards (no recursion, so no depth limit but MAX_CAUSES). */
  function copy(value: unknown): unknown {
    const chain: unknown[] = [];
    const seen = new Set<unknown>();
    for (let link: unknown = value; chain.length < MAX_CAUSES && !seen.has(link); ) {
      seen.add(link);
      chain.push(link);
      try {
        if (!(link instanceof Error) || link.cause === undefined) break;
        link = link.cause;
      } catch {
        break;
      }
    }
    let copied: { cause: unknown } | undefined;
    for (let i = chain.length - 1; i >= 0; i--) copied = { cause: copyOne(chain[i], copied) };
    return copied!.cause;
  }

  return {
    remember,
    text,
    deep,
    cause: (value) => (safe(value) ? value : copy(value)),
  };
}
