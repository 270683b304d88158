/**
 * The account's own choices for the template editor (products, organizations, containers, users,
 * custom fields), fetched by the background and cached briefly. Each list stands on its own: a key
 * restricted to Orders may read products but not organizations, and the editor says which lists
 * are unavailable instead of failing altogether. Within a list, an item CertCentral sent that cannot
 * be read is named with the reason; the others stay usable.
 */
import { listCustomFields } from '../certcentral/account';
import { listContainers } from '../certcentral/containers';
import {
  getOrganization,
  listOrganizations,
  listOrganizationValidations,
  type Organization,
  type OrganizationValidation,
} from '../certcentral/organizations';
import { getProduct, listProducts } from '../certcentral/products';
import type { ReadList, UnreadableItem } from '../certcentral/schemas';
import type { Transport } from '../certcentral/transport';
import { listUsers, type User } from '../certcentral/user';
// `t` names the transport here; the catalogue's messages are `say`.
import { type MessageKey, t as say } from '../i18n';
import type {
  AccountChoices,
  OrganizationValidationView,
  OrganizationView,
  ProductDetailsView,
  UnreadableItemView,
  UserError,
} from '../messaging';

/** Long enough to open and close the editor a few times, short enough to see changes made in CertCentral. */
export const CHOICES_TTL_MS = 5 * 60_000;

type ListResult<T> = { items: T[]; unreadable?: UnreadableItemView[] } | { error: UserError };

/** How an item of one list is named: by its id, or by its place when it has none. */
export type ItemWords = readonly [withId: MessageKey, atPosition: MessageKey];

export const ITEM_WORDS = {
  product: ['common_item_product', 'common_item_product_at'],
  organization: ['common_item_organization', 'common_item_organization_at'],
  division: ['common_division_number', 'common_item_division_at'],
  user: ['settings_user_number', 'common_item_user_at'],
  customField: ['common_item_custom_field', 'common_item_custom_field_at'],
  order: ['common_item_order', 'common_item_order_at'],
} as const satisfies Record<string, ItemWords>;

export function unreadableViews(what: ItemWords, list: readonly UnreadableItem[]): UnreadableItemView[] {
  return list.map((u) => ({
    label: u.id !== undefined ? say(what[0], String(u.id)) : say(what[1], String(u.index + 1)),
    reason: say('common_item_unreadable', u.reason),
  }));
}

async function settle<T, V>(
  what: ItemWords,
  work: Promise<ReadList<T>>,
  map: (t: T) => V,
  toError: (e: unknown) => UserError,
): Promise<ListResult<V>> {
  try {
    const list = await work;
    const unreadable = unreadableViews(what, list.unreadable);
    return { items: list.items.map(map), ...(unreadable.length > 0 ? { unreadable } : {}) };
  } catch (error) {
    return { error: toError(error) };
  }
}

function personName(p: { first_name?: string; last_name?: string; username?: string; id: number }) {
  return (
    [p.first_name, p.last_name].filter(Boolean).join(' ') ||
    p.username ||
    say('settings_user_number', String(p.id))
  );
}

function person(user: User) {
  return {
    id: user.id,
    name: personName(user),
    ...(user.email ? { email: user.email } : {}),
    ...(user.job_title ? { jobTitle: user.job_title } : {}),
  };
}

function validation(v: OrganizationValidation): OrganizationValidationView {
  return {
    type: v.type.toLowerCase(),
    status: (v.status ?? 'unknown').toLowerCase(),
    ...(v.validated_until ? { validatedUntil: v.validated_until } : {}),
    ...(v.date_created ? { dateCreated: v.date_created } : {}),
  };
}

export function organizationView(org: Organization): OrganizationView {
  return {
    id: org.id,
    name: org.display_name || org.name || org.assumed_name || say('common_item_organization', String(org.id)),
    active: org.is_active !== false,
    ...(org.validations ? { validations: org.validations.items.map(validation) } : {}),
    ...(org.ev_approvers
      ? { evApprovers: org.ev_approvers.items.map((a) => ({ id: a.id, name: personName(a) })) }
      : {}),
  };
}

export async function fetchAccountChoices(
  t: Transport,
  now: Date,
  toError: (e: unknown) => UserError,
): Promise<AccountChoices> {
  // Sequential on purpose: five calls are nothing for the rate limiter, and order keeps logs readable.
  const products = await settle(
    ITEM_WORDS.product,
    listProducts(t),
    (p) => ({ nameId: p.name_id, name: p.name ?? p.name_id }),
    toError,
  );
  const organizations = await settle(
    ITEM_WORDS.organization,
    listOrganizations(t),
    organizationView,
    toError,
  );
  const containers = await settle(
    ITEM_WORDS.division,
    listContainers(t),
    (c) => ({
      id: c.id,
      name: c.name ?? say('common_division_number', String(c.id)),
      ...(c.parent_id ? { parentId: c.parent_id } : {}),
    }),
    toError,
  );
  const users = await settle(ITEM_WORDS.user, listUsers(t), person, toError);
  const customFields = await settle(
    ITEM_WORDS.customField,
    listCustomFields(t),
    (f) => ({
      id: f.id,
      label: f.label ?? say('common_item_custom_field', String(f.id)),
      // Not said is read as the safe side: "not required" would let an order go without it and be
      // refused by CertCentral, which says so; "inactive" would hide a field that may be needed.
      required: f.is_required === true,
      active: f.is_active !== false,
      dataType: f.data_type ?? 'text',
    }),
    toError,
  );
  return { fetchedAt: now.toISOString(), products, organizations, containers, users, customFields };
}

/**
 * One organization with what an order for it depends on: its validations and EV approvers. The
 * list may not carry them (DigiCert adds validations only with `include_validation=true`, and
 * approvers only in `GET /organization/{id}`), so whatever is missing is asked for here.
 */
export async function fetchOrganizationDetails(t: Transport, id: number): Promise<OrganizationView> {
  const org = await getOrganization(t, id);
  const view = organizationView(org);
  if (view.validations === undefined) {
    const validations = await listOrganizationValidations(t, id);
    return { ...view, validations: validations.items.map(validation) };
  }
  return view;
}

export async function fetchProductDetails(t: Transport, nameId: string): Promise<ProductDetailsView> {
  const p = await getProduct(t, nameId);
  const years = p.allowed_order_validity_years?.length
    ? p.allowed_order_validity_years
    : p.allowed_validity_years;
  return {
    nameId: p.name_id,
    name: p.name ?? p.name_id,
    ...(years?.length ? { orderValidityYears: years } : {}),
    hashes:
      p.signature_hash_types?.allowed_hash_types.items.map((h) => ({ id: h.id, name: h.name ?? h.id })) ?? [],
    ...(p.signature_hash_types?.default_hash_type_id
      ? { defaultHash: p.signature_hash_types.default_hash_type_id }
      : {}),
    serverPlatforms: p.server_platforms.items.map((s) => ({
      id: s.id,
      name: s.name ?? say('common_item_platform', String(s.id)),
    })),
    caCerts: p.allowed_ca_certs.items.map((c) => ({ id: c.id, name: c.name ?? c.id })),
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
