// Just enough DER reading to judge pasted data before @peculiar/x509 is loaded (is it whole? is it a
// CSR, a certificate or a private key?) and to measure keys exactly: x509 rounds an RSA modulus to
// whole bytes, so it would report a 2047-bit key as 2048. No dependencies; safe in the popup's first load.

/** Bytes backed by a plain ArrayBuffer, the BufferSource WebCrypto and x509 accept. */
export type Bytes = Uint8Array<ArrayBuffer>;

export interface Tlv {
  tag: number;
  /** Offset of the first content byte. */
  body: number;
  length: number;
  /** Offset just past the content. May exceed the input when it was cut off. */
  end: number;
}

/** Reads one tag-length header at `at`; undefined when the bytes cannot be DER. */
export function readTlv(bytes: Uint8Array, at: number): Tlv | undefined {
  const tag = bytes[at];
  const first = bytes[at + 1];
  if (tag === undefined || first === undefined) return undefined;
  let length = first;
  let body = at + 2;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count === 0 || count > 4) return undefined; // indefinite or absurd lengths are not DER
    length = 0;
    for (let i = 0; i < count; i++) {
      const b = bytes[body + i];
      if (b === undefined) return undefined;
      length = length * 256 + b;
    }
    body += count;
  }
  return { tag, body, length, end: body + length };
}

/** The elements directly inside a constructed value (stops at the first unreadable one). */
export function children(bytes: Uint8Array, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let at = parent.body; at < Math.min(parent.end, bytes.length); ) {
    const t = readTlv(bytes, at);
    if (!t) break;
    out.push(t);
    at = t.end;
  }
  return out;
}

export function decodeOid(bytes: Uint8Array, t: Tlv): string {
  const v = bytes.subarray(t.body, t.end);
  const parts: number[] = [];
  let n = 0;
  for (const b of v) {
    n = n * 128 + (b & 0x7f);
    if (b & 0x80) continue;
    if (parts.length === 0) parts.push(n < 80 ? Math.floor(n / 40) : 2, n < 80 ? n % 40 : n - 80);
    else parts.push(n);
    n = 0;
  }
  return parts.join('.');
}

/** An unsigned INTEGER's value, ignoring the sign byte DER adds when the top bit is set. */
export function integerValue(bytes: Uint8Array, t: Tlv): bigint {
  let v = 0n;
  for (const b of bytes.subarray(t.body, t.end)) v = (v << 8n) | BigInt(b);
  return v;
}

export function bitLength(v: bigint): number {
  return v > 0n ? v.toString(2).length : 0;
}

export type DerKind = 'csr' | 'certificate' | 'private_key' | 'public_key' | 'unknown';

export interface DerShape {
  kind: DerKind;
  /** Bytes the outer structure declares beyond the end of the input: the data was cut off. */
  missing: number;
  /** Bytes after the outer structure. */
  extra: number;
}

/**
 * Recognises a structure by its first few elements: a CSR is SEQUENCE { SEQUENCE { INTEGER 0, Name, ... } },
 * a certificate's inner SEQUENCE starts with [0] (v3) or a serial; private keys (PKCS#8, PKCS#1, SEC1,
 * PKCS#12) start with a small INTEGER version; a SubjectPublicKeyInfo starts with an AlgorithmIdentifier.
 */
export function classifyDer(der: Uint8Array): DerShape {
  const outer = readTlv(der, 0);
  if (outer?.tag !== 0x30) return { kind: 'unknown', missing: 0, extra: 0 };
  const shape = {
    missing: Math.max(0, outer.end - der.length),
    extra: Math.max(0, der.length - outer.end),
  };
  const first = readTlv(der, outer.body);
  const firstBody = first ? der.subarray(first.body, first.end) : undefined;
  if (first?.tag === 0x02 && first.length === 1 && (firstBody?.[0] ?? 9) <= 3)
    return { kind: 'private_key', ...shape };
  if (first?.tag !== 0x30) return { kind: 'unknown', ...shape };
  const inner = readTlv(der, first.body);
  if (inner?.tag === 0x06) return { kind: 'public_key', ...shape };
  if (inner?.tag === 0xa0) return { kind: 'certificate', ...shape };
  if (inner?.tag === 0x02) {
    const next = readTlv(der, inner.end);
    const isVersionZero = inner.length === 1 && der[inner.body] === 0;
    // CSR: version 0 then the subject Name (a SEQUENCE). v1 certificate: serial then AlgorithmIdentifier.
    if (isVersionZero && next?.tag === 0x30 && readTlv(der, next.body)?.tag !== 0x06)
      return { kind: 'csr', ...shape };
    return { kind: 'certificate', ...shape };
  }
  return { kind: 'unknown', ...shape };
}

export function base64ToBytes(b64: string): Bytes {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** PEM exactly as @peculiar/x509 writes it: 64-character lines, LF, no final newline. */
export function toPem(der: Uint8Array, label: string): string {
  const lines = bytesToBase64(der).match(/.{1,64}/g) ?? [];
  return [`-----BEGIN ${label}-----`, ...lines, `-----END ${label}-----`].join('\n');
}
