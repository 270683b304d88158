/**
 * The order request model: what a CertCentral public TLS order body is, and whether one is right
 * for a product on a day. Everything here is pure (no clock, no storage, no network).
 */
export {
  findLimitBreach,
  findReservedKeys,
  type LimitBreach,
  type LimitKind,
  type LimitWording,
  limitText,
  MAX_DEPTH,
  MAX_ENTRIES,
  MAX_KEY_LENGTH,
  MAX_TEXT_LENGTH,
  MAX_VALUES,
  ORDER_BODY_DEPTH,
  RESERVED_KEYS,
} from './bounds';
export { formatIsoDay, parseIsoDay, utcDay } from './dates';
export { DEPRECATED_FIELDS, type DeprecatedField } from './deprecated';
export { type FieldInfo, type FieldPresence, type FieldType, fieldInfo, ORDER_FIELDS } from './fields';
export { hostNameFinding, isWildcard } from './host-name';
export { EXPECTED_TYPE_WORDS } from './issues';
export type { Problem, ProblemCode } from './problem';
export {
  getProduct,
  isProductNameId,
  PRODUCT_NAME_IDS,
  PRODUCTS,
  type ProductInfo,
  type ProductNameId,
  type SignatureHash,
  type ValidationLevel,
} from './products';
export { type OrderRequest, type OrderRequestInput, OrderRequestSchema } from './request';
export { CONTACT_TYPES, DCV_METHODS, DCV_SCOPES, PAYMENT_METHODS, SIGNATURE_HASHES } from './request-parts';
export { type ValidateOptions, type ValidationResult, validateOrderRequest } from './validate';
export {
  CERTIFICATE_VALIDITY_CAPS,
  capSource,
  decidingValidityField,
  firstCertificateEndDate,
  maxCertificateValidityDays,
  nextValidityCap,
  orderEndDate,
  type ValidityCap,
  type ValidityPeriod,
  validityCapOn,
  validityEndDate,
} from './validity';
