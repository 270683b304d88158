// Domain control validation (DCV) and organization validation of pending orders, written from
// DigiCert's Services API pages (docs/certcentral-api.md "Validation follow-through"):
// - "Order validation status" GET /order/certificate/{id}/validation: per-domain
//   `dns_name_validations` and `organization_validations` (the latter not for DV orders); its example
//   sends ids as strings ("order_id": "112211"), so the sandbox does too.
// - "Check order DCV" PUT …/check-dcv: `{order_status, certificate_id, dcv_status, dns_name_validations:
//   [{dns_name, status}]}` for the DNS methods; 400 `file_random_value_not_found` for http-token when
//   any checked domain lacks the value.
// - "Get order DCV random value" PUT …/dcv-random-value: `{dcv_random_value, expiration_date}`; the same
//   value while it is valid, a new one once it expired. One order value serves every domain.
// - "Change order DCV method" PUT …/dcv-method `{dcv_method}`: 204 for email, 200 with
//   `{dcv_random_value, expiration_date}` for the token methods.
// - "Resend order DCV emails" PUT …/resend-emails, "Resend order approval email" PUT
//   …/order-approval/resend-emails `{emails}` → 204, "Resend domain DCV emails" PUT
//   /domain/{id}/dcv/emails → 204, "Check domain DCV" PUT /domain/{id}/dcv/validate-token → {token, status}.
// - A token expires 30 days after it is made (console pages: "The unique verification token expires
//   after 30 days").
// Where the pages are silent (error codes other than the documented ones, answers on orders that are
// not pending), the sandbox refuses with a 400 and a code marked as an assumption beside it.
// The model is split by responsibility: the order's DCV state and lifecycle (dcv-state.ts), the
// validation calls (dcv-calls.ts), the validation status (dcv-status.ts) and the test-only control
// endpoints (dcv-control.ts). The routes, the seed and the control server import them from here.
export {
  changeMethod,
  checkDcv,
  domainRoutes,
  randomValue,
  resendApproval,
  resendEmails,
} from './dcv-calls';
export { approveByEmail, publish, setValidation } from './dcv-control';
export { type OrderDcv, prevalidated, startDcv } from './dcv-state';
export { validationStatus } from './dcv-status';
