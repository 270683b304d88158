// GET /domain/{domain_id}/dcv/emails (DigiCert "Domain emails"): who DigiCert writes to under the email
// DCV method. The page also accepts the FQDN in place of the id. The sandbox has no WHOIS and no
// `_validation-contactemail` TXT records, so it answers the constructed addresses only and leaves the
// other two lists out, as the page's own example leaves `whois_emails` out.

import type { DcvDomain } from './dcv-state';
import { apiError, json, type Reply } from './http-util';
import type { SandboxState } from './state';

/** The constructed addresses DigiCert lists for a domain ("Domain emails" example). */
const CONSTRUCTED = ['admin', 'administrator', 'webmaster', 'hostmaster', 'postmaster'];

function findDomain(state: SandboxState, idOrName: string): DcvDomain | undefined {
  const byId = /^\d+$/.test(idOrName) ? Number(idOrName) : undefined;
  for (const order of state.orders) {
    const found = order.dcv?.domains.find((d) =>
      byId !== undefined ? d.id === byId : d.name === idOrName || d.dns_names.includes(idOrName),
    );
    if (found) return found;
  }
  return undefined;
}

export function domainEmails(method: string, path: string, state: SandboxState): Reply | undefined {
  const m = /^\/domain\/([^/]+)\/dcv\/emails$/.exec(path);
  if (!m || method !== 'GET') return undefined;
  const domain = findDomain(state, decodeURIComponent(m[1] ?? ''));
  if (!domain) return apiError(404, 'not_found|domain', 'Domain not found.');
  const scope = domain.name.replace(/^\*\./, '');
  return json(200, { name_scope: scope, base_emails: CONSTRUCTED.map((box) => `${box}@${scope}`) });
}
