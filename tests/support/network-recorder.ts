/**
 * Records every request Chromium makes, twice and independently, for tests about where a secret goes:
 * - playwright's context `request` events, which cover pages and the extension's service worker
 *   (`request.serviceWorker()`), with the headers as actually sent (`allHeaders()`: Cookie too);
 * - the Chrome DevTools Protocol itself: from a monitor page's CDP session, every page and service
 *   worker target is attached (non-flat sessions, so no browser-level session is needed) and its
 *   Network domain enabled; requestWillBeSent and requestWillBeSentExtraInfo give URL, body and the
 *   raw headers, whichever comes first.
 * Also a loopback "steal" server that would accept anything, CORS included, and records what
 * reaches it: the target of a planted redirect.
 * A target is attached when it appears, so the first request of a new page can be missed by the CDP
 * half; the service worker, which makes every API call, exists before recording starts.
 */
import https from 'node:https';
import type { BrowserContext, CDPSession, Page, Request } from 'playwright-core';
import { sandboxTls } from '../sandbox/tls';

export type Recorded = {
  via: 'playwright' | 'cdp';
  /** 'service_worker' or 'page'. */
  target: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  /** Why Chromium gave the request up (CDP only: loadingFailed's error, blocked or CORS reason). */
  failure?: string;
};

export type NetworkRecorder = {
  /** Every request so far; call settle() first so that late header events are in. */
  readonly records: Recorded[];
  settle(): Promise<void>;
};

const later = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function fromPlaywright(request: Request): Promise<Recorded> {
  // allHeaders() waits for the raw headers; a request that failed early may never get them.
  const headers = await Promise.race([
    request.allHeaders().catch(() => request.headers()),
    later(5_000).then(() => request.headers()),
  ]);
  return {
    via: 'playwright',
    target: request.serviceWorker() ? 'service_worker' : 'page',
    method: request.method(),
    url: request.url(),
    headers,
    body: request.postData() ?? '',
  };
}

type CdpRequest = {
  url: string;
  method: string;
  headers: Record<string, string>;
  postData?: string;
  postDataEntries?: { bytes?: string }[];
};

function cdpBody(request: CdpRequest): string {
  if (request.postData !== undefined) return request.postData;
  const parts = request.postDataEntries ?? [];
  return parts.map((p) => Buffer.from(p.bytes ?? '', 'base64').toString('utf8')).join('');
}

async function fromCdp(cdp: CDPSession, records: Recorded[]): Promise<() => Promise<void>> {
  const targetType = new Map<string, string>();
  // One requestId per fetch; a followed redirect adds a hop under the same id. Each hop gets one
  // requestWillBeSent and, once on the wire, one ExtraInfo, in order, either of them first.
  const hops = new Map<string, { list: Recorded[]; sent: number; extra: number }>();
  let messageId = 0;
  const hop = (sessionId: string, requestId: string, which: 'sent' | 'extra'): Recorded => {
    const key = `${sessionId}/${requestId}`;
    const h = hops.get(key) ?? { list: [], sent: 0, extra: 0 };
    hops.set(key, h);
    const index = h[which]++;
    while (h.list.length <= index) {
      const target = targetType.get(sessionId) ?? 'unknown';
      const made: Recorded = { via: 'cdp', target, method: '', url: '', headers: {}, body: '' };
      h.list.push(made);
      records.push(made);
    }
    return h.list[index] as Recorded;
  };
  cdp.on('Target.receivedMessageFromTarget', ({ sessionId, message }) => {
    const m = JSON.parse(message) as { method?: string; params?: Record<string, unknown> };
    const params = m.params ?? {};
    const requestId = String(params.requestId ?? '');
    if (m.method === 'Network.requestWillBeSent') {
      const request = params.request as CdpRequest;
      const e = hop(sessionId, requestId, 'sent');
      Object.assign(e, { method: request.method, url: request.url, body: cdpBody(request) });
      Object.assign(e.headers, request.headers);
    } else if (m.method === 'Network.loadingFailed') {
      const h = hops.get(`${sessionId}/${requestId}`);
      const last = h?.list[h.sent - 1];
      const cors = (params.corsErrorStatus as { corsError?: string } | undefined)?.corsError;
      const why = [params.errorText, params.blockedReason, cors].filter(Boolean).join(' ');
      if (last) last.failure = why;
    } else if (m.method === 'Network.requestWillBeSentExtraInfo') {
      Object.assign(hop(sessionId, requestId, 'extra').headers, params.headers as Record<string, string>);
    }
  });
  const attach = async (info: { targetId: string; type: string }) => {
    if (info.type !== 'page' && info.type !== 'service_worker') return;
    const { sessionId } = await cdp.send('Target.attachToTarget', {
      targetId: info.targetId,
      flatten: false,
    });
    targetType.set(sessionId, info.type);
    const enable = { id: ++messageId, method: 'Network.enable', params: {} };
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify(enable) });
  };
  const attached = new Set<string>();
  const once = (info: { targetId: string; type: string }) => {
    if (attached.has(info.targetId)) return Promise.resolve();
    attached.add(info.targetId);
    return attach(info).catch(() => {});
  };
  cdp.on('Target.targetCreated', ({ targetInfo }) => void once(targetInfo));
  await cdp.send('Target.setDiscoverTargets', { discover: true });
  const { targetInfos } = await cdp.send('Target.getTargets');
  await Promise.all(targetInfos.map(once));

  // A hop whose raw headers came first waits for its requestWillBeSent, which has the URL; on a busy
  // machine it can come well after the half second settle() gives. On a page, the one that never
  // comes belongs to a request begun before the new page was attached (its navigation): the CDP half
  // missed it but for these headers, and the Playwright half has it whole, so they are dropped. The
  // service worker is attached before recording starts: there, a request without a URL is an error.
  return async () => {
    const withoutUrl = () => records.filter((r) => r.via === 'cdp' && r.url === '');
    for (const deadline = Date.now() + 5_000; withoutUrl().length > 0 && Date.now() < deadline; )
      await later(100);
    const left = withoutUrl();
    if (left.some((r) => r.target !== 'page'))
      throw new Error(`CDP saw a request of the service worker without its URL: ${JSON.stringify(left)}`);
    for (const stray of left) records.splice(records.indexOf(stray), 1);
  };
}

/** Starts recording. `monitor` must stay open until the recording is read. */
export async function recordNetwork(context: BrowserContext, monitor: Page): Promise<NetworkRecorder> {
  const records: Recorded[] = [];
  const pending: Promise<void>[] = [];
  context.on('request', (request) => {
    pending.push(fromPlaywright(request).then((r) => void records.push(r)));
  });
  const cdpSettled = await fromCdp(await context.newCDPSession(monitor), records);
  return {
    records,
    settle: async () => {
      await later(500);
      await Promise.all(pending);
      await cdpSettled();
    },
  };
}

/** A header's value, whatever the case of its name. */
export const header = (r: Recorded, name: string): string | undefined =>
  Object.entries(r.headers).find(([n]) => n.toLowerCase() === name)?.[1];

export type StealServer = { origin: string; requests: string[]; close(): Promise<void> };

export async function startStealServer(): Promise<StealServer> {
  const tls = await sandboxTls();
  const requests: string[] = [];
  const server = https.createServer({ cert: tls.cert, key: tls.key }, (req, res) => {
    requests.push(`${req.method} ${req.url} ${JSON.stringify(req.headers)}`);
    const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*' };
    res.writeHead(200, { ...cors, 'content-type': 'application/json' });
    res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const close = () => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { origin: `https://127.0.0.1:${port}`, requests, close };
}
