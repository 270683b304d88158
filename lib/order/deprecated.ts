/**
 * Fields DigiCert's order page marks deprecated (reasons quoted from its rows). Validation accepts them with a warning (the API still takes
 * them); nothing in this module produces them. Kept apart from the field catalogue so the validator
 * in the popup does not carry the catalogue's descriptions.
 */
import type { MessageKey } from '../i18n';

export interface DeprecatedField {
  path: string;
  replacement: string | null;
  /** DigiCert's reason, as a message of the catalogue (lib/i18n). */
  reason: MessageKey;
}

export const DEPRECATED_FIELDS: readonly DeprecatedField[] = [
  {
    path: 'certificate.organization_units',
    replacement: null,
    reason: 'common_check_reason_ignored_public',
  },
  {
    path: 'validity_years',
    replacement: 'order_validity.years',
    reason: 'common_check_reason_order_validity',
  },
  {
    path: 'custom_expiration_date',
    replacement: 'order_validity.custom_expiration_date',
    reason: 'common_check_reason_order_validity',
  },
];
