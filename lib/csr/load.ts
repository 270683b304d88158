// The one place that loads @peculiar/x509. It is large (52 KB gzip with its ASN.1 dependencies in a
// Vite build) and the popup's first load must stay under 30 KB, so it is only ever reached through a
// dynamic import(): bundlers put it in its own chunk, fetched when a CSR is first parsed or generated.
// Never import '@peculiar/x509' statically anywhere in lib/csr (`import type` is fine).
export type X509 = typeof import('@peculiar/x509');

let loading: Promise<X509> | undefined;

export function loadX509(): Promise<X509> {
  loading ??= (async () => {
    // Two awaited imports, not two static imports in one module: this guarantees the shim has run
    // before tsyringe's load-time check, whatever order a bundler gives the chunks.
    await import('./reflect-shim');
    const x509 = await import('@peculiar/x509');
    // x509 picks up globalThis.crypto itself in browsers and Node 20; set it only if it did not.
    if (!x509.cryptoProvider.has('default')) x509.cryptoProvider.set(globalThis.crypto);
    return x509;
  })().catch((error: unknown) => {
    loading = undefined; // a failed chunk load can be retried
    throw error;
  });
  return loading;
}
