// The emulated Services API under /services/v2 (docs/certcentral-api.md "Other endpoints"). Account
// data routes live here; organizations in api/organizations.ts; order routes in api/orders.ts. Every
// list answers through listReply: an empty list leaves its array out.

import { apiError, json, listReply, type ParsedBody, type Reply } from '../http-util';
import { allProducts, findProduct, productDetails, productSummary } from '../products';
import { CONTAINERS, KEY_PROFILES, METADATA, SEED_IDS, USERS } from '../seed';
import type { SandboxKeyName, SandboxState } from '../state';
import { handleOrders } from './orders';
import { organizationRoutes } from './organizations';

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
  if (p === '/user')
    return listReply(
      'users',
      USERS.map((u) => userView(u)),
      page(USERS.length),
    );
  let m = /^\/user\/(\d+)$/.exec(p);
  if (m) {
    const user = USERS.find((u) => u.id === Number(m?.[1]));
    return user ? json(200, userView(user)) : apiError(404, 'not_found|user', 'User not found.');
  }
  const org = organizationRoutes(ctx);
  if (org) return org;
  if (p === '/container') return listReply('containers', CONTAINERS);
  m = /^\/container\/(\d+)(\/children)?$/.exec(p);
  if (m) {
    const id = Number(m[1]);
    const c = CONTAINERS.find((x) => x.id === id);
    if (!c) return apiError(404, 'not_found|container', 'Container not found.');
    // A container without children answers `{}`: the empty `containers` list is left out.
    return m[2]
      ? listReply(
          'containers',
          CONTAINERS.filter((x) => x.parent_id === id),
        )
      : json(200, c);
  }
  if (p === '/account/metadata') return listReply('metadata', METADATA);
  if (p === '/product') return listReply('products', allProducts().map(productSummary));
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
  // docs/certcentral-api.md: every call sends `Content-Type: application/json`; a body must be JSON.
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
