/**
 * The account's own choices for the template editor (products, organizations, containers, users,
 * custom fields), fetched by the background and cached briefly. Each list stands on its own: a key
 * restricted to Orders may read products but not organizations, and the editor says which lists
 * are unavailable instead of failing altogether.
 */
import { listCustomFields } from '../certcentral/account';
import { listContainers } from '../certcentral/containers';
import { listOrganizations, type Organization } from '../certcentral/organizations';
import { getProduct, listProducts } from '../certcentral/products';
import type { Transport } from '../certcentral/transport';
import { listUsers, type User } from '../certcentral/user';
import type { AccountChoices, ProductDetailsView, UserError } from '../messaging';

/** Long enough to open and close the editor a few times, short enough to see changes made in CertCentral. */
export const CHOICES_TTL_MS = 5 * 60_000;

type ListResult<T> = { items: T[] } | { error: UserError };

async function settle<T>(work: Promise<T[]>, toError: (e: unknown) => UserError): Promise<ListResult<T>> {
  try {
    return { items: await work };
  } catch (error) {
    return { error: toError(error) };
  }
}

function personName(p: {
  first_name?: string | undefined;
  last_name?: string | undefined;
  username?: string | undefined;
  id: number;
}) {
  return [p.first_name, p.last_name].filter(Boolean).join(' ') || p.username || `User ${p.id}`;
}

function person(user: User) {
  return {
    id: user.id,
    name: personName(user),
    ...(user.email ? { email: user.email } : {}),
    ...(user.job_title ? { jobTitle: user.job_title } : {}),
  };
}

function organization(org: Organization) {
  const ev = org.validations?.find((v) => v.type === 'ev');
  return {
    id: org.id,
    name: org.display_name ?? org.name,
    active: org.is_active !== false,
    ...(ev ? { evValidated: ev.status === 'active' || ev.status === 'validated' } : {}),
    evApprovers: (org.ev_approvers ?? []).map((a) => ({ id: a.id, name: personName(a) })),
  };
}

export async function fetchAccountChoices(
  t: Transport,
  now: Date,
  toError: (e: unknown) => UserError,
): Promise<AccountChoices> {
  // Sequential on purpose: five calls are nothing for the rate limiter, and order keeps logs readable.
  const products = await settle(
    listProducts(t).then((list) => list.map((p) => ({ nameId: p.name_id, name: p.name }))),
    toError,
  );
  const organizations = await settle(
    listOrganizations(t).then((list) => list.map(organization)),
    toError,
  );
  const containers = await settle(
    listContainers(t).then((list) =>
      list.map((c) => ({ id: c.id, name: c.name, ...(c.parent_id ? { parentId: c.parent_id } : {}) })),
    ),
    toError,
  );
  const users = await settle(
    listUsers(t).then((list) => list.map(person)),
    toError,
  );
  const customFields = await settle(
    listCustomFields(t).then((list) =>
      list.map((f) => ({
        id: f.id,
        label: f.label,
        required: f.is_required,
        active: f.is_active,
        dataType: f.data_type,
      })),
    ),
    toError,
  );
  return { fetchedAt: now.toISOString(), products, organizations, containers, users, customFields };
}

export async function fetchProductDetails(t: Transport, nameId: string): Promise<ProductDetailsView> {
  const p = await getProduct(t, nameId);
  return {
    nameId: p.name_id,
    name: p.name,
    ...((p.allowed_order_validity_years ?? p.allowed_validity_years)
      ? { orderValidityYears: p.allowed_order_validity_years ?? p.allowed_validity_years }
      : {}),
    hashes: p.signature_hash_types?.allowed_hash_types.map((h) => ({ id: h.id, name: h.name })) ?? [],
    ...(p.signature_hash_types?.default_hash_type_id
      ? { defaultHash: p.signature_hash_types.default_hash_type_id }
      : {}),
    serverPlatforms: (p.server_platforms ?? []).map((s) => ({ id: s.id, name: s.name })),
    caCerts: (p.allowed_ca_certs ?? []).map((c) => ({ id: c.id, name: c.name ?? c.id })),
  };
}

/** A tiny time-bounded cache in the background's memory; a restarted worker simply fetches again. */
export function createChoicesCache(now: () => number, ttlMs = CHOICES_TTL_MS) {
  const entries = new Map<string, { at: number; value: unknown }>();
  return {
    async get<T>(key: string, refresh: boolean, load: () => Promise<T>): Promise<T> {
      const hit = entries.get(key);
      if (!refresh && hit && now() - hit.at < ttlMs) return hit.value as T;
      const value = await load();
      entries.set(key, { at: now(), value });
      return value;
    },
    clear: () => entries.clear(),
  };
}
