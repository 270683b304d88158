import { t } from '../../i18n';
import type { Rule } from './rule';

/**
 * Details that make up a new organization. The seed copy is cut before listing them; this is the
 * minimal set of DigiCert's "Create organization" request (name, address, city, country, telephone),
 * leaving state and zip to the API because they are "optional for some countries" (as for billing).
 */
export const NEW_ORGANIZATION_REQUIRED = ['name', 'address', 'city', 'country', 'telephone'] as const;
const NEW_ORGANIZATION_DETAILS = [
  ...NEW_ORGANIZATION_REQUIRED,
  'assumed_name',
  'address2',
  'state',
  'zip',
] as const;

/** Seed page: a contact without user_id is a new person; these are "Required when omitting user_id". */
export const NEW_CONTACT_REQUIRED = ['first_name', 'last_name', 'job_title', 'telephone', 'email'] as const;

/**
 * `organization` is an existing one by id ("we recommend always using the ID", DigiCert's order page) or the
 * details of a new one: one of the two, not neither and not both (both is ambiguous: the person may
 * think the details update the existing organization).
 */
export const organizationRule: Rule = (req, ctx, report) => {
  if (!ctx.sent('organization')) return; // the schema reports the missing object
  const hasId = ctx.sent('organization', 'id');
  const details = NEW_ORGANIZATION_DETAILS.filter((key) => ctx.sent('organization', key));
  if (!hasId && details.length === 0) {
    report.error(
      'organization',
      'id_or_details_required',
      t('common_check_organization_id_or_details', NEW_ORGANIZATION_REQUIRED.join(', ')),
    );
  } else if (hasId && details.length > 0) {
    report.error(
      'organization',
      'id_and_details',
      t('common_check_organization_id_and_details', details.join(', ')),
    );
  } else if (!hasId) {
    for (const key of NEW_ORGANIZATION_REQUIRED)
      if (!ctx.sent('organization', key))
        report.error(`organization.${key}`, 'required', t('common_check_organization_detail_required'));
    const contacts = req.organization?.contacts ?? [];
    if (!contacts.some((c) => c?.contact_type === 'organization_contact'))
      report.error(
        'organization.contacts',
        'organization_contact_missing',
        t('common_check_organization_contact_missing'),
      );
  }
};

/** Each contact is `{contact_type, user_id}` or a complete new person (DigiCert's order page, organization.contacts). */
export const contactsRule: Rule = (req, ctx, report) => {
  const contacts = req.organization?.contacts ?? [];
  contacts.forEach((contact, i) => {
    // undefined: not an object at all, which the schema has reported.
    if (contact === undefined || ctx.sent('organization', 'contacts', i, 'user_id')) return;
    for (const key of NEW_CONTACT_REQUIRED)
      if (!ctx.sent('organization', 'contacts', i, key))
        report.error(
          `organization.contacts[${i}].${key}`,
          'required',
          t('common_check_contact_detail_required'),
        );
  });
};

/** EV products need an ev_approver contact (docs/certcentral-api.md; product table's needsEvApprover). */
export const evApproverRule: Rule = (req, ctx, report) => {
  if (!ctx.product.needsEvApprover) return;
  const contacts = req.organization?.contacts ?? [];
  if (contacts.some((c) => c?.contact_type === 'ev_approver')) return;
  report.error(
    'organization.contacts',
    'ev_approver_missing',
    t('common_check_ev_approver_missing', ctx.product.name),
  );
};
