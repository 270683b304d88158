import { t } from '../../i18n';
import { DEPRECATED_FIELDS } from '../deprecated';
import type { Rule } from './rule';

/** Warnings for choices a person should see before paying; none of them stops the order. */
export const skipApprovalRule: Rule = (req, _ctx, report) => {
  if (req.skip_approval === true)
    report.warn('skip_approval', 'skip_approval', t('common_check_skip_approval'));
};

/** Deprecated fields are still accepted by the API (DigiCert's order page), so they warn instead of failing. */
export const deprecatedFieldsRule: Rule = (_req, ctx, report) => {
  for (const field of DEPRECATED_FIELDS) {
    if (!ctx.sent(...field.path.split('.'))) continue;
    const reason = t(field.reason);
    const text = field.replacement
      ? t('common_check_deprecated_replaced', [reason, field.replacement])
      : t('common_check_deprecated', reason);
    report.warn(field.path, 'deprecated_field', text);
  }
};
