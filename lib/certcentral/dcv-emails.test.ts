import { describe, expect, it } from 'vitest';
import { dcvEmailsOf, readDcvEmails } from './dcv-emails';
import { json } from './testing/fake-fetch';
import { setup } from './testing/transport-harness';

describe('readDcvEmails', () => {
  it('asks for the addresses the account lets DigiCert write to, and lists each once by source', async () => {
    // DigiCert's documented example answer ("Domain emails"), with one address named twice.
    const { t, fetch } = setup([
      json(200, {
        name_scope: 'sub.digicert.com',
        base_emails: ['admin@sub.digicert.com', 'webmaster@sub.digicert.com'],
        whois_emails: ['someguy@digicert.com', 'ADMIN@sub.digicert.com'],
        dns_txt_emails: ['alice@digicert.com'],
      }),
    ]);
    const emails = await readDcvEmails(t, 4815);
    expect(fetch.calls[0]?.url).toMatch(
      /\/services\/v2\/domain\/4815\/dcv\/emails\?consider_dcv_email_preferences=true$/,
    );
    expect(emails).toEqual({
      nameScope: 'sub.digicert.com',
      addresses: [
        { address: 'alice@digicert.com', source: 'dns-txt' },
        { address: 'admin@sub.digicert.com', source: 'constructed' },
        { address: 'webmaster@sub.digicert.com', source: 'constructed' },
        { address: 'someguy@digicert.com', source: 'whois' },
      ],
    });
  });

  it('reads an answer with lists left out, null, or holding things that are not addresses', () => {
    expect(
      dcvEmailsOf({ base_emails: undefined, whois_emails: undefined, dns_txt_emails: undefined }),
    ).toEqual({
      addresses: [],
    });
    const { t } = setup([
      json(200, { name_scope: null, base_emails: null, dns_txt_emails: [7, ' ', 'x@y.example'] }),
    ]);
    return expect(readDcvEmails(t, 'y.example')).resolves.toEqual({
      addresses: [{ address: 'x@y.example', source: 'dns-txt' }],
    });
  });
});
