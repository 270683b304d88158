/** How a renewal candidate is shown and which templates are offered first (pure, for popup and options). */
import { t, tn } from '../i18n';
import type { RenewalCandidate } from '../messaging';
import type { TemplateSummary } from '../templates/summaries';

/** "5 days left", "expires today", "expired 3 days ago". */
export function daysLeft(days: number | undefined): string {
  if (days === undefined) return '';
  if (days < 0) return tn(-days, 'renewal_days_expired_one', 'renewal_days_expired_other');
  if (days === 0) return t('renewal_days_today');
  return tn(days, 'renewal_days_left_one', 'renewal_days_left_other');
}

/** Templates for the same product and organization first: the likely choice for this renewal. */
export function templatesFor(
  order: Pick<RenewalCandidate, 'product' | 'organization'>,
  templates: TemplateSummary[],
): TemplateSummary[] {
  const score = (t: TemplateSummary) =>
    (t.product === order.product.nameId ? 2 : 0) +
    (t.organizationName !== undefined && t.organizationName === order.organization.name ? 1 : 0);
  return [...templates].sort((a, b) => score(b) - score(a));
}
