// Cheap checks on pasted or dropped CSR input, run before the large x509 library is loaded, so the
// usual mistakes (wrong block, private key, cut-off copy, binary file) get a clear answer at once.
// No dependencies beyond der.ts: this module may be imported by the popup's first load.
import { type Bytes, base64ToBytes, classifyDer, toPem } from './der';
import { fail, MESSAGES } from './messages';
import type { CsrError } from './types';

/** A CSR block found in the input, ready for parsing. */
export interface CsrBlock {
  ok: true;
  /** Standard header, 64-character lines, LF, no final newline. */
  pem: string;
  der: Bytes;
}

/** A CSR is a few KB; anything far bigger is the wrong file, and refusing early keeps parsing cheap. */
export const MAX_INPUT_BYTES = 64 * 1024;

const PRIVATE_KEY = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----|PuTTY-User-Key-File-\d/;
const BEGIN = /-----BEGIN ([A-Z0-9 ]+)-----/g;
const CSR_BLOCK =
  /-----BEGIN (?:NEW )?CERTIFICATE REQUEST-----([\s\S]*?)(-----END (?:NEW )?CERTIFICATE REQUEST-----|$)/;
// Control characters other than tab and newline, or U+FFFD from decoding binary as UTF-8.
// biome-ignore lint/suspicious/noControlCharactersInRegex: detecting binary data is the point
const BINARY = /[\u0000-\u0008\u000b-\u000c\u000e-\u001f\ufffd]/;

/**
 * A BEGIN or END line whose dashes a word processor turned into hyphens, en or em dashes or minus
 * signs. Every pattern here must run in linear time on any input (the text is pasted, so it is
 * anyone's). Hence the lookbehind: a match may start only where a run of dashes starts. Without it
 * each dash of a long run starts an attempt that scans the rest of the run: quadratic, seconds for
 * 60,000 dashes.
 */
const ARMOUR_LINE =
  /(?<![-\u2010-\u2015\u2212])[-\u2010-\u2015\u2212]{3,}(BEGIN|END)([A-Z0-9 ]+)[-\u2010-\u2015\u2212]{3,}/g;
const LEADING = '"\'`';
const TRAILING = '"\'`,;';

/**
 * Undoes what copying does to PEM: a byte-order mark, CRLF or CR line ends, surrounding whitespace and
 * quotes, "\n" escapes from JSON or logs, and dashes turned into en or em dashes by word processors.
 */
export function normaliseText(text: string): string {
  // Zero-width characters come along from web pages and chat messages and are invisible in an error.
  let t = text.replace(/^\uFEFF/, '').replace(/[\u200b-\u200d\u2060]/g, '');
  if (t.includes('BEGIN') && t.includes('\\n')) t = t.replace(/\\r/g, '').replace(/\\n/g, '\n');
  t = t.replace(/\r\n?/g, '\n');
  t = t.replace(ARMOUR_LINE, '-----$1$2-----').trim();
  // Quotes before, quotes or separators after (JSON, code, a list): counted off with a loop, because
  // a regex like /[,;]+$/ retries from every comma of a long run that is not at the end.
  let start = 0;
  let end = t.length;
  while (start < end && LEADING.includes(t.charAt(start))) start++;
  while (end > start && TRAILING.includes(t.charAt(end - 1))) end--;
  return t.slice(start, end).trim();
}

/** Finds the one CSR in pasted text, or says in words why there is none. */
export function findCsrPem(text: string): CsrBlock | CsrError {
  // Size first: nothing, not even the clean-up, should spend time on a text far bigger than a CSR.
  // Characters, not bytes: a pasted CSR is ASCII, where the two are the same.
  if (text.length > MAX_INPUT_BYTES) return fail('too_large', MESSAGES.tooLarge);
  const t = normaliseText(text);
  if (t === '') return fail('empty', MESSAGES.empty);
  // Before anything else: a pasted key is refused whole, even next to a CSR, so that nothing keeps it.
  if (PRIVATE_KEY.test(t)) return fail('private_key', MESSAGES.privateKey);
  if (BINARY.test(t)) return fail('binary', MESSAGES.binary);
  const labels = [...t.matchAll(BEGIN)].map((m) => m[1] ?? '');
  const csrCount = labels.filter((l) => /^(NEW )?CERTIFICATE REQUEST$/.test(l)).length;
  if (csrCount > 1) return fail('multiple', MESSAGES.multiple(csrCount));
  if (csrCount === 0) {
    const label = labels[0];
    if (label === undefined) return bareBase64(t);
    if (/CERTIFICATE$/.test(label)) return fail('certificate', MESSAGES.certificate);
    if (/PUBLIC KEY$/.test(label)) return fail('public_key', MESSAGES.publicKey);
    return fail('other_pem', MESSAGES.otherPem(label));
  }
  const m = CSR_BLOCK.exec(t);
  if (!m?.[2]) return fail('truncated', MESSAGES.noEnd);
  return fromBase64(m[1] ?? '');
}

/** Reads a dropped file: PEM text (UTF-8 or UTF-16 as Windows Notepad saves it) or DER. */
export function readCsrBytes(bytes: Uint8Array): CsrBlock | CsrError {
  if (bytes.length === 0) return fail('empty', MESSAGES.empty);
  if (bytes.length > MAX_INPUT_BYTES) return fail('too_large', MESSAGES.tooLarge);
  if (bytes[0] === 0x30) return fromDer(new Uint8Array(bytes), true);
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe;
  const text = new TextDecoder(utf16 ? 'utf-16le' : 'utf-8').decode(bytes);
  const found = findCsrPem(text);
  return !found.ok && found.code === 'binary' ? fail('not_csr', MESSAGES.notCsrFile) : found;
}

/** Only the base64 body was pasted (no BEGIN/END lines): accept it if it decodes to a CSR. */
function bareBase64(t: string): CsrBlock | CsrError {
  const body = t.replace(/\s+/g, '');
  if (body.length < 100 || !/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return fail('no_csr', MESSAGES.noCsr);
  return fromBase64(body);
}

function fromBase64(text: string): CsrBlock | CsrError {
  const body = text.replace(/\s+/g, '');
  const bad = /[^A-Za-z0-9+/=]/.exec(body)?.[0] ?? (/=[^=]/.test(body) ? '=' : undefined);
  if (bad !== undefined) return fail('bad_base64', MESSAGES.badBase64(bad));
  // The lookbehind keeps this linear on its own (see ARMOUR_LINE), not only after the test above.
  const unpadded = body.replace(/(?<!=)=+$/, '');
  if (unpadded.length === 0 || unpadded.length % 4 === 1) return fail('truncated', MESSAGES.cut);
  const padded = unpadded + '='.repeat((4 - (unpadded.length % 4)) % 4);
  return fromDer(base64ToBytes(padded), false);
}

function fromDer(der: Bytes, fromFile: boolean): CsrBlock | CsrError {
  const shape = classifyDer(der);
  if (shape.kind === 'private_key') return fail('private_key', MESSAGES.privateKey);
  if (shape.kind === 'certificate') return fail('certificate', MESSAGES.certificate);
  if (shape.kind === 'public_key') return fail('public_key', MESSAGES.publicKey);
  if (shape.kind === 'unknown') return fail('not_csr', fromFile ? MESSAGES.notCsrFile : MESSAGES.notCsr);
  if (shape.missing > 0) return fail('truncated', MESSAGES.truncated(shape.missing));
  if (shape.extra > 0) return fail('trailing_data', MESSAGES.trailing(shape.extra));
  return { ok: true, pem: toPem(der, 'CERTIFICATE REQUEST'), der };
}
