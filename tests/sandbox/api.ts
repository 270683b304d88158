// The emulated Services API under /services/v2 (certcentral-api.md "Other endpoints"). Account data
// routes live here; order routes in api-orders.ts.
import { handleOrders } from './api-orders';
import { apiError, json, type ParsedBody, type Reply } from './http-util';
import { allProducts, findProduct, productDetails, productSummary } from './products';
import { CONTAINERS, KEY_PROFILES, METADATA, ORGANIZATIONS, SEED_IDS, USERS } from './seed';
import type { SandboxKeyName, SandboxState } from './state';

export interface ApiContext {
  method: string;
  /** Path below /services/v2, without the query string. */
  path: string;
  query: URLSearchParams;
  contentType: string;
  body: ParsedBody;
  key: SandboxKeyName;
  state: SandboxState;
  now: Date;
}

const page = (total: number) => ({ total, limit: 1000, offset: 0 });
const parent = CONTAINERS.find((c) => c.id === SEED_IDS.containers.parent);
const containerRef = { id: parent?.id ?? 0, name: parent?.name ?? '' };

function userView(u: (typeof USERS)[number], key?: SandboxKeyName) {
  const profile = Object.values(KEY_PROFILES).find((p) => p.userId === u.id);
  return {
    ...u,
    account_id: SEED_IDS.accountId,
    status: 'active',
    container: containerRef,
    access_roles: key ? KEY_PROFILES[key].roles : (profile?.roles ?? [{ id: 6, name: 'User' }]),
  };
}

function accountRoutes(ctx: ApiContext): Reply | undefined {
  const p = ctx.path;
  if (p === '/user/me') {
    const user = USERS.find((u) => u.id === KEY_PROFILES[ctx.key].userId);
    return user ? json(200, userView(user, ctx.key)) : undefined;
  }
  if (p === '/user') return json(200, { users: USERS.map((u) => userView(u)), page: page(USERS.length) });
  let m = /^\/user\/(\d+)$/.exec(p);
  if (m) {
    const user = USERS.find((u) => u.id === Number(m?.[1]));
    return user ? json(200, userView(user)) : apiError(404, 'not_found|user', 'User not found.');
  }
  if (p === '/organization')
    return json(200, { organizations: ORGANIZATIONS, page: page(ORGANIZATIONS.length) });
  m = /^\/organization\/(\d+)$/.exec(p);
  if (m) {
    const org = ORGANIZATIONS.find((o) => o.id === Number(m?.[1]));
    return org ? json(200, org) : apiError(404, 'not_found|organization', 'Organization not found.');
  }
  if (p === '/container') return json(200, { containers: CONTAINERS });
  m = /^\/container\/(\d+)(\/children)?$/.exec(p);
  if (m) {
    const id = Number(m[1]);
    const c = CONTAINERS.find((x) => x.id === id);
    if (!c) return apiError(404, 'not_found|container', 'Container not found.');
    return json(200, m[2] ? { containers: CONTAINERS.filter((x) => x.parent_id === id) } : c);
  }
  if (p === '/account/metadata') return json(200, { metadata: METADATA });
  if (p === '/product') return json(200, { products: allProducts().map(productSummary) });
  m = /^\/product\/([a-z0-9_]+)$/.exec(p);
  if (m) {
    const product = findProduct(m[1] ?? '');
    return product
      ? json(200, productDetails(product))
      : apiError(404, 'not_found|product', 'Product not found.');
  }
  return undefined;
}

export function handleApi(ctx: ApiContext): Reply {
  // certcentral-api.md: every call sends `Content-Type: application/json`; a body must be JSON.
  if (ctx.method === 'POST' || ctx.method === 'PUT') {
    if (!ctx.contentType.toLowerCase().startsWith('application/json')) {
      return apiError(400, 'bad_request_format', 'Content-Type must be application/json.');
    }
    if (ctx.body.kind === 'invalid')
      return apiError(400, 'bad_request_format', 'The request body is not valid JSON.');
  }
  const reply = ctx.method === 'GET' ? accountRoutes(ctx) : undefined;
  return (
    reply ??
    handleOrders(ctx) ??
    apiError(404, 'not_found|endpoint', `No such endpoint: ${ctx.method} ${ctx.path}`)
  );
}
