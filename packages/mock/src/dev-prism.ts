// Warm Prisms for the dev loop: one spare process always has Prism's modules loaded, so serving a
// new spec takes Prism's parse of it (about 0.3 s) instead of a cold start (about 1.3 s).
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort, type PrismProcess } from './prism.ts';

const HOST_SCRIPT = fileURLToPath(new URL('./dev-prism-host.ts', import.meta.url));
const READY_TIMEOUT_MS = 30_000;

export interface WarmPrisms {
  /** Serves `specPath` with the spare (and starts the next spare); resolves once Prism listens. */
  serve(specPath: string, log: (line: string) => void): Promise<PrismProcess>;
  /** Ends the spare; the Prisms already serving are stopped by their own stop(). */
  stop(): Promise<void>;
}

function spawnHost(warmupSpec: string | undefined): ChildProcess {
  const child = spawn(process.execPath, [HOST_SCRIPT, ...(warmupSpec ? [warmupSpec] : [])], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', SCARF_ANALYTICS: 'false' },
  });
  // A host whose stdin is never written must not keep the dev loop alive, nor outlive it.
  (child.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  child.unref();
  const kill = () => child.kill('SIGTERM');
  process.once('exit', kill);
  child.once('exit', () => process.off('exit', kill));
  return child;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}

export function warmPrisms(): WarmPrisms {
  let spare: ChildProcess | undefined = spawnHost(undefined);
  let stopped = false;
  return {
    async serve(specPath, log) {
      const child = spare ?? spawnHost(undefined);
      spare = undefined;
      const host = '127.0.0.1';
      const port = await freePort(host);
      let stopping = false;
      const stop = async () => {
        stopping = true;
        await stopChild(child);
      };
      child.once('exit', (code, signal) => {
        if (!stopping) log(`[prism] exited unexpectedly (code ${code}, signal ${signal})`);
      });
      await new Promise<void>((resolveReady, reject) => {
        const tail: string[] = [];
        const fail = (why: string) => {
          clearTimeout(timer);
          void stop();
          reject(new Error(`${why}${tail.length ? `; its last lines:\n${tail.join('\n')}` : ''}`));
        };
        const timer = setTimeout(() => fail(`Prism did not serve ${specPath} within ${READY_TIMEOUT_MS} ms`), READY_TIMEOUT_MS);
        let buffered = '';
        let warm = false;
        const onData = (chunk: Buffer) => {
          buffered += chunk.toString('utf8');
          const lines = buffered.split('\n');
          buffered = lines.pop() ?? '';
          for (const line of lines) {
            // What the host printed while warming up is not about this spec.
            if (!warm) {
              warm = line === 'so-batch prism host ready';
              continue;
            }
            log(`[prism] ${line}`);
            tail.push(line);
            if (tail.length > 20) tail.shift();
            if (line.includes('Prism is listening')) {
              clearTimeout(timer);
              resolveReady();
            }
          }
        };
        child.stdout!.on('data', onData);
        child.stderr!.on('data', onData);
        child.once('exit', (code) => fail(`Prism exited with code ${code} before it listened`));
        child.stdin!.write(`${JSON.stringify(['mock', specPath, '--host', host, '--port', String(port), '--errors=false'])}\n`);
      });
      // The next spare warms up on this spec, most like the next one; only now, so that its
      // start does not take the CPU from this one's.
      if (!stopped) spare ??= spawnHost(specPath);
      return { url: `http://${host}:${port}`, child, stop };
    },
    async stop() {
      stopped = true;
      const last = spare;
      spare = undefined;
      if (last) await stopChild(last);
    },
  };
}
