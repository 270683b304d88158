// Organization, contacts and payment checks for the order body (DigiCert's order page and
// docs/certcentral-api.md).
import { type ApiError, isRecord } from '../http-util';
import { isEvProduct } from '../products';
import { ORGANIZATIONS, USERS } from '../seed';
import { evValidationProblem } from '../seed/orgs';

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const missing = (field: string, message?: string): ApiError => ({
  code: `missing_param:${field}`,
  message: message ?? `${field} is required.`,
});
const invalid = (field: string, message: string): ApiError => ({ code: `invalid_value:${field}`, message });
const blank = (v: unknown) => typeof v !== 'string' || v.trim() === '';

/**
 * organization: required. The sandbox only associates existing organizations by id (DigiCert's order
 * page recommends "always using the ID"); deactivated organizations must not be assigned to new orders;
 * EV products need an organization whose EV validation is active and not past validated_until (a
 * pending or expired one is refused, whoever is listed as approver). Returns the id when usable.
 */
export function checkOrganization(
  body: Record<string, unknown>,
  productId: string,
  errors: ApiError[],
): number | undefined {
  const org = body.organization;
  if (org === undefined) {
    errors.push(missing('organization'));
    return undefined;
  }
  if (!isRecord(org) || org.id === undefined) {
    errors.push(
      missing('organization.id', 'organization.id is required (the sandbox does not create organizations).'),
    );
    return undefined;
  }
  const found = ORGANIZATIONS.find((o) => o.id === org.id);
  if (!isInt(org.id) || !found) {
    errors.push(invalid('organization.id', 'organization.id is not an organization of this account.'));
    return undefined;
  }
  if (!found.is_active) {
    errors.push(invalid('organization.id', `Organization ${found.id} is deactivated.`));
    return undefined;
  }
  const evProblem = isEvProduct(productId) ? evValidationProblem(found) : undefined;
  if (evProblem) {
    errors.push(invalid('organization.id', evProblem));
    return undefined;
  }
  return found.id;
}

const CONTACT_TYPES = ['ev_approver', 'organization_contact', 'technical_contact'];
const NEW_CONTACT_FIELDS = ['first_name', 'last_name', 'job_title', 'telephone', 'email'];

/**
 * organization.contacts[]: `{contact_type, user_id}` or a new person with first_name, last_name,
 * job_title, telephone and email ("Required when omitting user_id"). EV orders need an ev_approver
 * (docs/certcentral-api.md); an existing user named as ev_approver must be one of the organization's
 * ev_approvers (GET /organization/{id}); a new person is accepted (validated later by DigiCert).
 */
export function checkContacts(
  body: Record<string, unknown>,
  productId: string,
  organizationId: number | undefined,
  errors: ApiError[],
): void {
  const org = body.organization;
  if (!isRecord(org)) return; // already reported by checkOrganization
  const contacts = org.contacts;
  if (contacts !== undefined && !Array.isArray(contacts)) {
    errors.push(invalid('organization.contacts', 'organization.contacts must be an array.'));
    return;
  }
  const list = (contacts ?? []) as unknown[];
  const approvers = ORGANIZATIONS.find((o) => o.id === organizationId)?.ev_approvers ?? [];
  for (const c of list) {
    if (!isRecord(c) || typeof c.contact_type !== 'string' || !CONTACT_TYPES.includes(c.contact_type)) {
      errors.push(
        invalid(
          'organization.contacts.contact_type',
          `contact_type must be one of: ${CONTACT_TYPES.join(', ')}.`,
        ),
      );
      continue;
    }
    if (c.user_id !== undefined) {
      if (!USERS.some((u) => u.id === c.user_id)) {
        errors.push(
          invalid(
            'organization.contacts.user_id',
            `user_id ${String(c.user_id)} is not a user of this account.`,
          ),
        );
      } else if (
        c.contact_type === 'ev_approver' &&
        organizationId !== undefined &&
        !approvers.some((a) => a.id === c.user_id)
      ) {
        errors.push(
          invalid(
            'organization.contacts.user_id',
            `User ${String(c.user_id)} is not an EV approver of organization ${organizationId}.`,
          ),
        );
      }
      continue;
    }
    for (const f of NEW_CONTACT_FIELDS) {
      if (blank(c[f]))
        errors.push(
          missing(`organization.contacts.${f}`, `A new contact needs ${f} when user_id is omitted.`),
        );
    }
  }
  if (isEvProduct(productId) && !list.some((c) => isRecord(c) && c.contact_type === 'ev_approver')) {
    errors.push(
      missing(
        'organization.contacts.ev_approver',
        'EV orders need an organization contact of type ev_approver.',
      ),
    );
  }
}

const PAYMENT_METHODS = ['balance', 'card', 'profile'];

/**
 * payment_method: balance | card | profile; card requires credit_card and billing_address (DigiCert's
 * order page).
 */
export function checkPayment(body: Record<string, unknown>, errors: ApiError[]): void {
  const pm = body.payment_method;
  if (pm === undefined) return;
  if (typeof pm !== 'string' || !PAYMENT_METHODS.includes(pm)) {
    errors.push(invalid('payment_method', `payment_method must be one of: ${PAYMENT_METHODS.join(', ')}.`));
    return;
  }
  if (pm !== 'card') return;
  const card = body.credit_card;
  if (!isRecord(card))
    errors.push(missing('credit_card', 'credit_card is required when payment_method is card.'));
  else {
    if (blank(card.number)) errors.push(missing('credit_card.number'));
    if (!isInt(card.expiration_month) || card.expiration_month < 1 || card.expiration_month > 12) {
      errors.push(invalid('credit_card.expiration_month', 'expiration_month must be a number from 1 to 12.'));
    }
    if (!isInt(card.expiration_year) || card.expiration_year < 1000 || card.expiration_year > 9999) {
      errors.push(invalid('credit_card.expiration_year', 'expiration_year must be a four-digit number.'));
    }
    if (!isInt(card.cvv) || card.cvv < 0 || card.cvv > 9999)
      errors.push(invalid('credit_card.cvv', 'cvv must be a three- or four-digit number.'));
    if (blank(card.cardholder_name)) errors.push(missing('credit_card.cardholder_name'));
  }
  const addr = body.billing_address;
  if (!isRecord(addr))
    errors.push(missing('billing_address', 'billing_address is required when payment_method is card.'));
  else {
    for (const f of ['address', 'city', 'country'])
      if (blank(addr[f])) errors.push(missing(`billing_address.${f}`));
  }
}
