// Fault injection for end-to-end tests: answer an error or a redirect, delay, or lose the answer
// after the work is done. Rules match by method and path prefix (the full request path, e.g. '/services/v2/order/'),
// fire `times` times (default 1), and never touch /__sandbox/ control calls.
import { z } from 'zod';
import { apiError, type Reply } from './http-util';

const FaultSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('status'),
    status: z.number().int().min(400).max(599),
    code: z.string().optional(),
    message: z.string().optional(),
  }),
  z.object({ kind: z.literal('delay'), ms: z.number().int().min(0).max(120_000) }),
  /** Do the work (e.g. store the order), then break the answer off after its first bytes. */
  z.object({ kind: z.literal('lose-response') }),
  /**
   * Do the work, then close the socket before any answer byte, only for a request that arrived on a
   * reused keep-alive connection: the
   * case where Chromium silently resends a POST because it takes the closed socket for a stale one.
   * On a fresh connection the request passes and the rule stays armed.
   */
  z.object({ kind: z.literal('drop-keepalive') }),
  /**
   * Answer a redirect instead of doing the work, e.g. to another host: the client must not follow
   * it, since fetch would carry custom headers such as X-DC-DEVKEY across origins.
   */
  z.object({
    kind: z.literal('redirect'),
    status: z
      .union([z.literal(301), z.literal(302), z.literal(303), z.literal(307), z.literal(308)])
      .optional(),
    location: z.url(),
  }),
]);

export const FaultRuleSchema = z.object({
  method: z.string().optional(),
  pathPrefix: z.string().optional(),
  times: z.number().int().min(1).optional(),
  fault: FaultSchema,
});

export type Fault = z.infer<typeof FaultSchema>;
export type FaultRule = z.infer<typeof FaultRuleSchema>;

interface ArmedRule {
  method?: string;
  pathPrefix?: string;
  remaining: number;
  fault: Fault;
}

const DEFAULT_CODES: Record<number, string> = {
  401: 'access_denied|access_denied_invalid_key',
  403: 'access_denied|missing_permission',
  404: 'not_found',
  429: 'request_limit_exceeded',
};

export function faultReply(fault: Extract<Fault, { kind: 'status' }>): Reply {
  const code =
    fault.code ?? DEFAULT_CODES[fault.status] ?? (fault.status >= 500 ? 'internal_error' : 'bad_request');
  return apiError(fault.status, code, fault.message ?? `Injected fault: HTTP ${fault.status}.`);
}

export function redirectReply(fault: Extract<Fault, { kind: 'redirect' }>): Reply {
  return { status: fault.status ?? 302, headers: { location: fault.location }, body: '' };
}

export class Faults {
  private rules: ArmedRule[] = [];
  /** How many faults actually fired. */
  injectedCount = 0;

  /** Adds a rule; throws (zod) if it is malformed. */
  add(rule: FaultRule): void {
    const r = FaultRuleSchema.parse(rule);
    this.rules.push({
      ...(r.method ? { method: r.method.toUpperCase() } : {}),
      ...(r.pathPrefix ? { pathPrefix: r.pathPrefix } : {}),
      remaining: r.times ?? 1,
      fault: r.fault,
    });
  }

  clear(): void {
    this.rules = [];
  }

  reset(): void {
    this.rules = [];
    this.injectedCount = 0;
  }

  list(): { method?: string; pathPrefix?: string; remaining: number; fault: Fault }[] {
    return this.rules.map((r) => ({ ...r }));
  }

  /** Consumes and returns the first rule matching this request, if any. */
  take(method: string, path: string, socketReused: boolean): Fault | undefined {
    if (path.startsWith('/__sandbox')) return undefined;
    const rule = this.rules.find(
      (r) =>
        (!r.method || r.method === method) &&
        (!r.pathPrefix || path.startsWith(r.pathPrefix)) &&
        (r.fault.kind !== 'drop-keepalive' || socketReused),
    );
    if (!rule) return undefined;
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.rules = this.rules.filter((r) => r !== rule);
    this.injectedCount += 1;
    return rule.fault;
  }
}
