// Order shapes. docs/certcentral-api.md "one order" / "list orders", the recorded order.json,
// ssl_ev_order.json and orders.json. Required: an order's `id` and `status` (what follow-up, renewal
// and the never-twice lookup act on). Everything else may be missing or `null`: a pending order has
// no thumbprint, serial or dates yet; real answers carry `renewed_order_id: null`,
// `alternative_order_id: null`.
import { z } from 'zod/mini';
import { lazySchema } from '../lazy-schema';
import {
  IdNameSchema,
  IdRefSchema,
  listOf,
  OrderStatusSchema,
  opt,
  PageSchema,
  PersonSchema,
  type ReadList,
  StringListSchema,
} from './schemas';

/** recorded orders.json has "SHA256" beside "sha256": normalised to the request's lower-case ids. */
export const SignatureHashSchema = lazySchema(() =>
  z.pipe(
    z.string(),
    z.transform((s: string) => s.toLowerCase()),
  ),
);

export const OrderProductSchema = lazySchema(() =>
  z.looseObject({
    name_id: opt(z.string()),
    name: opt(z.string()),
    type: opt(z.string()),
    validation_type: opt(z.string()),
  }),
);

export const OrderCertificateSchema = lazySchema(() =>
  z.looseObject({
    id: opt(z.number()),
    common_name: opt(z.string()),
    dns_names: StringListSchema,
    csr: opt(z.string()),
    signature_hash: opt(SignatureHashSchema),
    server_platform: opt(IdRefSchema),
    thumbprint: opt(z.string()),
    serial_number: opt(z.string()),
    valid_from: opt(z.string()),
    valid_till: opt(z.string()),
    days_remaining: opt(z.number()),
    date_created: opt(z.string()),
    key_size: opt(z.number()),
    organization_units: StringListSchema,
    organization: opt(z.looseObject({ id: opt(z.number()) })),
    ca_cert: opt(z.looseObject({ id: opt(z.string()), name: opt(z.string()) })),
  }),
);
export type OrderCertificate = z.infer<typeof OrderCertificateSchema>;

const orderFields = lazySchema(() => ({
  id: z.number(),
  status: OrderStatusSchema,
  date_created: opt(z.string()),
  // The recorded single orders carry an organization without `id`.
  organization: opt(z.looseObject({ id: opt(z.number()), name: opt(z.string()) })),
  container: opt(IdNameSchema),
  validity_years: opt(z.number()),
  certificate: opt(OrderCertificateSchema),
  product: opt(OrderProductSchema),
  is_renewed: opt(z.boolean()),
  renewed_order_id: opt(z.number()),
  alternative_order_id: opt(z.string()),
}));

export const OrderSummarySchema = lazySchema(() => z.looseObject(orderFields));
export type OrderSummary = z.infer<typeof OrderSummarySchema>;

export const OrderRequestSchema = lazySchema(() =>
  z.looseObject({
    id: z.number(),
    status: opt(z.string()),
    type: opt(z.string()),
    date: opt(z.string()),
  }),
);

export const OrderDetailsSchema = lazySchema(() =>
  z.looseObject({
    ...orderFields,
    is_renewal: opt(z.boolean()),
    order_valid_from: opt(z.string()),
    order_valid_till: opt(z.string()),
    payment_method: opt(z.string()),
    disable_renewal_notifications: opt(z.boolean()),
    organization_contact: opt(PersonSchema),
    technical_contact: opt(PersonSchema),
    user: opt(PersonSchema),
    requests: listOf(OrderRequestSchema),
  }),
);
export type OrderDetails = z.infer<typeof OrderDetailsSchema>;

export const OrderListSchema = lazySchema(() =>
  z.looseObject({ orders: listOf(OrderSummarySchema), page: opt(PageSchema) }),
);
/** A page of orders: the rows that could be read, and the ones set aside with why. */
export interface OrderList {
  orders: OrderSummary[];
  unreadable: ReadList<OrderSummary>['unreadable'];
  page?: z.infer<typeof PageSchema> | undefined;
}

/** docs "Duplicate orders": `GET /order/alternate/{id}` → {orders:[{order_id, certificate_id, status}], page}. */
export const AlternateOrderSchema = lazySchema(() =>
  z.looseObject({
    order_id: z.number(),
    certificate_id: opt(z.number()),
    status: OrderStatusSchema,
  }),
);
export type AlternateOrder = z.infer<typeof AlternateOrderSchema>;
export const AlternateOrderListSchema = lazySchema(() =>
  z.looseObject({
    orders: listOf(AlternateOrderSchema),
    page: opt(PageSchema),
  }),
);
export interface AlternateOrderList {
  orders: AlternateOrder[];
}

/**
 * 201 of `POST /order/certificate/{product}` (docs "Response 201"). Only `id` is required: once the
 * order exists, failing on a cosmetic field would invite a retry and a second, billed order.
 */
export const PlacedOrderSchema = lazySchema(() =>
  z.looseObject({
    id: z.number(),
    requests: listOf(z.looseObject({ id: z.number(), status: opt(z.string()) })),
    certificate_id: opt(z.number()),
    certificate_chain: listOf(z.looseObject({ subject_common_name: opt(z.string()), pem: z.string() })),
    dcv_random_value: opt(z.string()),
    domains: listOf(
      z.looseObject({
        id: opt(z.number()),
        name: z.string(),
        dcv_token: opt(z.looseObject({ token: opt(z.string()), status: opt(z.string()) })),
      }),
    ),
  }),
);
export type PlacedOrder = z.infer<typeof PlacedOrderSchema>;

/** docs "expiring soon": counts per bucket; the recorded report also has a negative (expired) bucket. */
export const ExpiringBucketSchema = lazySchema(() =>
  z.looseObject({ days_expiring: z.number(), order_count: z.number() }),
);
export const ExpiringOrdersSchema = lazySchema(() =>
  z.looseObject({ expiring_orders: listOf(ExpiringBucketSchema) }),
);
export type ExpiringOrdersBucket = z.infer<typeof ExpiringBucketSchema>;
