/**
 * Who DigiCert writes to for a domain under the email DCV method: `GET /domain/{domain_id}/dcv/emails`
 * (DigiCert "Domain emails", dev.digicert.com/en/certcentral-apis/services-api/domains/domain-emails.html).
 * `consider_dcv_email_preferences=true` keeps only the addresses the account's settings let DigiCert
 * send to ("Send Verification DCV Emails to"), which is who actually receives them. The answer:
 * `name_scope`, `base_emails` (constructed: admin@, webmaster@, …), `whois_emails` and
 * `dns_txt_emails` (the `_validation-contactemail` TXT record); each list may be left out, and the
 * documented example itself leaves `whois_emails` out.
 */
import { z } from 'zod/mini';
import { lazySchema } from '../lazy-schema';
import { opt, StringListSchema } from './schemas';
import type { Transport } from './transport';
import { segment } from './transport-util';

export const DcvEmailsSchema = lazySchema(() =>
  z.looseObject({
    name_scope: opt(z.string()),
    base_emails: StringListSchema,
    whois_emails: StringListSchema,
    dns_txt_emails: StringListSchema,
  }),
);
export type DcvEmailsAnswer = z.infer<typeof DcvEmailsSchema>;

/** Where DigiCert found an address, in the order its page lists them. */
export type DcvEmailSource = 'dns-txt' | 'constructed' | 'whois';

export interface DcvEmailAddress {
  address: string;
  source: DcvEmailSource;
}

export interface DcvEmails {
  /** The domain the addresses are for (a subdomain may be validated at a higher level). */
  nameScope?: string;
  addresses: DcvEmailAddress[];
}

/** Pure: the answer as one list, each address once (the first source that names it), blanks dropped. */
export function dcvEmailsOf(answer: DcvEmailsAnswer): DcvEmails {
  const seen = new Set<string>();
  const addresses: DcvEmailAddress[] = [];
  const add = (list: readonly string[] | undefined, source: DcvEmailSource) => {
    for (const raw of list ?? []) {
      const address = raw.trim();
      const key = address.toLowerCase();
      if (!address || seen.has(key)) continue;
      seen.add(key);
      addresses.push({ address, source });
    }
  };
  add(answer.dns_txt_emails, 'dns-txt');
  add(answer.base_emails, 'constructed');
  add(answer.whois_emails, 'whois');
  return { ...(answer.name_scope ? { nameScope: answer.name_scope } : {}), addresses };
}

/**
 * The addresses for one domain, by its id (the validation answer's `domain_id`) or, as the page
 * allows, by its name when the id is not known.
 */
export async function readDcvEmails(t: Transport, domain: number | string): Promise<DcvEmails> {
  const answer = await t.get(`/domain/${segment(domain)}/dcv/emails`, DcvEmailsSchema, {
    consider_dcv_email_preferences: 'true',
  });
  return dcvEmailsOf(answer);
}
