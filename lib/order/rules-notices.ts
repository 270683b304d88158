import { DEPRECATED_FIELDS } from './deprecated';
import type { Rule } from './rule';

/** Warnings for choices a person should see before paying; none of them stops the order. */
export const skipApprovalRule: Rule = (req, _ctx, report) => {
  if (req.skip_approval === true)
    report.warn(
      'skip_approval',
      'skip_approval',
      'is true: the order skips the approval step and goes straight to validation and issuance; make sure no one needs to approve it.',
    );
};

/** Deprecated fields are still accepted by the API (DigiCert's order page), so they warn instead of failing. */
export const deprecatedFieldsRule: Rule = (_req, ctx, report) => {
  for (const field of DEPRECATED_FIELDS) {
    if (!ctx.sent(...field.path.split('.'))) continue;
    const fix = field.replacement ? `use ${field.replacement} instead` : 'remove it';
    report.warn(field.path, 'deprecated_field', `is deprecated: ${field.reason}; ${fix}.`);
  }
};
