/** How a renewal candidate is shown and which templates are offered first (pure, for popup and options). */
import type { RenewalCandidate } from '../messaging';
import type { TemplateSummary } from '../templates/summaries';

/** "5 days left", "expires today", "expired 3 days ago". */
export function daysLeft(days: number | undefined): string {
  if (days === undefined) return '';
  if (days < 0) return `expired ${-days} day${days === -1 ? '' : 's'} ago`;
  if (days === 0) return 'expires today';
  return `${days} day${days === 1 ? '' : 's'} left`;
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
