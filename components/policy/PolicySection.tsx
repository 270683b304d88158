import { Fragment } from 'preact';
import { t, tn } from '@/lib/i18n';
import { formatList } from '@/lib/i18n/format';
import { getProduct } from '@/lib/order/products';
import type { Policy, PolicyProblem } from '@/lib/policy/model';
import { customFieldName } from '@/lib/policy/order-rules';
import { regionName } from '../ConnectionSummary';
import { Notice } from '../Notice';
import { usePolicy } from './usePolicy';

function Problems({ problems }: { problems: PolicyProblem[] }) {
  return (
    <Notice tone="error" title={t('settings_policy_broken_title')}>
      <p>{t('settings_policy_broken_detail')}</p>
      <ul class="plain">
        {problems.map((p) => (
          <li key={`${p.where}: ${p.message}`}>
            {p.where ? (
              <>
                <strong translate={false}>{p.where}</strong>: {p.message}
              </>
            ) : (
              p.message
            )}
          </li>
        ))}
      </ul>
    </Notice>
  );
}

/** Each rule the policy sets, as a term and its value; what it does not set is left out. */
function rules(policy: Policy): { term: string; value: string }[] {
  const out: { term: string; value: string }[] = [];
  if (policy.region) out.push({ term: t('settings_policy_region'), value: regionName(policy.region) });
  if (policy.allowedProducts)
    out.push({
      term: t('settings_policy_products'),
      value: formatList(policy.allowedProducts.map((id) => getProduct(id)?.name ?? id)),
    });
  if (policy.maxValidityYears !== undefined)
    out.push({
      term: t('settings_policy_validity'),
      value: tn(
        policy.maxValidityYears,
        'settings_policy_validity_years_one',
        'settings_policy_validity_years_other',
      ),
    });
  if (policy.requiredCustomFields.length > 0)
    out.push({
      term: t('settings_policy_custom_fields'),
      value: formatList(
        policy.requiredCustomFields.map((f) =>
          t('settings_policy_custom_field', [customFieldName(f), String(f.id)]),
        ),
      ),
    });
  out.push({
    term: t('settings_policy_personal'),
    value: policy.personalTemplates
      ? t('settings_policy_personal_allowed')
      : t('settings_policy_personal_not_allowed'),
  });
  out.push({
    term: t('settings_policy_templates'),
    value:
      policy.templates.length === 0
        ? t('settings_policy_templates_none')
        : formatList(policy.templates.map((tpl) => tpl.name)),
  });
  return out;
}

/**
 * Settings page: what the organization's policy sets, or why it is ignored. Nothing at all where no
 * policy is set (most browsers), so the page looks as it always did.
 */
export function PolicySection() {
  const state = usePolicy();
  if (!state || state.state === 'none') return null;
  return (
    <section id="policy" class="card stack" aria-labelledby="policy-heading">
      <h2 id="policy-heading">{t('settings_policy_heading')}</h2>
      {state.state === 'broken' ? (
        <Problems problems={state.problems} />
      ) : (
        <>
          <p class="muted">{t('settings_policy_intro')}</p>
          <dl class="facts">
            {rules(state.policy).map((rule) => (
              <Fragment key={rule.term}>
                <dt>{rule.term}</dt>
                <dd>{rule.value}</dd>
              </Fragment>
            ))}
          </dl>
        </>
      )}
    </section>
  );
}
