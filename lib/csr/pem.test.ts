import { beforeAll, describe, expect, it } from 'vitest';
import { base64ToBytes, bitLength, classifyDer, decodeOid, readTlv } from './der';
import { findCsrPem, normaliseText, readCsrBytes } from './pem';
import { makeCsr } from './testing/make-csr';
import { certificate, publicKey } from './testing/openssl-csrs';
import type { CsrError } from './types';

let pem: string;
let der: Uint8Array;
const bodyOf = (p: string) => p.split('\n').slice(1, -1).join('');

beforeAll(async () => {
  pem = await makeCsr({ key: 'P-256', dns: ['www.example.com'] });
  der = base64ToBytes(bodyOf(pem));
});

function errorOf(result: ReturnType<typeof findCsrPem>): CsrError {
  if (result.ok) throw new Error('expected an error');
  return result;
}

describe('findCsrPem: what copying does to a CSR is undone', () => {
  it.each([
    ['CRLF line ends', () => pem.replace(/\n/g, '\r\n')],
    ['surrounding whitespace', () => `\n\n   ${pem}  \n\t`],
    ['surrounding quotes, as in JSON', () => `"${pem}",`],
    ['literal \\n escapes from JSON or a log', () => pem.replace(/\n/g, '\\n')],
    ['indented lines', () => pem.replace(/\n/g, '\n    ')],
    [
      'the NEW CERTIFICATE REQUEST header',
      () => pem.replace(/CERTIFICATE REQUEST/g, 'NEW CERTIFICATE REQUEST'),
    ],
    ['dashes turned into en dashes', () => pem.replace(/-----/g, '\u2013\u2013\u2013\u2013\u2013')],
    ['text around the block', () => `Here is my CSR:\n${pem}\nThanks!`],
    ['a byte-order mark and zero-width spaces', () => `\uFEFF${pem.replace('\n', '\u200b\n')}`],
    ['only the base64 body', () => bodyOf(pem)],
  ])('%s', (_, make) => {
    const found = findCsrPem(make());
    expect(found.ok).toBe(true);
    if (found.ok) expect(found.pem).toBe(pem); // always the standard form
  });

  it('normaliseText trims and converts line ends', () => {
    expect(normaliseText('  a\r\nb\rc  ')).toBe('a\nb\nc');
  });
});

describe('findCsrPem: the usual mistakes, in words', () => {
  it('empty input', () => {
    expect(errorOf(findCsrPem('  \n ')).code).toBe('empty');
  });

  it.each([
    '-----BEGIN PRIVATE KEY-----\nMIIEvQ==\n-----END PRIVATE KEY-----',
    '-----BEGIN RSA PRIVATE KEY-----\nMIIEvQ==\n-----END RSA PRIVATE KEY-----',
    '-----BEGIN EC PRIVATE KEY-----\nMHc=\n-----END EC PRIVATE KEY-----',
    '-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIF=\n-----END ENCRYPTED PRIVATE KEY-----',
    '-----BEGIN OPENSSH PRIVATE KEY-----\nb3Bl\n-----END OPENSSH PRIVATE KEY-----',
  ])('a private key is refused, and the message says it must never be pasted and was not kept: %s', (key) => {
    const e = errorOf(findCsrPem(key));
    expect(e.code).toBe('private_key');
    expect(e.message).toMatch(/never be pasted/);
    expect(e.message).toMatch(/not kept/);
  });

  it('a private key next to a valid CSR is still refused whole', () => {
    const key = '-----BEGIN PRIVATE KEY-----\nMIIEvQ==\n-----END PRIVATE KEY-----';
    expect(errorOf(findCsrPem(`${pem}\n${key}`)).code).toBe('private_key');
  });

  it('a certificate', () => {
    const e = errorOf(findCsrPem(certificate));
    expect(e.code).toBe('certificate');
    expect(e.message).toMatch(/certificate, not a certificate signing request/);
  });

  it('a certificate relabelled as a request is still recognised', () => {
    const relabelled = certificate.replace(/CERTIFICATE-----/g, 'CERTIFICATE REQUEST-----');
    expect(errorOf(findCsrPem(relabelled)).code).toBe('certificate');
  });

  it('a public key, a PKCS#7 bundle, plain text', () => {
    expect(errorOf(findCsrPem(publicKey)).code).toBe('public_key');
    const p7 = errorOf(findCsrPem('-----BEGIN PKCS7-----\nMIIB\n-----END PKCS7-----'));
    expect([p7.code, p7.message]).toEqual(['other_pem', expect.stringContaining('"PKCS7"')]);
    expect(errorOf(findCsrPem('www.example.com')).code).toBe('no_csr');
  });

  it('two CSRs', () => {
    expect(errorOf(findCsrPem(`${pem}\n${pem}`)).message).toMatch(/2 certificate signing requests/);
  });

  it('the END line missing', () => {
    const e = errorOf(findCsrPem(pem.split('\n').slice(0, -1).join('\n')));
    expect([e.code, e.message]).toEqual([
      'truncated',
      expect.stringMatching(/END CERTIFICATE REQUEST----- line is missing/),
    ]);
  });

  it('lines missing from the end of the body: says how many bytes are missing', () => {
    const lines = pem.split('\n');
    const cut = [...lines.slice(0, 2), ...lines.slice(-1)].join('\n'); // BEGIN, first body line, END
    const e = errorOf(findCsrPem(cut));
    expect(e.code).toBe('truncated');
    expect(e.message).toMatch(/\d+ bytes are missing/);
  });

  it('a body cut mid-character', () => {
    const lines = pem.split('\n');
    const cut = [lines[0], `${lines[1]}A`, lines.at(-1)].join('\n'); // 65 characters: 4n+1
    expect(errorOf(findCsrPem(cut)).code).toBe('truncated');
  });

  it('a character that cannot be in base64 is named', () => {
    const e = errorOf(findCsrPem(pem.replace(/\n(.)/, '\n\u00e9')));
    expect([e.code, e.message]).toEqual(['bad_base64', expect.stringContaining('"é"')]);
  });

  it('binary data pasted as text', () => {
    const e = errorOf(findCsrPem(String.fromCharCode(0x30, 0x82, 0x01, 0x02, 0x00, 0x01)));
    expect([e.code, e.message]).toEqual(['binary', expect.stringContaining('openssl req -inform DER')]);
  });

  it('far too large', () => {
    expect(errorOf(findCsrPem(pem + 'x'.repeat(70_000))).code).toBe('too_large');
  });
});

