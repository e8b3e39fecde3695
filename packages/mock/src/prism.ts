import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';

export interface PrismProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

function prismEntry(): string {
  const require = createRequire(import.meta.url);
  return require.resolve('@stoplight/prism-cli/dist/index.js');
}

/**
 * Starts `prism mock` (or `prism proxy` when upstream is given) on a free loopback port and
 * resolves once it listens. Its output goes to `log`, line by line.
 */
export async function startPrism(options: {
  specPath: string;
  upstream?: string;
  log: (line: string) => void;
  readyTimeoutMs?: number;
}): Promise<PrismProcess> {
  const host = '127.0.0.1';
  const port = await freePort(host);
  const command = options.upstream ? ['proxy', options.specPath, options.upstream] : ['mock', options.specPath];
  const exitWithParent = new URL('./exit-with-parent.js', import.meta.url).href;
  const child = spawn(process.execPath, ['--import', exitWithParent, prismEntry(), ...command, '--host', host, '--port', String(port), '--errors=false'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', SCARF_ANALYTICS: 'false' },
  });
  // Our end of Prism's stdin must not keep this process alive.
  (child.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  const stopChild = () => child.kill('SIGTERM');
  process.once('exit', stopChild);

  let stopping = false;
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  // A Prism that ends on its own leaves the front answering 502: say how it ended, for the log a failing test shows.
  child.once('exit', (code, signal) => {
    if (!stopping) options.log(`[prism] exited unexpectedly (code ${code}, signal ${signal})`);
  });
  const stop = async () => {
    stopping = true;
    process.off('exit', stopChild);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    }
  };

  // Prism starts in 2 s on an idle machine, but loading its bundle beside other work on two
  // cores (a whole `pnpm test` starts several at once) has taken over 30 s.
  const readyTimeoutMs = options.readyTimeoutMs ?? 90_000;
  await new Promise<void>((resolveReady, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`Prism did not start within ${readyTimeoutMs} ms`));
    }, readyTimeoutMs);
    let buffered = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        options.log(`[prism] ${line}`);
        if (line.includes('Prism is listening')) {
          clearTimeout(timer);
          resolveReady();
        }
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Prism exited with code ${code} before it listened`));
    });
  });
  return { url: `http://${host}:${port}`, child, stop };
}
