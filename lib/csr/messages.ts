// The sentences shown for input that is not a usable CSR, in one place so pem.ts stays readable and the
// wording stays consistent between pasted text and dropped files.
import { t, tn } from '../i18n';
import type { CsrError, CsrErrorCode } from './types';

export function fail(code: CsrErrorCode, message: string): CsrError {
  return { ok: false, code, message };
}

// Getters: each sentence is read from the catalogue when it is needed, in the language of the moment.
export const MESSAGES = {
  get empty() {
    return t('popup_csr_empty');
  },
  get tooLarge() {
    return t('popup_csr_too_large');
  },
  get privateKey() {
    return t('popup_csr_private_key');
  },
  get certificate() {
    return t('popup_csr_certificate');
  },
  get publicKey() {
    return t('popup_csr_public_key');
  },
  otherPem: (label: string) => t('popup_csr_other_pem', label),
  get noCsr() {
    return t('popup_csr_none_found');
  },
  multiple: (n: number) => t('popup_csr_multiple', String(n)),
  get noEnd() {
    return t('popup_csr_no_end');
  },
  truncated: (missing: number) => tn(missing, 'popup_csr_truncated_one', 'popup_csr_truncated_other'),
  get cut() {
    return t('popup_csr_cut');
  },
  trailing: (extra: number) => tn(extra, 'popup_csr_trailing_one', 'popup_csr_trailing_other'),
  badBase64: (ch: string) => t('popup_csr_bad_base64', JSON.stringify(ch)),
  get binary() {
    return t('popup_csr_binary');
  },
  get notCsr() {
    return t('popup_csr_not_csr');
  },
  get notCsrFile() {
    return t('popup_csr_not_csr_file');
  },
  get loadFailed() {
    return t('popup_csr_load_failed');
  },
};