describe('readCsrBytes: dropped files', () => {
  it('a DER file is read as a CSR and returned as PEM', () => {
    const found = readCsrBytes(der);
    expect(found.ok && found.pem).toBe(pem);
  });

  it('a PEM file, in UTF-8 with CRLF or in UTF-16 as Notepad saves it', () => {
    const utf8 = new TextEncoder().encode(pem.replace(/\n/g, '\r\n'));
    expect(readCsrBytes(utf8).ok).toBe(true);
    const utf16 = new Uint8Array(2 + pem.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < pem.length; i++) utf16[2 + i * 2] = pem.charCodeAt(i);
    expect(readCsrBytes(utf16).ok).toBe(true);
  });

  it('a DER file cut short, or with bytes after it', () => {
    expect(errorOf(readCsrBytes(der.subarray(0, der.length - 10))).message).toMatch(/10 bytes are missing/);
    expect(errorOf(readCsrBytes(new Uint8Array([...der, 0, 0]))).code).toBe('trailing_data');
  });

  it('DER private keys (PKCS#8, PKCS#1, SEC1, PKCS#12) are refused as private keys', async () => {
    const keys = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
      'sign',
    ])) as CryptoKeyPair;
    const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', keys.privateKey));
    expect(errorOf(readCsrBytes(pkcs8)).code).toBe('private_key');
    for (const version of [0, 1, 3]) // PKCS#1, SEC1 and PKCS#12 start with these version numbers
      expect(errorOf(readCsrBytes(new Uint8Array([0x30, 0x05, 0x02, 0x01, version, 0x30, 0x00]))).code).toBe(
        'private_key',
      );
  });

  it('other binary files and empty files', () => {
    expect(errorOf(readCsrBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))).code).toBe('not_csr');
    expect(errorOf(readCsrBytes(new Uint8Array([0x30, 0x03, 0x06, 0x01, 0x00]))).code).toBe('not_csr');
    expect(errorOf(readCsrBytes(new Uint8Array())).code).toBe('empty');
  });
});

describe('der helpers', () => {
  it('classifies and measures', () => {
    expect(classifyDer(der)).toEqual({ kind: 'csr', missing: 0, extra: 0 });
    expect(
      decodeOid(new Uint8Array([6, 8, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07]), {
        tag: 6,
        body: 2,
        length: 8,
        end: 10,
      }),
    ).toBe('1.2.840.10045.3.1.7');
    expect(bitLength(2n ** 2046n)).toBe(2047);
    expect(readTlv(new Uint8Array([0x30, 0x82, 0x01, 0x00]), 0)).toEqual({
      tag: 0x30,
      body: 4,
      length: 256,
      end: 260,
    });
    expect(readTlv(new Uint8Array([0x30, 0x80]), 0)).toBeUndefined(); // indefinite length is not DER
  });
});
