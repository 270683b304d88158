/**
 * The raw managed storage, light enough for the popup's first screen (no zod, no polyfill): where
 * nothing is set, which is most installations, the first screen never loads the policy's parser.
 * Browsers without a policy differ: Chrome gives `{}`, Firefox throws when no managed storage is
 * set up for the extension, and a context without the API has none. All of them mean "no policy".
 */
import { nativeBrowser } from '../native-browser';

type ManagedArea = { get(keys?: null): Promise<Record<string, unknown>> };
type Changes = (changes: Record<string, unknown>, area: string) => void;
type StorageApi = {
  managed?: ManagedArea;
  onChanged?: { addListener(l: Changes): void; removeListener(l: Changes): void };
};

const storage = (): StorageApi | undefined => {
  try {
    return nativeBrowser().storage as unknown as StorageApi;
  } catch {
    return undefined;
  }
};

export async function readManagedRaw(): Promise<Record<string, unknown>> {
  try {
    const got = await storage()?.managed?.get(null);
    return got !== null && typeof got === 'object' ? got : {};
  } catch {
    return {};
  }
}

/** Whether the administrator set anything at all. */
export const hasPolicy = (raw: Record<string, unknown>): boolean => Object.keys(raw).length > 0;

/** Whether two answers of the browser say the same (it gives one policy's keys in one order). */
export const samePolicy = (a: Record<string, unknown>, b: Record<string, unknown>): boolean =>
  JSON.stringify(a) === JSON.stringify(b);

/** This page's policy listeners, also told when the policy it showed turns out stale (display.ts). */
const listeners = new Set<() => void>();

/**
 * Calls `listener` whenever the policy changes while the extension runs (the browser reloads it and
 * fires storage.onChanged for the `managed` area), and when a list this page showed from the policy
 * last seen turns out to differ from the browser's answer; returns what stops listening.
 */
export function onPolicyChange(listener: () => void): () => void {
  listeners.add(listener);
  const events = storage()?.onChanged;
  const handler: Changes = (_changes, area) => {
    if (area === 'managed') listener();
  };
  events?.addListener(handler);
  return () => {
    listeners.delete(listener);
    events?.removeListener(handler);
  };
}

/** Tells this page's policy listeners that what it showed was not the policy in force. */
export function announcePolicyChange(): void {
  for (const listener of [...listeners]) listener();
}
