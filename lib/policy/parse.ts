/**
 * Reads what `storage.managed.get()` gave into a Policy, or every problem that stops it: a policy is
 * applied whole or not at all (a half-applied policy would be one the administrator never wrote).
 * Unknown keys are problems too: a misspelt `maxValidityYear` must not leave orders unlimited in
 * silence. Each problem says where it is (the key, the template's number and name) and what is wrong.
 */
import { z } from 'zod/mini';
import { t } from '../i18n';
import { formatList, formatNumber } from '../i18n/format';
import { getProduct, isProductNameId, PRODUCT_NAME_IDS, type ProductNameId } from '../order/products';
import { REGIONS, type Region } from '../region';
import {
  NO_POLICY,
  POLICY_KEYS,
  type Policy,
  type PolicyProblem,
  type PolicyState,
  type RequiredCustomField,
} from './model';
import { parseOrganizationTemplates } from './org-templates';

/** CertCentral's plans run one to three years (lib/order/products.ts maxOrderYears). */
export const MAX_POLICY_YEARS = 3;
const MAX_LABEL = 100;

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

const customFieldSchema = () =>
  z.strictObject({
    id: z.int().check(z.positive()),
    label: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_LABEL))),
  });

type Collect = (where: string, message: string) => void;

function readRegion(raw: unknown, problem: Collect): Region | undefined {
  if ((REGIONS as readonly unknown[]).includes(raw)) return raw as Region;
  problem('region', t('common_policy_bad_region', [String(raw), formatList([...REGIONS])]));
  return undefined;
}

function readProducts(raw: unknown, problem: Collect): ProductNameId[] | undefined {
  const parsed = z.array(z.string()).safeParse(raw);
  if (!parsed.success) return void problem('allowedProducts', t('common_policy_not_a_text_list'));
  if (parsed.data.length === 0) return void problem('allowedProducts', t('common_policy_no_products'));
  const unknown = parsed.data.filter((id) => !isProductNameId(id));
  if (unknown.length > 0)
    return void problem(
      'allowedProducts',
      t('common_policy_unknown_products', [formatList(unknown), formatList([...PRODUCT_NAME_IDS])]),
    );
  return [...new Set(parsed.data)] as ProductNameId[];
}

function readYears(raw: unknown, problem: Collect): number | undefined {
  const parsed = z.int().check(z.minimum(1), z.maximum(MAX_POLICY_YEARS)).safeParse(raw);
  if (parsed.success) return parsed.data;
  problem('maxValidityYears', t('common_policy_bad_years', [String(raw), formatNumber(MAX_POLICY_YEARS)]));
  return undefined;
}

function readCustomFields(raw: unknown, problem: Collect): RequiredCustomField[] {
  if (!Array.isArray(raw)) {
    problem('requiredCustomFields', t('common_policy_not_a_list'));
    return [];
  }
  const fields: RequiredCustomField[] = [];
  for (const [index, item] of raw.entries()) {
    const where = t('common_policy_where_custom_field', formatNumber(index + 1));
    const parsed = customFieldSchema().safeParse(item);
    if (!parsed.success) problem(where, t('common_policy_bad_custom_field'));
    else if (fields.some((f) => f.id === parsed.data.id))
      problem(where, t('common_policy_custom_field_twice', String(parsed.data.id)));
    else
      fields.push(
        parsed.data.label ? { id: parsed.data.id, label: parsed.data.label } : { id: parsed.data.id },
      );
  }
  return fields;
}

/** Organization templates must fit the rest of the policy: one for a product it forbids is a mistake. */
function checkTemplatesFit(policy: Policy, problem: Collect): void {
  const allowed = policy.allowedProducts;
  if (!allowed) return;
  for (const [index, template] of policy.templates.entries())
    if (!allowed.includes(template.product as ProductNameId))
      problem(
        t('common_policy_where_template_named', [formatNumber(index + 1), template.name]),
        t(
          'common_policy_template_product_not_allowed',
          getProduct(template.product)?.name ?? template.product,
        ),
      );
}

/** `raw` is what storage.managed.get() gave (an object of the policy's keys); empty means no policy. */
export function parsePolicy(raw: unknown): PolicyState {
  if (raw === undefined || raw === null || (isObject(raw) && Object.keys(raw).length === 0)) return NO_POLICY;
  const problems: PolicyProblem[] = [];
  const problem: Collect = (where, message) => void problems.push({ where, message });
  if (!isObject(raw))
    return { state: 'broken', problems: [{ where: '', message: t('common_policy_not_object') }] };
  const own = (key: string) => (Object.hasOwn(raw, key) ? raw[key] : undefined);
  for (const key of Object.keys(raw))
    if (!(POLICY_KEYS as readonly string[]).includes(key))
      problem(key, t('common_policy_unknown_key', formatList([...POLICY_KEYS])));

  const policy: Policy = { templates: [], requiredCustomFields: [], personalTemplates: true };
  if (own('region') !== undefined) {
    const region = readRegion(own('region'), problem);
    if (region) policy.region = region;
  }
  if (own('allowedProducts') !== undefined) {
    const products = readProducts(own('allowedProducts'), problem);
    if (products) policy.allowedProducts = products;
  }
  if (own('maxValidityYears') !== undefined) {
    const years = readYears(own('maxValidityYears'), problem);
    if (years !== undefined) policy.maxValidityYears = years;
  }
  if (own('requiredCustomFields') !== undefined)
    policy.requiredCustomFields = readCustomFields(own('requiredCustomFields'), problem);
  const personal = own('allowPersonalTemplates');
  if (personal !== undefined) {
    if (typeof personal === 'boolean') policy.personalTemplates = personal;
    else problem('allowPersonalTemplates', t('common_policy_not_boolean'));
  }
  if (own('organizationTemplates') !== undefined) {
    const read = parseOrganizationTemplates(own('organizationTemplates'));
    policy.templates = read.templates;
    problems.push(...read.problems);
  }
  checkTemplatesFit(policy, problem);
  return problems.length > 0 ? { state: 'broken', problems } : { state: 'applied', policy };
}
