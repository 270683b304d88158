import { t } from '../../i18n';
import type { Rule } from './rule';

const CARD_PARTS = ['credit_card', 'billing_address'] as const;

/**
 * Card payment: `credit_card` and `billing_address` are "Required if payment_method is card"
 * (DigiCert's order page; docs/certcentral-api.md "card requires credit_card and billing_address"). Card details sent
 * with another payment method are a mistake (the person believes the card pays, or card data is
 * being sent for nothing), so they are refused too.
 */
export const paymentRule: Rule = (req, ctx, report) => {
  const method = req.payment_method;
  const isCard = method === 'card';
  for (const part of CARD_PARTS) {
    if (isCard && !ctx.sent(part)) report.error(part, 'required', t('common_check_card_part_required'));
    if (!isCard && ctx.sent(part)) {
      report.error(
        part,
        'not_for_this_payment',
        method === undefined ? t('common_check_card_part_unset') : t('common_check_card_part_method', method),
      );
    }
  }
  if (!isCard) return;
  report.warn('payment_method', 'card_payment', t('common_check_card_payment'));
  const card = req.credit_card;
  if (card?.expiration_year === undefined || card.expiration_month === undefined) return;
  // A card is valid through the last day of its expiry month.
  const year = ctx.today.getUTCFullYear();
  const month = ctx.today.getUTCMonth() + 1;
  if (card.expiration_year < year)
    report.error('credit_card.expiration_year', 'card_expired', t('common_check_card_expired'));
  else if (card.expiration_year === year && card.expiration_month < month)
    report.error('credit_card.expiration_month', 'card_expired', t('common_check_card_expired'));
};

/**
 * Renewal: "Renewal orders must include either a renewal_of_order_id or renewed_thumbprint" (seed
 * page). Their formats (positive id, 40 hex digits) are checked by the schema.
 */
export const renewalRule: Rule = (_req, ctx, report) => {
  if (!ctx.renewal || ctx.sent('renewal_of_order_id') || ctx.sent('renewed_thumbprint')) return;
  report.error('renewal_of_order_id', 'renewal_reference_missing', t('common_check_renewal_reference'));
};
