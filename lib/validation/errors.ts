/**
 * A failed validation action in words: which action did not happen (the title), what CertCentral
 * said (lib/settings/service.ts toUserError, from the error codes DigiCert documents), and what to do
 * next for the codes the validation calls answer (docs/certcentral-api.md "Validation follow-through").
 */
import { CertCentralError } from '../certcentral/errors';
import { type MessageKey, t } from '../i18n';
import type { UserError } from '../messaging';
import { toUserError } from '../settings/service';

export type ValidationAction = 'read' | 'check' | 'token' | 'method' | 'resend';

const TITLES: Record<ValidationAction, MessageKey> = {
  read: 'validation_error_read',
  check: 'validation_error_check',
  token: 'validation_error_token',
  method: 'validation_error_method',
  resend: 'validation_error_resend',
};

/** What to do next, for the codes the validation calls are documented (or assumed) to answer. */
function advice(action: ValidationAction, error: unknown): MessageKey | undefined {
  if (!(error instanceof CertCentralError)) return undefined;
  // A PUT whose answer was lost may have been done: look before doing it again.
  if (error.outcomeUnknown && action !== 'read') return 'validation_advice_maybe_done';
  const codes = error.errors.map((e) => e.code);
  if (codes.includes('invalid_order_status')) return 'validation_advice_not_pending';
  if (codes.includes('invalid_dcv_method')) {
    return action === 'resend' ? 'validation_advice_not_email' : 'validation_advice_email_method';
  }
  if (codes.includes('invalid_value:dcv_method')) return 'validation_advice_method_refused';
  if (error.status === 404) return 'validation_advice_not_found';
  return undefined;
}

export function validationError(action: ValidationAction, error: unknown): UserError {
  const said = toUserError(error);
  const next = advice(action, error);
  const detail = [said.title, said.detail, next ? t(next) : undefined].filter(Boolean).join(' ');
  return { ...said, title: t(TITLES[action]), ...(detail ? { detail } : {}) };
}
