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
      `"${hash}" is not offered for ${product.name}; use one of ${product.signatureHashes.join(', ')}.`,
    );
  const years = req.order_validity?.years;
  if (years !== undefined && years > product.maxOrderYears)
    report.error(
      'order_validity.years',
      'too_big',
      `must be at most ${product.maxOrderYears} for ${product.name} (got ${years}).`,
    );
};
