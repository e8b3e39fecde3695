// One benchmark server in a process of its own, started by servers.ts's serverProcess():
// `plain` (the floor: fixed bytes, servers.ts's plainServer) or `mock` (the so-batch mock's
// front, which starts Prism in another process). It tells the parent its URL over IPC, and
// lives until the parent stops it (SIGTERM) or goes away (the IPC channel closes).
import { plainServer } from './servers.ts';

const kind = process.argv[2];
if (!process.send) {
  console.error('serve.ts is started by bench/src/servers.ts (serverProcess), with an IPC channel.');
  process.exit(2);
}

let stop: () => Promise<void>;
if (kind === 'plain') {
  const server = await plainServer();
  stop = server.close;
  process.send({ url: server.url });
} else if (kind === 'mock') {
  const { startMock } = await import('@so-batch/mock');
  const mock = await startMock();
  stop = mock.stop;
  process.send({ url: mock.url });
} else {
  console.error(`serve.ts: no server "${kind}" (plain or mock).`);
  process.exit(2);
}

let stopping = false;
const shutDown = () => {
  if (stopping) return;
  stopping = true;
  const timer = setTimeout(() => process.exit(0), 3_000);
  void stop().finally(() => {
    clearTimeout(timer);
    process.exit(0);
  });
};
process.on('SIGTERM', shutDown);
// Ctrl-C reaches the whole process group: the parent decides when the server stops.
process.on('SIGINT', () => {});
process.on('disconnect', shutDown);
