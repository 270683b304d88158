/**
 * What a policy allows an order to be: its product, how far its validity reaches, and the custom
 * fields it must carry. Checked by the background on the body the outbox is given, before it is
 * stored or sent (guard.ts): the pages show the same problems earlier, but only this check holds.
 * It reads the body tolerantly: a malformed field is left to the order's own validation
 * (lib/order/validate.ts), which refuses it with its own message.
 */
import { t } from '../i18n';
import { formatDay, formatList, formatNumber } from '../i18n/format';
import { addYears, formatIsoDay, parseIsoDay, utcDay } from '../order/dates';
import type { Problem } from '../order/problem';
import { getProduct } from '../order/products';
import { type ValidityPeriod, validityEndDate } from '../order/validity';
import type { Policy, RequiredCustomField } from './model';

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const text = (v: unknown) => (typeof v === 'string' ? v : undefined);

const productName = (id: string) => getProduct(id)?.name ?? id;

/** The label an administrator gave a custom field, or its number in words. */
export function customFieldName(field: RequiredCustomField): string {
  return field.label ?? t('common_policy_custom_field_number', String(field.id));
}

export function productProblem(policy: Policy, product: string): Problem | undefined {
  const allowed = policy.allowedProducts;
  if (!allowed || (allowed as readonly string[]).includes(product)) return undefined;
  return {
    path: '',
    code: 'policy_product_not_allowed',
    message: t('common_policy_product_not_allowed', [
      productName(product),
      formatList(allowed.map(productName)),
    ]),
  };
}

/**
 * Every end date the body asks for: `order_validity` (its deciding field, as DigiCert documents the
 * precedence) and the deprecated root `validity_years` / `custom_expiration_date`, which the API
 * still reads. The latest counts: any of them past the limit would be paid for.
 */
function orderEnds(body: Record<string, unknown>, today: Date): { path: string; end: Date }[] {
  const ends: { path: string; end: Date }[] = [];
  const validity = body.order_validity;
  if (isObject(validity)) {
    const period: ValidityPeriod = {
      years: num(validity.years),
      days: num(validity.days),
      custom_expiration_date: text(validity.custom_expiration_date),
    };
    const end = validityEndDate(period, today);
    if (end) ends.push({ path: 'order_validity', end });
  }
  const years = num(body.validity_years);
  if (years !== undefined) ends.push({ path: 'validity_years', end: addYears(utcDay(today), years) });
  const date = text(body.custom_expiration_date);
  const dateEnd = date === undefined ? undefined : parseIsoDay(date);
  if (dateEnd) ends.push({ path: 'custom_expiration_date', end: dateEnd });
  return ends;
}

export function validityProblems(policy: Policy, body: Record<string, unknown>, today: Date): Problem[] {
  const years = policy.maxValidityYears;
  if (years === undefined) return [];
  const limit = addYears(utcDay(today), years);
  return orderEnds(body, today)
    .filter(({ end }) => end > limit)
    .map(({ path, end }) => ({
      path,
      code: 'policy_validity_too_long',
      message: t('common_policy_validity_too_long', [
        formatDay(formatIsoDay(end)),
        formatNumber(years),
        formatDay(formatIsoDay(limit)),
      ]),
    }));
}

export function customFieldProblems(policy: Policy, body: Record<string, unknown>): Problem[] {
  const given = Array.isArray(body.custom_fields) ? body.custom_fields.filter(isObject) : [];
  return policy.requiredCustomFields
    .filter((field) => !given.some((g) => g.metadata_id === field.id && (text(g.value)?.trim() ?? '') !== ''))
    .map((field) => ({
      path: 'custom_fields',
      code: 'policy_custom_field_missing',
      message: t('common_policy_custom_field_missing', [customFieldName(field), String(field.id)]),
    }));
}

/** Every way the order breaks the policy; empty when it may be placed. */
export function orderPolicyProblems(
  policy: Policy,
  order: { product: string; request: Record<string, unknown> },
  today: Date,
): Problem[] {
  const product = productProblem(policy, order.product);
  return [
    ...(product ? [product] : []),
    ...validityProblems(policy, order.request, today),
    ...customFieldProblems(policy, order.request),
  ];
}
