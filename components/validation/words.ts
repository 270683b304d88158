// The validation panel's words and choices: pure, from the stored state and an action's outcome.
import { type MessageKey, t } from '@/lib/i18n';
import { formatDateTime } from '@/lib/i18n/format';
import { dcvMethodKind, KNOWN_DCV_METHODS, type KnownDcvMethod } from '@/lib/validation/methods';
import type { SnapshotToken, ValidationOutcome } from '@/lib/validation/schemas';

const METHOD_WORDS: Record<KnownDcvMethod, MessageKey> = {
  email: 'validation_method_email',
  'dns-txt-token': 'validation_method_dns_txt',
  'dns-cname-token': 'validation_method_dns_cname',
  'http-token': 'validation_method_http',
  'http-token-dynamic': 'validation_method_http_dynamic',
};
/** A method in the user's words; a method the extension does not know, as DigiCert names it. */
export const methodWords = (method: string) => {
  const kind = dcvMethodKind(method);
  return kind === 'unknown' ? method : t(METHOD_WORDS[kind]);
};

/**
 * Methods the order may change to: every known method but the current one; the http methods only
 * when no name is a wildcard (DigiCert "DCV methods": they cannot validate wildcard names), and not
 * http-token-dynamic, whose file name DigiCert gives elsewhere (no instructions can be shown for it).
 */
export function methodChoices(current: string | undefined, names: readonly string[]): KnownDcvMethod[] {
  const wildcard = names.some((n) => n.startsWith('*.'));
  return KNOWN_DCV_METHODS.filter(
    (m) => m !== current && m !== 'http-token-dynamic' && !(wildcard && m.startsWith('http-')),
  );
}

/** Whether the value to publish is past its expiry; a date that cannot be read is not. */
export const expired = (token: SnapshotToken, now: Date) => {
  const at = Date.parse(token.expiresAt ?? '');
  return Number.isFinite(at) && at <= now.getTime();
};

/** The result of an action in words: only what CertCentral answered. */
export function outcomeWords(outcome: ValidationOutcome): string | undefined {
  switch (outcome.kind) {
    case 'read':
      return undefined;
    case 'checked': {
      const parts: string[] = [];
      if (outcome.validated.length > 0)
        parts.push(t('validation_result_validated', outcome.validated.join(', ')));
      if (outcome.pending.length > 0) parts.push(t('validation_result_pending', outcome.pending.join(', ')));
      return parts.length > 0 ? parts.join(' ') : t('validation_result_checked');
    }
    case 'value-not-found':
      return t('validation_result_not_found', outcome.message);
    case 'token':
      if (!outcome.changed) {
        return outcome.token.expiresAt
          ? t('validation_result_same_token', formatDateTime(outcome.token.expiresAt))
          : t('validation_result_same_token_no_date');
      }
      return outcome.token.expiresAt
        ? t('validation_result_new_token', formatDateTime(outcome.token.expiresAt))
        : t('validation_result_new_token_no_date');
    case 'method-changed':
      return t('validation_result_method', methodWords(outcome.method));
    case 'emails-resent':
      return t('validation_result_resent');
  }
}
