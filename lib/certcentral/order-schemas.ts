// Order shapes. md "one order" / "list orders" and recorded order.json, ssl_ev_order.json, orders.json.
// A pending order has no thumbprint, serial or validity dates yet, so those are optional.
import { z } from 'zod';
import { IdNameSchema, IdRefSchema, OrderStatusSchema, PageSchema, PersonSchema } from './schemas';

/** recorded orders.json has "SHA256" beside "sha256": normalised to the request's lower-case ids. */
export const SignatureHashSchema = z.string().transform((s) => s.toLowerCase());

export const OrderProductSchema = z.looseObject({
  name_id: z.string(),
  name: z.string().optional(),
  type: z.string().optional(),
  validation_type: z.string().optional(),
});

const certificateFields = {
  id: z.number().optional(),
  common_name: z.string().optional(),
  dns_names: z.array(z.string()).optional(),
  csr: z.string().optional(),
  signature_hash: SignatureHashSchema.optional(),
  server_platform: IdRefSchema.optional(),
  thumbprint: z.string().optional(),
  serial_number: z.string().optional(),
  valid_from: z.string().optional(),
  valid_till: z.string().optional(),
  days_remaining: z.number().optional(),
  date_created: z.string().optional(),
  key_size: z.number().optional(),
  organization_units: z.array(z.string()).optional(),
  organization: z.looseObject({ id: z.number() }).optional(),
  ca_cert: z.looseObject({ id: z.string(), name: z.string().optional() }).optional(),
};

/** `certificate` of `GET /order/certificate/{id}`: renewal needs its id and common name. */
export const OrderCertificateSchema = z.looseObject({
  ...certificateFields,
  id: z.number(),
  common_name: z.string(),
});
export type OrderCertificate = z.infer<typeof OrderCertificateSchema>;

const orderFields = {
  id: z.number(),
  status: OrderStatusSchema,
  date_created: z.string().optional(),
  // The recorded single orders carry an organization without `id`.
  organization: z.looseObject({ id: z.number().optional(), name: z.string().optional() }).optional(),
  container: IdNameSchema.optional(),
  validity_years: z.number().optional(),
  // Rows of the list may omit `valid_till` (recorded orders.json): everything in it is optional.
  certificate: z.looseObject(certificateFields).optional(),
  product: OrderProductSchema.optional(),
};

export const OrderSummarySchema = z.looseObject(orderFields);
export type OrderSummary = z.infer<typeof OrderSummarySchema>;

export const OrderRequestSchema = z.looseObject({
  id: z.number(),
  status: z.string().optional(),
  type: z.string().optional(),
  date: z.string().optional(),
});

export const OrderDetailsSchema = z.looseObject({
  ...orderFields,
  certificate: OrderCertificateSchema,
  product: OrderProductSchema,
  is_renewal: z.boolean().optional(),
  is_renewed: z.boolean().optional(),
  renewed_order_id: z.number().optional(),
  alternative_order_id: z.string().optional(),
  order_valid_from: z.string().optional(),
  order_valid_till: z.string().optional(),
  payment_method: z.string().optional(),
  disable_renewal_notifications: z.boolean().optional(),
  organization_contact: PersonSchema.optional(),
  technical_contact: PersonSchema.optional(),
  user: PersonSchema.optional(),
  requests: z.array(OrderRequestSchema).optional(),
});
export type OrderDetails = z.infer<typeof OrderDetailsSchema>;

export const OrderListSchema = z.looseObject({ orders: z.array(OrderSummarySchema), page: PageSchema });
export type OrderList = z.infer<typeof OrderListSchema>;

/** md "Duplicate orders": `GET /order/alternate/{id}` → {orders:[{order_id, certificate_id, status}], page}. */
export const AlternateOrderSchema = z.looseObject({
  order_id: z.number(),
  certificate_id: z.number().optional(),
  status: OrderStatusSchema,
});
export const AlternateOrderListSchema = z.looseObject({
  orders: z.array(AlternateOrderSchema),
  page: PageSchema.optional(),
});
export type AlternateOrderList = z.infer<typeof AlternateOrderListSchema>;

/**
 * 201 of `POST /order/certificate/{product}` (md "Response 201"). Only `id` is required: once the
 * order exists, failing on a cosmetic field would invite a retry and a second, billed order.
 */
export const PlacedOrderSchema = z.looseObject({
  id: z.number(),
  requests: z.array(z.looseObject({ id: z.number(), status: z.string().optional() })).optional(),
  certificate_id: z.number().optional(),
  certificate_chain: z.array(z.looseObject({ subject_common_name: z.string(), pem: z.string() })).optional(),
  dcv_random_value: z.string().optional(),
  domains: z
    .array(
      z.looseObject({
        id: z.number(),
        name: z.string(),
        dcv_token: z.looseObject({ token: z.string(), status: z.string().optional() }).optional(),
      }),
    )
    .optional(),
});
export type PlacedOrder = z.infer<typeof PlacedOrderSchema>;

/** md "expiring soon": counts per bucket; the recorded report also has a negative (expired) bucket. */
export const ExpiringOrdersSchema = z.looseObject({
  expiring_orders: z.array(z.looseObject({ days_expiring: z.number(), order_count: z.number() })),
});
export type ExpiringOrdersBucket = z.infer<typeof ExpiringOrdersSchema>['expiring_orders'][number];
