// The local CertCentral sandbox: an HTTPS emulator of the Services API (/services/v2), the console
// pages (/secure/orders/) and control endpoints (/__sandbox/). Chromium reaches it through
// --host-resolver-rules for www.digicert.com and certcentral.digicert.eu; both hosts are served alike.
import type { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import { handleApi } from './api';
import { checkKey, checkPermission, keyNameFor, RateLimiter } from './auth';
import { homePage, orderDetailsPage, ordersListPage } from './console-pages';
import { handleControl } from './control';
import { Faults, faultReply, redirectReply } from './faults';
import { apiError, type ParsedBody, parseJsonBody, type Reply, readBody, text } from './http-util';
import { type LogEntry, redactHeaders } from './request-log';
import { seedState } from './seed';
import type { SandboxState } from './state';
import { sandboxTls } from './tls';

export interface SandboxOptions {
  /** 0 (default) = a random free port. */
  port?: number;
  /**
   * Clock for seed dates, validity rules, rate limiting and the log. Tests move it forward through
   * POST /__sandbox/clock (or `sandbox.clock`), which adds an offset to it.
   */
  now?: () => Date;
}

export interface Sandbox {
  port: number;
  origin: string;
  state: SandboxState;
  /** Every request except /__sandbox/ control calls, oldest first. */
  requestLog: LogEntry[];
  faults: Faults;
  /** The offset added to the clock (ms); reset() sets it back to 0. */
  clock: SandboxClock;
  /** Back to the seed: orders, settings, log, faults, rate-limit counters and the clock offset. */
  reset(): void;
  close(): Promise<void>;
}

export type { Fault, FaultRule, Faults } from './faults';
export type { LogEntry } from './request-log';
export { SANDBOX_KEYS, SEED_IDS } from './seed';
export type { SandboxSettings, SandboxState, StoredOrder } from './state';

const API_PREFIX = '/services/v2';

export interface SandboxClock {
  offsetMs: number;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const baseNow = options.now ?? (() => new Date());
  const clock: SandboxClock = { offsetMs: 0 };
  const now = () => new Date(baseNow().getTime() + clock.offsetMs);
  const tls = await sandboxTls();
  const state = seedState(now());
  const requestLog: LogEntry[] = [];
  const faults = new Faults();
  const limiter = new RateLimiter(now);
  const sockets = new WeakMap<Socket, { id: number; count: number }>();
  let seq = 0;
  let socketSeq = 0;

  const reset = () => {
    clock.offsetMs = 0;
    Object.assign(state, seedState(now()));
    requestLog.length = 0;
    faults.reset();
    limiter.reset();
  };

  function route(req: IncomingMessage, url: URL, body: ParsedBody): Reply {
    const method = req.method ?? 'GET';
    const path = url.pathname;
    if (path === '/__sandbox' || path.startsWith('/__sandbox/')) {
      return handleControl(method, path, url.searchParams, body, {
        state,
        requestLog,
        faults,
        reset,
        now,
        clock,
      });
    }
    if (path.startsWith(`${API_PREFIX}/`)) {
      const key = checkKey(req.headers['x-dc-devkey'] as string | undefined);
      if (typeof key !== 'string') return key;
      const apiPath = path.slice(API_PREFIX.length);
      const limited = state.settings.rateLimit ? limiter.check(key) : undefined;
      if (limited) return limited;
      const denied = checkPermission(key, method, apiPath);
      if (denied) return denied;
      const contentType = req.headers['content-type'] ?? '';
      return handleApi({
        method,
        path: apiPath,
        query: url.searchParams,
        contentType,
        body,
        key,
        state,
        now: now(),
      });
    }
    if (method !== 'GET') return text(405, 'Method not allowed');
    if (path === '/secure/orders' || path === '/secure/orders/')
      return ordersListPage(state, url.searchParams);
    const m = /^\/secure\/orders\/([^/]+)\/?$/.exec(path);
    if (m) return orderDetailsPage(state, decodeURIComponent(m[1] ?? ''));
    if (path === '/' || path === '/secure' || path === '/secure/') return homePage();
    return text(404, 'Not found');
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const info = sockets.get(req.socket) ?? { id: ++socketSeq, count: 0 };
    sockets.set(req.socket, info);
    info.count += 1;
    const url = new URL(req.url ?? '/', 'https://sandbox.invalid');
    const method = req.method ?? 'GET';
    const body = parseJsonBody(await readBody(req));
    const devKey = req.headers['x-dc-devkey'] as string | undefined;
    const entry: LogEntry = {
      seq: ++seq,
      time: now().toISOString(),
      method,
      path: req.url ?? '/',
      host: req.headers.host ?? '',
      headers: redactHeaders(req.headers),
      key: devKey === undefined ? 'none' : (keyNameFor(devKey) ?? 'unknown'),
      ...(body.kind === 'json' ? { body: body.value } : body.kind === 'invalid' ? { body: body.raw } : {}),
      status: null,
      socketId: info.id,
      socketRequest: info.count,
      socketReused: info.count > 1,
    };
    if (!url.pathname.startsWith('/__sandbox')) requestLog.push(entry);
    const fault = faults.take(method, url.pathname, entry.socketReused);
    if (fault) entry.fault = fault.kind;
    if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.ms));
    let reply: Reply;
    try {
      reply =
        fault?.kind === 'status'
          ? faultReply(fault)
          : fault?.kind === 'redirect'
            ? redirectReply(fault)
            : route(req, url, body);
    } catch (e) {
      reply = apiError(500, 'internal_error', `Sandbox error: ${String(e)}`);
    }
    if (fault?.kind === 'lose-response') {
      // The work is done (an order is stored) and the answer breaks off after its first bytes, as
      // when a proxy or the network fails mid-response. Because bytes arrived, the browser reports
      // an error instead of resending the request on its own.
      req.socket.end(`HTTP/1.1 ${reply.status} `);
      setTimeout(() => req.socket.destroy(), 50);
      return;
    }
    if (fault?.kind === 'drop-keepalive') {
      // The work is done; the reused connection closes before a single byte of the answer. Chromium
      // treats that as a stale keep-alive socket and may send the same POST again by itself.
      req.socket.destroy();
      return;
    }
    entry.status = reply.status;
    res.writeHead(reply.status, { ...reply.headers, 'content-length': Buffer.byteLength(reply.body) });
    res.end(reply.body);
  }

  const server = https.createServer({ cert: tls.cert, key: tls.key }, (req, res) => {
    handle(req, res).catch(() => req.socket.destroy());
  });
  // Keep connections open long enough to be reused (drop-keepalive needs a reused socket).
  server.keepAliveTimeout = 30_000;
  server.headersTimeout = 35_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    origin: `https://127.0.0.1:${port}`,
    state,
    requestLog,
    faults,
    clock,
    reset,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
