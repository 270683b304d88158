// API key handling: X-DC-DEVKEY on every call, role restrictions, per-key rate limit
// (docs/certcentral-api.md "Transport").
import { apiError, type Reply } from './http-util';
import { SANDBOX_KEYS } from './seed';
import type { SandboxKeyName } from './state';

export function keyNameFor(value: string | undefined): SandboxKeyName | undefined {
  for (const [name, key] of Object.entries(SANDBOX_KEYS)) if (key === value) return name as SandboxKeyName;
  return undefined;
}

/**
 * A key CertCentral does not know: HTTP 403 with
 * `{"errors":[{"code":"access_denied|access_denied_invalid_key","message":"Access denied due to
 * access_denied_invalid_key."}]}`, word for word as public clients recorded it (a DigiCert connector's
 * test fixture carries the same message). No header at all: also 403 in the same form with
 * `access_denied|missing_api_key`; that code and message are unconfirmed (no recorded answer found),
 * only the status family and the shape follow the invalid-key answer. Both stay in list form.
 */
export function checkKey(header: string | undefined): SandboxKeyName | Reply {
  if (header === undefined || header === '') {
    return apiError(403, 'access_denied|missing_api_key', 'Access denied due to missing_api_key.');
  }
  return (
    keyNameFor(header) ??
    apiError(
      403,
      'access_denied|access_denied_invalid_key',
      'Access denied due to access_denied_invalid_key.',
    )
  );
}

/**
 * Role restrictions (docs/certcentral-api.md): 102 View Only = GET only. 100 Orders = order calls only;
 * organizations are a separate grant (role 101 "Orders+Domains+Organizations") and users belong to
 * 103 User Management, so an Orders key may not list them. `GET /user/me` always works: it is how a
 * key is tested. Admin key: no restriction.
 */
export function checkPermission(key: SandboxKeyName, method: string, apiPath: string): Reply | undefined {
  const denied = () =>
    apiError(
      403,
      'access_denied|missing_permission',
      'This API key does not have permission for this action.',
    );
  if (key === 'viewOnly' && method !== 'GET') return denied();
  if (key === 'orders') {
    if (apiPath === '/user/me') return undefined;
    if (apiPath.startsWith('/user') || apiPath.startsWith('/organization') || apiPath.startsWith('/domain'))
      return denied();
  }
  return undefined;
}

const FIVE_SECONDS = 5_000;
const THREE_MINUTES = 180_000;

/**
 * Rolling windows per key: at most 100 requests in any 5 s and 1000 in any 3 min; past either,
 * 429 `request_limit_exceeded` (docs/certcentral-api.md). Assumption: refused requests are not counted.
 */
export class RateLimiter {
  private readonly hits = new Map<SandboxKeyName, number[]>();

  constructor(private readonly now: () => Date) {}

  /** Records the request and returns a 429 reply if it is over either limit. */
  check(key: SandboxKeyName): Reply | undefined {
    const t = this.now().getTime();
    const list = (this.hits.get(key) ?? []).filter((h) => h > t - THREE_MINUTES);
    const recent = list.filter((h) => h > t - FIVE_SECONDS).length;
    this.hits.set(key, list);
    if (recent >= 100 || list.length >= 1000) {
      return apiError(
        429,
        'request_limit_exceeded',
        'Too many requests for this API key. Try again shortly.',
      );
    }
    list.push(t);
    return undefined;
  }

  reset(): void {
    this.hits.clear();
  }
}
