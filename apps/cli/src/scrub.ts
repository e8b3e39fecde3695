import type { Io } from './output.ts';

// Defence in depth: the client keeps credentials out of its errors, but a server may still echo
// them (in an error body, in a task's Description). Nothing the CLI prints may show them.

const SECRET_VARIABLES = ['SO_TICKET', 'SO_TOKEN', 'SO_PASSWORD', 'SO_XSRF_TOKEN', 'SO_APP_TOKEN'] as const;
const REDACTED = '[redacted]';
/** As the client does: shorter values are too likely to be ordinary words, and would garble every line. */
const SHORTEST = 4;

/** The credentials' values in every form output could show them: as set, as Basic sends them, as JSON escapes them. */
export function secretsIn(env: Record<string, string | undefined>): string[] {
  const values: string[] = SECRET_VARIABLES.map((name) => env[name]).filter((value) => value !== undefined);
  if (env.SO_USER && env.SO_PASSWORD !== undefined) values.push(Buffer.from(`${env.SO_USER}:${env.SO_PASSWORD}`).toString('base64'));
  const forms = values.filter((value) => value.length >= SHORTEST).flatMap((value) => [value, JSON.stringify(value).slice(1, -1)]);
  // Longest first: a secret that contains another is blanked out whole.
  return [...new Set(forms)].sort((a, b) => b.length - a.length);
}

/** Below this length a secret is blanked only where it stands alone: '1000' must not turn task 10002 into '[redacted]2'. */
const SHORT = 8;

export function scrubber(secrets: readonly string[]): (text: string) => string {
  const patterns = secrets.map((secret) => {
    const body = secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(secret.length >= SHORT ? body : `(?<![A-Za-z0-9])${body}(?![A-Za-z0-9])`, 'g');
  });
  return (text) => patterns.reduce((clean, pattern) => clean.replace(pattern, REDACTED), text);
}

/**
 * The stream, with every string written to it scrubbed. A proxy rather than a new stream: the
 * progress bar needs the terminal's own isTTY, columns and cursor control.
 */
function scrubbing<T extends NodeJS.WritableStream>(stream: T, scrub: (text: string) => string): T {
  const write = (chunk: unknown, ...rest: unknown[]) =>
    (stream.write as (...args: unknown[]) => boolean)(typeof chunk === 'string' ? scrub(chunk) : chunk instanceof Uint8Array ? scrub(Buffer.from(chunk).toString('utf8')) : chunk, ...rest);
  return new Proxy(stream, {
    get(target, key) {
      if (key === 'write') return write;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** `io` whose stdout and stderr never show the credentials of its environment. */
export function scrubbed(io: Io): Io {
  const secrets = secretsIn(io.env);
  if (secrets.length === 0) return io;
  const scrub = scrubber(secrets);
  return { ...io, stdout: scrubbing(io.stdout, scrub), stderr: scrubbing(io.stderr, scrub), scrub };
}
