import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Step {
  State: string;
  ProgressPercent: number;
  ProgressDescription: string | null;
  Result?: string | null;
}

/**
 * A small server that moves tasks through scripted states, one step per GetBatchTaskInfo
 * (Prism alone always answers the same example). It records every request it gets.
 */
export async function scriptedServer(scripts: Record<number, Step[]>, startedId = 77) {
  const requests: { path: string; body: unknown; authorization: string | undefined }[] = [];
  const polls = new Map<number, number>();
  const read = async (req: IncomingMessage) => {
    let text = '';
    for await (const chunk of req) text += chunk;
    return text ? JSON.parse(text) : undefined;
  };
  const server = createServer(async (req, res) => {
    const body = await read(req);
    requests.push({ path: req.url ?? '', body, authorization: req.headers.authorization });
    const json = (value: unknown) => res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(value));
    if (req.url?.startsWith('/api/v1/Agents/Batch/GetBatchTaskInfo')) {
      const id = (body as { Id: number }).Id;
      const script = scripts[id];
      if (!script) return json(null);
      const at = polls.get(id) ?? 0;
      polls.set(id, at + 1);
      const step = script[Math.min(at, script.length - 1)]!;
      return json({
        Id: id, Name: 'ExportJob', AssociateId: 5, DetailsTable: 0, DetailsRecord: 0, IsSystemTask: false, IsInternalTask: false,
        ParameterObject: null, LastStarted: '2026-11-22T10:00:00Z', Created: '2026-11-22T09:59:00Z', StartCount: 1, DatabaseSerialNumber: '1',
        Context: null, Result: null, Description: null, Response: null, Request: null, TableRight: null, FieldProperties: null, ...step,
      });
    }
    if (req.url?.startsWith('/api/v1/Agents/Batch/StartBatchJob')) return json(startedId);
    res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ Error: true, ErrorType: 'NotFound', ErrorMessage: 'not scripted' }));
  });
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', () => resolveListen()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    stop: () => new Promise<void>((resolveClose) => {
      server.close(() => resolveClose());
      server.closeAllConnections();
    }),
  };
}
