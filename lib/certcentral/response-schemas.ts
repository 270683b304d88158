// Every schema the client reads a CertCentral answer with, by the call that answers with it. The
// tolerant-reader test (schemas.test.ts) walks each one, and checks that no call site reads an answer
// with a schema missing from this list.
import type { z } from 'zod/mini';
import { CustomFieldListSchema } from './account';
import { ContainerListSchema } from './containers';
import { DcvEmailsSchema } from './dcv-emails';
import { ReissueResponseSchema } from './order-reissue';
import {
  AlternateOrderListSchema,
  ExpiringOrdersSchema,
  OrderDetailsSchema,
  OrderListSchema,
  PlacedOrderSchema,
} from './order-schemas';
import {
  OrganizationListSchema,
  OrganizationSchema,
  OrganizationValidationListSchema,
} from './organizations';
import { ProductDetailsSchema, ProductListSchema } from './products';
import { CurrentUserSchema, UserListSchema } from './user';

export const RESPONSE_SCHEMAS: Record<string, { call: string; schema: z.core.$ZodType }> = {
  CustomFieldListSchema: { call: 'GET /account/metadata', schema: CustomFieldListSchema },
  ContainerListSchema: { call: 'GET /container', schema: ContainerListSchema },
  DcvEmailsSchema: { call: 'GET /domain/{id}/dcv/emails', schema: DcvEmailsSchema },
  ReissueResponseSchema: { call: 'POST /order/certificate/{id}/reissue', schema: ReissueResponseSchema },
  AlternateOrderListSchema: { call: 'GET /order/alternate/{id}', schema: AlternateOrderListSchema },
  ExpiringOrdersSchema: { call: 'GET /report/order/expiring', schema: ExpiringOrdersSchema },
  OrderDetailsSchema: { call: 'GET /order/certificate/{id}', schema: OrderDetailsSchema },
  OrderListSchema: { call: 'GET /order/certificate', schema: OrderListSchema },
  PlacedOrderSchema: { call: 'POST /order/certificate/{product}', schema: PlacedOrderSchema },
  OrganizationListSchema: { call: 'GET /organization', schema: OrganizationListSchema },
  OrganizationSchema: { call: 'GET /organization/{id}', schema: OrganizationSchema },
  OrganizationValidationListSchema: {
    call: 'GET /organization/{id}/validation',
    schema: OrganizationValidationListSchema,
  },
  ProductDetailsSchema: { call: 'GET /product/{name_id}', schema: ProductDetailsSchema },
  ProductListSchema: { call: 'GET /product', schema: ProductListSchema },
  CurrentUserSchema: { call: 'GET /user/me', schema: CurrentUserSchema },
  UserListSchema: { call: 'GET /user', schema: UserListSchema },
};
