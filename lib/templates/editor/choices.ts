/**
 * What the editor offers to pick from: the account's lists (getAccountChoices) and the product's
 * details (getProductDetails) turned into options with names a person recognises, the id beside
 * each. When a list is unavailable (no key, no connection, a restricted key) the field takes a typed
 * id and `unavailable` says why. Pure: the component fetches, this decides.
 */
import { type MessageKey, t, tn } from '../../i18n';
import type { AccountChoices, OrganizationView, ProductDetailsView, UserError } from '../../messaging';
import { editableField } from './fields';

export interface Choice {
  value: string;
  label: string;
  /** The label is CertCentral's data (a name, an id), not words to translate. */
  data?: true;
}

export interface FieldChoices {
  options: Choice[];
  /** Why the account's options are missing; the field then takes a typed id. */
  unavailable?: string;
}

export interface ChoicesState {
  account?: AccountChoices;
  accountError?: UserError;
  details?: ProductDetailsView;
  detailsError?: UserError;
  /** The chosen organization as `GET /organization/{id}` gives it, when the list lacked something. */
  organization?: OrganizationView;
  organizationError?: UserError;
}

type List<T> = { items: T[] } | { error: UserError };

const why = (error: UserError | undefined) =>
  error ? `${error.title}${error.detail ? ` ${error.detail}` : ''}` : t('editor_choices_loading_short');

function fromList<T>(list: List<T> | undefined, error: UserError | undefined, map: (t: T) => Choice | []) {
  if (!list) return { options: [], unavailable: why(error) };
  if ('error' in list) return { options: [], unavailable: why(list.error) };
  return { options: list.items.flatMap(map) };
}

function fromDetails(state: ChoicesState, map: (d: ProductDetailsView) => Choice[]): FieldChoices {
  if (!state.details) return { options: [], unavailable: why(state.detailsError ?? state.accountError) };
  return { options: map(state.details) };
}

const years = (n: number) => ({ value: String(n), label: tn(n, 'editor_years_one', 'editor_years_other') });
/** An option whose label is CertCentral's data. */
const named = (value: string, label: string): Choice => ({ value, label, data: true });

/** Words for the enumerations the API spells as codes. */
const WORDS: Record<string, MessageKey> = {
  email: 'editor_value_email',
  'dns-txt-token': 'editor_value_dns_txt',
  'dns-cname-token': 'editor_value_dns_cname',
  'http-token': 'editor_value_http',
  'http-token-dynamic': 'editor_value_http_dynamic',
  base_domain: 'editor_value_base_domain',
  fqdn: 'editor_value_fqdn',
  balance: 'editor_value_balance',
  card: 'editor_value_card',
  profile: 'editor_value_profile',
  sha256: 'editor_value_sha256',
  sha384: 'editor_value_sha384',
  sha512: 'editor_value_sha512',
  '0': 'common_no',
  '1': 'common_yes',
};

/** A code in words; a code this version does not know, as the API spells it. */
export const valueWords = (value: string | number | boolean): string => {
  const key = WORDS[String(value)];
  return key ? t(key) : String(value);
};

/** Options for one field, or undefined when it is a plain input. */
export function choicesFor(path: string, state: ChoicesState, maxOrderYears = 3): FieldChoices | undefined {
  const err = state.accountError;
  switch (path) {
    case 'organization.id':
      return fromList(state.account?.organizations, err, (o) =>
        o.active ? named(String(o.id), `${o.name} (#${o.id})`) : [],
      );
    case 'container.id':
      return fromList(state.account?.containers, err, (c) =>
        named(String(c.id), `${c.parentId ? '› ' : ''}${c.name} (#${c.id})`),
      );
    case 'certificate.signature_hash':
      if (state.details?.hashes.length)
        return { options: state.details.hashes.map((h) => named(h.id, h.name)) };
      break;
    case 'order_validity.years': {
      const allowed = state.details?.orderValidityYears;
      const list = allowed?.length ? allowed : Array.from({ length: maxOrderYears }, (_, i) => i + 1);
      return { options: list.map(years) };
    }
    case 'certificate.server_platform.id':
      return fromDetails(state, (d) => d.serverPlatforms.map((p) => named(String(p.id), p.name)));
    case 'certificate.ca_cert_id':
      return fromDetails(state, (d) => d.caCerts.map((c) => named(c.id, c.name)));
  }
  const values = editableField(path)?.values;
  return values ? { options: values.map((v) => ({ value: String(v), label: valueWords(v) })) } : undefined;
}

/**
 * The organization as best known: the one-organization answer when it was asked for (it carries the
 * EV approvers and validations), else the list's row.
 */
export function knownOrganization(
  state: ChoicesState,
  organizationId: unknown,
): OrganizationView | undefined {
  if (typeof organizationId !== 'number') return undefined;
  const orgs = state.account?.organizations;
  const listed = orgs && 'items' in orgs ? orgs.items.find((o) => o.id === organizationId) : undefined;
  const asked = state.organization?.id === organizationId ? state.organization : undefined;
  if (!asked) return listed;
  return { ...listed, ...asked };
}

/** The list's row lacks what an order depends on (approvers, validations): ask for the organization. */
export function needsOrganizationDetails(state: ChoicesState, organizationId: unknown): boolean {
  const org = knownOrganization(state, organizationId);
  if (typeof organizationId !== 'number' || state.organization?.id === organizationId) return false;
  return org === undefined || org.evApprovers === undefined || org.validations === undefined;
}

/**
 * People who can be a contact of this type: the organization's EV approvers for ev_approver. When
 * CertCentral's list did not carry them they are asked for (GET /organization/{id}); until then,
 * or if that fails, the account's users are offered with the reason.
 */
export function contactPeople(
  state: ChoicesState,
  contactType: string,
  organizationId: unknown,
): FieldChoices {
  const org = knownOrganization(state, organizationId);
  if (contactType === 'ev_approver' && org?.evApprovers) {
    return {
      options: org.evApprovers.map((p) => named(String(p.id), `${p.name} (#${p.id})`)),
    };
  }
  return fromList(state.account?.users, state.accountError, (u) =>
    named(String(u.id), `${u.name}${u.jobTitle ? `, ${u.jobTitle}` : ''} (#${u.id})`),
  );
}

/** The account's custom fields, active ones only (an inactive one cannot be sent). */
export function customFieldChoices(state: ChoicesState) {
  const list = state.account?.customFields;
  if (!list) return { fields: [], unavailable: why(state.accountError) };
  if ('error' in list) return { fields: [], unavailable: why(list.error) };
  return { fields: list.items.filter((f) => f.active) };
}
