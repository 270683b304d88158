/**
 * Reading a Chromium profile the way an attacker with a copy of it would: every file under the
 * user-data-dir, as raw bytes, searched for a secret in the encodings a string is commonly stored in.
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Worker } from 'playwright-core';

/** How a string can sit in a file: as is, as UTF-16 (V8's two-byte strings), base64 at any offset, hex. */
export function encodings(secret: string): Record<string, Buffer> {
  const utf8 = Buffer.from(secret, 'utf8');
  const found: Record<string, Buffer> = {
    utf8,
    utf16le: Buffer.from(secret, 'utf16le'),
    hex: Buffer.from(utf8.toString('hex')),
  };
  for (const shift of [0, 1, 2]) {
    // Base64 of the secret preceded by `shift` other bytes: only the groups made of the secret's
    // own bytes are the same wherever it sits, so the first (mixed) and last (padded) groups go.
    const text = Buffer.concat([Buffer.alloc(shift), utf8]).toString('base64');
    found[`base64+${shift}`] = Buffer.from(text.slice(shift === 0 ? 0 : 4, -4));
  }
  return found;
}

export type Scan = { files: number; bytes: number; hits: string[] };

/** Every file under `dir`, searched for `secret` in all its encodings, or for the given bytes. */
export function scanProfile(dir: string, secret: string | Record<string, Buffer>): Scan {
  const needles = Object.entries(typeof secret === 'string' ? encodings(secret) : secret);
  const scan: Scan = { files: 0, bytes: 0, hits: [] };
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      const stat = lstatSync(path);
      if (stat.isDirectory()) walk(path);
      if (!stat.isFile()) continue;
      const content = readFileSync(path);
      scan.files += 1;
      scan.bytes += content.length;
      for (const [encoding, needle] of needles)
        if (content.includes(needle)) scan.hits.push(`${relative(dir, path)} (${encoding})`);
    }
  };
  walk(dir);
  return scan;
}

export const report = (when: string, what: string, scan: Scan) =>
  console.log(
    `${when}: ${what}: ${scan.files} files, ${scan.bytes} bytes, ${scan.hits.length} hits`,
    scan.hits,
  );

/**
 * The stored key record's own bytes (its ciphertext and id), read in the background as stored.
 * Found in the profile, they show the scan sees the key's file; gone, nothing is left to decrypt.
 */
export async function storedKeyRecord(worker: Worker): Promise<{ ciphertext: Buffer; keyId: Buffer }> {
  const record = await worker.evaluate(
    () =>
      new Promise<{ ciphertext: number[]; keyId: string }>((resolve, reject) => {
        const open = indexedDB.open('api-key');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('key').objectStore('key').get('current');
          get.onerror = () => reject(get.error);
          get.onsuccess = () => {
            open.result.close();
            resolve({
              ciphertext: [...new Uint8Array(get.result.ciphertext)],
              keyId: String(get.result.keyId),
            });
          };
        };
      }),
  );
  return { ciphertext: Buffer.from(record.ciphertext), keyId: Buffer.from(record.keyId) };
}
