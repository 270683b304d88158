/**
 * Extension storage is open to content scripts by default, and a content script lives inside a web
 * page. Chrome lets each area be closed to all but the extension's own pages and worker, and keeps
 * that in the extension's preferences (Chromium's storage_utils.cc, `storage_local_access_level`),
 * so it holds while the worker is stopped; the background asks again at every start, once the
 * messages that woke it are answered (docs/architecture.md). An area without that switch is skipped
 * (Firefox has it for `storage.session` only, which is closed to content scripts already; its
 * `storage.local` stays open, which is why nothing that decides an order is kept there: local-move.ts).
 * Nothing stored is ever logged.
 */
type AccessLevelArea = { setAccessLevel?: (options: { accessLevel: string }) => Promise<void> };
export type StorageAreas = Record<string, AccessLevelArea | undefined>;

const AREAS = ['local', 'sync', 'session'] as const;

function nativeStorage(): StorageAreas | undefined {
  return (globalThis as { chrome?: { storage?: StorageAreas } }).chrome?.storage;
}

/** Closes every area that can be closed; returns the names it asked to close. */
export function restrictStorageToExtension(
  storage: StorageAreas | undefined = nativeStorage(),
  warn: (message: string) => void = console.warn,
): string[] {
  const asked: string[] = [];
  for (const name of AREAS) {
    const area = storage?.[name];
    if (typeof area?.setAccessLevel !== 'function') continue;
    asked.push(name);
    area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => {
      warn(`storage.${name} could not be closed to content scripts.`);
    });
  }
  return asked;
}
