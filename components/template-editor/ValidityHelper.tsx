import { t, tn } from '@/lib/i18n';
import { formatDay, formatNumber } from '@/lib/i18n/format';
import type { DraftFields } from '@/lib/templates/editor/draft';
import { validityPlan } from '@/lib/templates/editor/validity';
import { Msg } from '../Msg';

/** " (about 2.5 years)" after a long number of days; nothing under a year and a half. */
function years(days: number): string {
  const n = Math.round((days / 365.25) * 10) / 10;
  return n >= 1.5 ? ` ${t('editor_about_years', formatNumber(n))}` : '';
}

/** The order's length and what it means for each certificate today. */
export function ValidityHelper({ fields, today }: { fields: DraftFields; today: Date }) {
  const plan = validityPlan(fields, today);
  return (
    <section class="validity-helper" aria-labelledby="validity-helper-heading" aria-live="polite">
      <h4 id="validity-helper-heading">{t('editor_validity_heading')}</h4>
      {plan ? (
        <ul>
          <li>
            {t(plan.fromDefaults ? 'editor_validity_order_defaults' : 'editor_validity_order', [
              formatNumber(plan.orderDays),
              years(plan.orderDays),
              formatDay(plan.orderEnd),
            ])}
          </li>
          <li>
            <Msg
              id="editor_validity_cap"
              args={[
                <strong>{t('editor_validity_cap_days', formatNumber(plan.capDays))}</strong>,
                plan.capSource,
                formatNumber(plan.firstCertificateDays),
                formatDay(plan.firstCertificateEnd),
              ]}
            />
          </li>
          {plan.nextCap && (
            <li>
              {t('editor_validity_next_cap', [formatDay(plan.nextCap.from), formatNumber(plan.nextCap.days)])}
            </li>
          )}
          <li>
            {plan.reissues === 0
              ? t('editor_validity_no_reissue')
              : tn(plan.reissues, 'editor_validity_reissues_one', 'editor_validity_reissues_other', [
                  formatNumber(plan.certificates),
                ])}
          </li>
        </ul>
      ) : (
        <p class="muted">{t('editor_validity_unset')}</p>
      )}
    </section>
  );
}
