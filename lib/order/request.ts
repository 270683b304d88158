import { z } from 'zod/mini';
import { lazySchema } from '../lazy-schema';
import { Email, Id, IsoDate, Locale, NonEmpty, Thumbprint, ZeroOrOne } from './formats';
import {
  AlternativeOrderId,
  BillingAddress,
  Certificate,
  CreditCard,
  CustomField,
  DCV_METHODS,
  DCV_SCOPES,
  OrderContact,
  OrderValidity,
  Organization,
  PAYMENT_METHODS,
} from './request-parts';

const opt = z.optional;

/**
 * The body of POST /services/v2/order/certificate/{product_name_id} for public TLS products, field
 * by field as DigiCert's order page documents it (plus the three fields seen in real payloads).
 *
 * This schema checks each field's type and format. Whether fields fit together (card payment needs a
 * card, validity limits on the ordering day, EV needs an approver, ...) is checked by
 * validateOrderRequest, which also needs the product and the date. Unknown keys are stripped from the
 * output (validateOrderRequest warns about them). `organization` is required by DigiCert's order page; the
 * `conditional` fields are optional here and enforced by the rules.
 */
export const OrderRequestSchema = lazySchema(() =>
  z.object({
    certificate: Certificate,
    renewed_thumbprint: opt(Thumbprint),
    order_validity: OrderValidity,
    /** Deprecated: use order_validity.years. */
    validity_years: opt(z.int().check(z.gte(1), z.lte(3))),
    /** Deprecated: use order_validity.custom_expiration_date. */
    custom_expiration_date: opt(IsoDate),
    comments: opt(z.string()),
    apply_cr_discount: opt(z.boolean()),
    serial_number: opt(NonEmpty),
    auto_renew: opt(z.int().check(z.gte(0))), // 0/1, or a number of renewals [client]
    auto_reissue: opt(ZeroOrOne),
    custom_renewal_message: opt(z.string()),
    disable_renewal_notifications: opt(z.boolean()),
    additional_emails: opt(z.array(Email)),
    locale: opt(Locale),
    server_licenses: opt(Id),
    renewal_of_order_id: opt(Id),
    payment_method: opt(z.enum(PAYMENT_METHODS)),
    credit_card: opt(CreditCard),
    billing_address: opt(BillingAddress),
    vat_number: opt(NonEmpty),
    dcv_method: opt(z.enum(DCV_METHODS)),
    skip_approval: opt(z.boolean()),
    disable_ct: opt(z.boolean()),
    organization_contact: opt(OrderContact),
    technical_contact: opt(OrderContact),
    organization: Organization,
    container: opt(z.object({ id: Id })),
    custom_fields: opt(z.array(CustomField)),
    alternative_order_id: opt(AlternativeOrderId),
    enable_guest_access: opt(ZeroOrOne),
    certificate_dcv_scope: opt(z.enum(DCV_SCOPES)),
    // Seen in real payloads only [client]:
    disable_issuance_email: opt(z.boolean()),
    user_id_assignments: opt(z.array(Id)),
    csa_agreed_to: opt(z.union([z.boolean(), ZeroOrOne])),
  }),
);

export type OrderRequest = z.infer<typeof OrderRequestSchema>;
export type OrderRequestInput = z.input<typeof OrderRequestSchema>;

/**
 * What the cross-field rules see: every field optional, array entries possibly missing. After a
 * failed parse the rules still run on the parts that did parse (see salvage.ts), so one run reports
 * every problem.
 */
export type Salvaged<T> = T extends readonly (infer E)[]
  ? (Salvaged<E> | undefined)[]
  : T extends object
    ? { [K in keyof T]?: Salvaged<T[K]> }
    : T;
export type RequestView = Salvaged<OrderRequest>;
