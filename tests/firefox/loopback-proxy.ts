/**
 * Firefox has no --host-resolver-rules, so it is pointed at this HTTP proxy instead: a CONNECT to
 * one of the two CertCentral hosts on 443 is piped to the local sandbox, and every other request
 * (another host, another port, plain HTTP) is refused and written down. The proxy itself listens on
 * loopback and only ever connects to loopback, so nothing the browser asks for can leave the machine.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, type Socket } from 'node:net';

const ALLOWED = new Set(['www.digicert.com:443', 'certcentral.digicert.eu:443']);

export type LoopbackProxy = {
  port: number;
  /** Every CONNECT target or URL that was refused, in order. */
  refused: string[];
  /** Every CONNECT target that was passed to the sandbox, in order. */
  tunnelled: string[];
  close: () => Promise<void>;
};

export async function startLoopbackProxy(sandboxPort: number): Promise<LoopbackProxy> {
  const refused: string[] = [];
  const tunnelled: string[] = [];
  const open = new Set<Socket>();
  const track = (socket: Socket) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    refused.push(`${req.method} ${req.url}`);
    res.writeHead(403, { 'content-type': 'text/plain', connection: 'close' });
    res.end('Refused by the test proxy: only the CertCentral hosts are reachable.\n');
  });
  server.on('connection', track);
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    // Lower-cased: Firefox sends the host as typed in the URL, and hosts are case-insensitive.
    const target = (req.url ?? '').toLowerCase();
    if (!ALLOWED.has(target)) {
      refused.push(`CONNECT ${target}`);
      client.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      return;
    }
    tunnelled.push(target);
    const upstream = connect(sandboxPort, '127.0.0.1');
    track(upstream);
    upstream.once('connect', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    // Either side going away takes the other with it, so no half-open tunnel outlives the test.
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    refused,
    tunnelled,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
