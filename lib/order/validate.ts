import { t } from '../i18n';
import { findLimitBreach, limitText, ORDER_BODY_DEPTH, ORDER_BODY_WORDING } from './bounds';
import { utcDay } from './dates';
import { issuesToProblems } from './issues';
import { formatPath, type Problem, problem } from './problem';
import { getProduct, type ProductNameId } from './products';
import { type OrderRequest, OrderRequestSchema, type RequestView } from './request';
import { wildcardRule } from './rules/names';
import { deprecatedFieldsRule, skipApprovalRule } from './rules/notices';
import { contactsRule, evApproverRule, organizationRule } from './rules/organization';
import { paymentRule, renewalRule } from './rules/payment';
import { productLimitsRule } from './rules/product';
import { collector, makeContext, type Rule } from './rules/rule';
import { certificateValidityRule, orderValidityRule, validityCapWarningsRule } from './rules/validity';
import { salvage } from './salvage';
import { unknownFields } from './unknown-fields';

export interface ValidateOptions {
  product: ProductNameId;
  /** The ordering day. Injected so rules never read the system clock (and tests can move it). */
  today: Date;
  /** This order renews an earlier one: it must name it (renewal_of_order_id or renewed_thumbprint). */
  renewal?: boolean;
}

export type ValidationResult =
  | { ok: true; request: OrderRequest; warnings: Problem[] }
  | { ok: false; problems: Problem[]; warnings: Problem[] };

/** Cross-field rules, each in its own file with the documented rule it enforces. */
export const RULES: readonly Rule[] = [
  paymentRule,
  renewalRule,
  orderValidityRule,
  certificateValidityRule,
  validityCapWarningsRule,
  wildcardRule,
  productLimitsRule,
  organizationRule,
  contactsRule,
  evApproverRule,
  skipApprovalRule,
  deprecatedFieldsRule,
];

/**
 * Validates an order body for a product on a day and reports every problem at once: the schema's
 * field problems, then the cross-field rules run on whatever parsed (salvage.ts), so a person fixes
 * everything in one pass. Warnings never block; `request` is the parsed body (unknown keys removed).
 */
export function validateOrderRequest(body: unknown, options: ValidateOptions): ValidationResult {
  const product = getProduct(options.product);
  if (!product) {
    const p = problem('', 'unknown_product', t('common_check_unknown_product', String(options.product)));
    return { ok: false, problems: [p], warnings: [] };
  }
  // Before anything recursive (zod, the rules, the messages) sees the body: see bounds.ts.
  const breach = findLimitBreach(body);
  if (breach) {
    const path = formatPath(breach.parts.slice(0, ORDER_BODY_DEPTH));
    const p = problem(path, breach.kind, limitText(breach, ORDER_BODY_WORDING));
    return { ok: false, problems: [p], warnings: [] };
  }
  const parsed = OrderRequestSchema.safeParse(body);
  const problems = parsed.success ? [] : issuesToProblems(parsed.error.issues, body);
  // Not even an object: nothing else can be said about it.
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { ok: false, problems, warnings: [] };
  const view = (parsed.success ? parsed.data : (salvage(OrderRequestSchema, body) ?? {})) as RequestView;
  const ctx = makeContext(body, product, utcDay(options.today), options.renewal ?? false);
  const report = collector();
  for (const rule of RULES) rule(view, ctx, report);

  // A rule may reach a path the schema already reported (e.g. a malformed card is also "missing"):
  // one problem per path is enough for a person to act on.
  const schemaPaths = new Set(problems.map((p) => p.path));
  problems.push(...report.errors.filter((p) => !schemaPaths.has(p.path)));
  const warnings = [...report.warnings, ...unknownFields(body)];
  if (!parsed.success || problems.length > 0) return { ok: false, problems, warnings };
  return { ok: true, request: parsed.data, warnings };
}
