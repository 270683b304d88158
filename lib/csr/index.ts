// CSR handling for the order form. Importing this module is cheap (about 5 KB gzip: the checks in
// pem.ts, the comparison and the key menu). parseCsr and generateKeyAndCsr load the rest on first use,
// in two lazy chunks: parse.ts/generate.ts with their helpers, then @peculiar/x509 (about 52 KB gzip).
// Call findCsrPem first for instant feedback on pasted text; parseCsr repeats it anyway.
import type { GeneratedKeyAndCsr, GenerateRequest } from './generate';
import { fail, MESSAGES } from './messages';
import type { CsrError, CsrFacts } from './types';

export {
  compareCsrWithOrder,
  type NameComparison,
  type NameDifference,
  namesComeFromOrder,
  namesFromCsr,
} from './compare';
export type { GeneratedKeyAndCsr, GenerateRequest } from './generate';
export { KEY_CHOICES, type KeyChoice, type KeySpec, suggestedFileNames } from './key-choices';
export { type CsrBlock, findCsrPem, MAX_INPUT_BYTES, normaliseText, readCsrBytes } from './pem';
export type * from './types';

/** See parse.ts. Pasted text, or the bytes of a dropped file (PEM or DER). Never throws. */
export async function parseCsr(input: string | Uint8Array | ArrayBuffer): Promise<CsrFacts | CsrError> {
  let parse: typeof import('./parse');
  try {
    parse = await import('./parse');
  } catch {
    return fail('load_failed', MESSAGES.loadFailed);
  }
  return parse.parseCsr(input);
}

/** See generate.ts. Throws an Error whose message is a sentence for the user. */
export async function generateKeyAndCsr(request: GenerateRequest): Promise<GeneratedKeyAndCsr> {
  let generate: typeof import('./generate');
  try {
    generate = await import('./generate');
  } catch {
    throw new Error(MESSAGES.loadFailed);
  }
  return generate.generateKeyAndCsr(request);
}
