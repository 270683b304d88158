// /__sandbox/ control endpoints for tests and newcomers. No API key: the server binds to loopback only.
import { z } from 'zod';
import { approveByEmail, publish, setValidation } from './dcv';
import type { Faults } from './faults';
import { apiError, esc, html, json, type ParsedBody, type Reply } from './http-util';
import type { LogEntry } from './request-log';
import { SANDBOX_KEYS, SEED_IDS } from './seed';
import { findOrder, issue, ORDER_STATUSES, type SandboxState } from './state';

export interface ControlDeps {
  state: SandboxState;
  requestLog: LogEntry[];
  faults: Faults;
  reset(): void;
  now(): Date;
  /** Offset added to the sandbox's clock, moved by POST /__sandbox/clock. */
  clock: { offsetMs: number };
}

const ClockMove = z
  .object({
    advance_days: z.number().finite(),
    advance_ms: z.number().finite(),
    set: z.iso.datetime({ offset: true }),
  })
  .partial()
  .strict();

const SettingsPatch = z
  .object({
    requireUniqueAlternativeOrderId: z.boolean(),
    rateLimit: z.boolean(),
    immediateIssuance: z.boolean(),
  })
  .partial()
  .strict();
const StatusChange = z.object({ status: z.enum(ORDER_STATUSES), note: z.string().optional() });

function bad(error: z.ZodError): Reply {
  return apiError(400, 'invalid_value', z.prettifyError(error));
}

function controlPage(): Reply {
  const keys = Object.entries(SANDBOX_KEYS)
    .map(([name, key]) => `<li><code>${esc(key)}</code>: ${esc(name)}</li>`)
    .join('');
  const links = ['orders', 'log', 'faults', 'settings', 'seed', 'clock']
    .map((p) => `<li><a href="/__sandbox/${p}">/__sandbox/${p}</a></li>`)
    .join('');
  return html(
    200,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CertCentral sandbox</title></head><body>
<h1>CertCentral sandbox</h1>
<p>API base: <code>/services/v2</code> (send <code>X-DC-DEVKEY</code>). Console: <a href="/secure/orders/">/secure/orders/</a></p>
<h2>API keys</h2><ul>${keys}</ul>
<h2>Control</h2><ul>${links}</ul>
<p>POST /__sandbox/reset, POST|DELETE /__sandbox/faults, POST /__sandbox/settings, POST /__sandbox/orders/{id}/status,
POST /__sandbox/clock, GET /__sandbox/orders/{id}/dcv, POST /__sandbox/orders/{id}/dcv/publish,
POST /__sandbox/orders/{id}/dcv/email-approve, POST /__sandbox/orders/{id}/validation</p>
</body></html>`,
  );
}

export function handleControl(
  method: string,
  path: string,
  query: URLSearchParams,
  body: ParsedBody,
  deps: ControlDeps,
): Reply {
  const value = body.kind === 'json' ? body.value : {};
  const route = `${method} ${path.replace(/\/$/, '') || '/'}`;
  switch (route) {
    case 'GET /__sandbox':
      return controlPage();
    case 'GET /__sandbox/orders':
      return json(200, { orders: deps.state.orders });
    case 'GET /__sandbox/log': {
      const since = Number(query.get('since') ?? 0);
      return json(200, { entries: deps.requestLog.filter((e) => e.seq > since) });
    }
    case 'DELETE /__sandbox/log':
      deps.requestLog.length = 0;
      return json(204, null);
    case 'GET /__sandbox/faults':
      return json(200, { rules: deps.faults.list(), injectedCount: deps.faults.injectedCount });
    case 'POST /__sandbox/faults':
      try {
        deps.faults.add(value as never);
      } catch (e) {
        return e instanceof z.ZodError ? bad(e) : apiError(400, 'invalid_value', String(e));
      }
      return json(201, { rules: deps.faults.list() });
    case 'DELETE /__sandbox/faults':
      deps.faults.clear();
      return json(204, null);
    case 'POST /__sandbox/reset':
      deps.reset();
      return json(204, null);
    case 'GET /__sandbox/settings':
      return json(200, deps.state.settings);
    case 'POST /__sandbox/settings': {
      const patch = SettingsPatch.safeParse(value);
      if (!patch.success) return bad(patch.error);
      Object.assign(deps.state.settings, patch.data);
      return json(200, deps.state.settings);
    }
    case 'GET /__sandbox/seed':
      return json(200, { keys: SANDBOX_KEYS, ids: SEED_IDS });
    case 'GET /__sandbox/clock':
      return json(200, { now: deps.now().toISOString(), offset_ms: deps.clock.offsetMs });
    case 'POST /__sandbox/clock': {
      const move = ClockMove.safeParse(value);
      if (!move.success) return bad(move.error);
      const { advance_days, advance_ms, set } = move.data;
      if (set !== undefined) deps.clock.offsetMs += Date.parse(set) - deps.now().getTime();
      deps.clock.offsetMs += (advance_days ?? 0) * 86_400_000 + (advance_ms ?? 0);
      return json(200, { now: deps.now().toISOString(), offset_ms: deps.clock.offsetMs });
    }
  }
  const v = /^\/__sandbox\/orders\/(\d+)\/(dcv|dcv\/publish|dcv\/email-approve|validation)$/.exec(path);
  if (v) {
    const order = findOrder(deps.state, Number(v[1]));
    if (!order) return apiError(404, 'not_found|order', 'Order not found.');
    if (v[2] === 'dcv' && method === 'GET') {
      return order.dcv ? json(200, order.dcv) : apiError(404, 'not_found', 'The order has no DCV state.');
    }
    if (method !== 'POST') return apiError(405, 'method_not_allowed', `${method} ${path}`);
    if (v[2] === 'dcv/publish') return publish(order, value, deps.now());
    if (v[2] === 'dcv/email-approve') return approveByEmail(order, value, deps.now());
    if (v[2] === 'validation') return setValidation(order, value, deps.now());
  }
  const m = /^\/__sandbox\/orders\/(\d+)\/status$/.exec(path);
  if (m && method === 'POST') {
    const order = findOrder(deps.state, Number(m[1]));
    if (!order) return apiError(404, 'not_found|order', 'Order not found.');
    const change = StatusChange.safeParse(value);
    if (!change.success) return bad(change.error);
    if (change.data.status === 'issued') issue(order, deps.now());
    else order.status = change.data.status;
    order.status_notes.push({
      status: change.data.status,
      note: change.data.note ?? '',
      at: deps.now().toISOString(),
    });
    return json(200, order);
  }
  return apiError(404, 'not_found', `No control endpoint ${method} ${path}.`);
}
