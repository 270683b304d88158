import { t } from '../../i18n';
import { isWildcard } from '../host-name';
import type { RequestView } from '../request';
import { HTTP_DCV_METHODS } from '../request-parts';
import type { Rule } from './rule';

/** Every name on the certificate with its path; entries the schema refused are left out. */
export function namesWithPaths(req: RequestView): { name: string; path: string }[] {
  const out: { name: string; path: string }[] = [];
  const cn = req.certificate?.common_name;
  if (cn !== undefined) out.push({ name: cn, path: 'certificate.common_name' });
  req.certificate?.dns_names?.forEach((name, i) => {
    if (name !== undefined) out.push({ name, path: `certificate.dns_names[${i}]` });
  });
  return out;
}

/**
 * Wildcards: the http-token DCV methods cannot validate a wildcard name (docs/certcentral-api.md,
 * dcv_method [doc]); EV products allow no wildcards at all (product table, EV Guidelines).
 * The common name may repeat in dns_names (DigiCert's own examples and recorded orders do); that is
 * not a duplicate. Duplicates inside dns_names are refused by the schema.
 */
export const wildcardRule: Rule = (req, ctx, report) => {
  const wildcards = namesWithPaths(req).filter((n) => isWildcard(n.name));
  if (wildcards.length === 0) return;
  const dcv = req.dcv_method;
  if (dcv !== undefined && HTTP_DCV_METHODS.includes(dcv)) {
    const first = wildcards[0];
    report.error(
      'dcv_method',
      'wildcard_with_http_dcv',
      t('common_check_wildcard_http_dcv', [dcv, first?.name ?? '', first?.path ?? '']),
    );
  }
  if (!ctx.product.allowsWildcards) {
    for (const { name, path } of wildcards)
      report.error(
        path,
        'wildcard_not_allowed',
        t('common_check_wildcard_not_allowed', [
          name,
          ctx.product.name,
          ctx.product.validation.toUpperCase(),
        ]),
      );
  }
};
