import { basicSecrets, createRedactor } from '@so-batch/client/redaction';
import type { Io } from './output.ts';

// Defence in depth: the client keeps credentials out of its errors, but a server may still echo
// them (in an error body, in a task's Description). Nothing the CLI prints may show them.

const SECRET_VARIABLES = ['SO_TICKET', 'SO_TOKEN', 'SO_PASSWORD', 'SO_XSRF_TOKEN', 'SO_APP_TOKEN'] as const;

/** The credentials' values, as set and as Basic sends them; the client's redactor adds the other forms (encoded, escaped, any case). */
export function secretsIn(env: Record<string, string | undefined>): string[] {
  const values: string[] = SECRET_VARIABLES.map((name) => env[name]).filter((value) => value !== undefined);
  if (env.SO_USER && env.SO_PASSWORD !== undefined) values.push(...basicSecrets(env.SO_USER, env.SO_PASSWORD));
  return values;
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
  // The client's own rules (every echo form, short secrets only where they stand alone).
  const scrub = createRedactor(secrets).text;
  return { ...io, stdout: scrubbing(io.stdout, scrub), stderr: scrubbing(io.stderr, scrub), scrub };
}
