import { t } from '../../i18n';
import type { Rule } from './rule';

/**
 * Limits that differ by product, read from the product table (never from the product's name):
 * the hashes it signs with (GET /product/{name_id} → signature_hash_types.allowed_hash_types, which
 * may be fewer than the API's three) and the longest Multi-year Plan it is sold with.
 */
export const productLimitsRule: Rule = (req, ctx, report) => {
  const { product } = ctx;
  const hash = req.certificate?.signature_hash;
  if (hash !== undefined && !product.signatureHashes.includes(hash))
    report.error(
      'certificate.signature_hash',
      'not_allowed',
      t('common_check_hash_not_offered', [hash, product.name, product.signatureHashes.join(', ')]),
    );
  const years = req.order_validity?.years;
  if (years !== undefined && years > product.maxOrderYears)
    report.error(
      'order_validity.years',
      'too_big',
      t('common_check_years_too_many', [String(product.maxOrderYears), product.name, String(years)]),
    );
};
