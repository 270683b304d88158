/**
 * Fields DigiCert's order page marks deprecated (reasons quoted from its rows). Validation accepts them with a warning (the API still takes
 * them); nothing in this module produces them. Kept apart from the field catalogue so the validator
 * in the popup does not carry the catalogue's descriptions.
 */
export interface DeprecatedField {
  path: string;
  replacement: string | null;
  reason: string;
}

export const DEPRECATED_FIELDS: readonly DeprecatedField[] = [
  {
    path: 'certificate.organization_units',
    replacement: null,
    reason: 'ignored for public TLS/SSL certificate requests',
  },
  {
    path: 'validity_years',
    replacement: 'order_validity.years',
    reason: 'replaced by the order_validity object',
  },
  {
    path: 'custom_expiration_date',
    replacement: 'order_validity.custom_expiration_date',
    reason: 'replaced by the order_validity object',
  },
];
