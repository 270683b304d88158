// The sentences shown for input that is not a usable CSR, in one place so pem.ts stays readable and the
// wording stays consistent between pasted text and dropped files.
import type { CsrError, CsrErrorCode } from './types';

export function fail(code: CsrErrorCode, message: string): CsrError {
  return { ok: false, code, message };
}

const CSR_HINT = 'the block that starts with -----BEGIN CERTIFICATE REQUEST-----';

export const MESSAGES = {
  empty: `Nothing to read. Paste the certificate signing request (CSR), ${CSR_HINT}, or drop the .csr file.`,
  tooLarge:
    'This is far larger than any certificate signing request (a CSR is a few kilobytes); check that you chose the right file.',
  privateKey:
    'This is a private key, not a certificate signing request. A private key must never be pasted here or sent to anyone, DigiCert included: it stays on your server. It was not kept or sent. ' +
    `Paste only the CSR, ${CSR_HINT}. If the key was pasted or shared anywhere else, treat it as exposed and make a new key and CSR.`,
  certificate:
    'This is a certificate, not a certificate signing request (CSR). A certificate is what the CA issues; the CSR is what you create along with your private key to ask for one. ' +
    `Paste the CSR, ${CSR_HINT}; to renew, make a new CSR on your server.`,
  publicKey: `This is a public key, not a certificate signing request. Paste the CSR, ${CSR_HINT}.`,
  otherPem: (label: string) =>
    `This is a "${label}" block, not a certificate signing request. Paste the CSR, ${CSR_HINT}.`,
  noCsr: `No certificate signing request found. Paste the whole CSR, from the -----BEGIN CERTIFICATE REQUEST----- line to the -----END CERTIFICATE REQUEST----- line.`,
  multiple: (n: number) =>
    `This contains ${n} certificate signing requests; paste only the one for this order.`,
  noEnd:
    'The CSR is cut off: the -----END CERTIFICATE REQUEST----- line is missing. Copy the whole CSR again, from the BEGIN line to the END line.',
  truncated: (missing: number) =>
    `The CSR is incomplete: ${missing} byte${missing === 1 ? ' is' : 's are'} missing from its end, so it was probably cut off while copying. Copy the whole CSR again, from the BEGIN line to the END line.`,
  cut: 'The CSR is incomplete: its text stops in the middle. Copy the whole CSR again, from the BEGIN line to the END line.',
  trailing: (extra: number) =>
    `The CSR has ${extra} unexpected byte${extra === 1 ? '' : 's'} after its end; it may be two files run together. Copy just the CSR again.`,
  badBase64: (ch: string) =>
    `The CSR contains ${JSON.stringify(ch)}, which cannot appear inside a CSR; it was probably changed while copying (by a word processor or an email). Copy it again as plain text.`,
  binary:
    'This is binary data, not text: probably a DER-encoded CSR opened as text. Drop the file itself instead of pasting it, or convert it with: openssl req -inform DER -in request.der -out request.csr',
  notCsr:
    'This could not be read as a certificate signing request (CSR). Check that it is the CSR your server or tool produced; if it is, make a new one.',
  notCsrFile:
    'This file is neither a PEM nor a DER certificate signing request (CSR). Choose the .csr file your server or tool produced.',
  loadFailed:
    'The CSR reader could not be loaded. Reopen the popup and try again; if it keeps failing, reinstall the extension.',
} as const;
