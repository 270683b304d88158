import type { DraftFields } from '@/lib/templates/editor-draft';
import { validityPlan } from '@/lib/templates/editor-validity';

function years(days: number): string {
  const n = Math.round((days / 365.25) * 10) / 10;
  return n >= 1.5 ? ` (about ${n} years)` : '';
}

/** The order's length and what it means for each certificate today. */
export function ValidityHelper({ fields, today }: { fields: DraftFields; today: Date }) {
  const plan = validityPlan(fields, today);
  return (
    <section class="validity-helper" aria-labelledby="validity-helper-heading" aria-live="polite">
      <h4 id="validity-helper-heading">Validity if ordered today</h4>
      {plan ? (
        <ul>
          <li>
            The order runs {plan.orderDays} days{years(plan.orderDays)}, until {plan.orderEnd}
            {plan.fromDefaults && ' (with the asked fields’ defaults)'}.
          </li>
          <li>
            Each certificate can be valid for at most <strong>{plan.capDays} days</strong> today (
            {plan.capSource}
            ). The first one runs {plan.firstCertificateDays} days, until {plan.firstCertificateEnd}.
          </li>
          {plan.nextCap && (
            <li>
              From {plan.nextCap.from} the maximum drops to {plan.nextCap.days} days.
            </li>
          )}
          <li>
            {plan.reissues === 0
              ? 'One certificate covers the whole order: no reissue needed.'
              : `The plan needs ${plan.certificates} certificates: the first and ${plan.reissues} reissue${plan.reissues === 1 ? '' : 's'}.`}
          </li>
        </ul>
      ) : (
        <p class="muted">
          Set the order validity (fixed, or asked with a default) to see the certificates it implies.
        </p>
      )}
    </section>
  );
}
