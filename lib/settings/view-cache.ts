/**
 * The settings view as the background's services last computed it, kept in `storage.session` so
 * that the background's front answers getSettings, the pages' first question, with one read and
 * without loading the services (lib/background/front.ts). Computing it opens two IndexedDB
 * databases and decrypts the key, which made a page wait about twice as long as a blank worker
 * takes to answer (`npm run bench`).
 *
 * It is never a guess: every change to what the view shows (the key, the unlocked copy, the
 * preferences, the connection test) forgets it, before and after the change, and a view computed
 * while a change ran is not kept. The organization's policy can change while the worker is stopped,
 * so the view is kept with the policy it was computed under and used only while the policy is the
 * same. A view showing an unlocked key is kept only until that key would lock by itself.
 * `storage.session` is emptied when the browser closes, so the first question of a browser session
 * goes to the services.
 */
import { browser } from 'wxt/browser';
import type { SettingsView } from '../messaging';
import { readSettingsView } from '../messaging/settings-reply';
import type { PolicyShown } from '../policy/display';
import { readManagedRaw } from '../policy/managed';

/** The key in `storage.session` (declared in view-cache-item.ts). */
export const SETTINGS_VIEW = 'settingsView';
export const SETTINGS_VIEW_VERSION = 1;

/**
 * What is kept: the view, the policy it was computed under (managed storage, as JSON), and until when
 * it holds (ms since the epoch) when it ends by itself.
 */
export type KeptView = {
  version: typeof SETTINGS_VIEW_VERSION;
  view: SettingsView;
  policy: string;
  until?: number;
};

/** The policy as a kept view records it. */
const policyText = (managed: Record<string, unknown>): string => JSON.stringify(managed);

/**
 * Pure: the kept view that still holds at `now` under `policy`, or undefined. Checked without zod
 * (the front carries no schema library): settings-reply.ts's check, which its tests keep equal to
 * the protocol's schema. Another version, or anything damaged, is not used.
 */
export function keptViewAt(raw: unknown, now: number, policy: string): SettingsView | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const kept = raw as Record<string, unknown>;
  if (kept.version !== SETTINGS_VIEW_VERSION || kept.policy !== policy) return undefined;
  const { until } = kept;
  if (until !== undefined && !(typeof until === 'number' && now < until)) return undefined;
  return readSettingsView(kept.view);
}

export async function readKeptSettingsView(now = Date.now()): Promise<SettingsView | undefined> {
  // Asked together, but waited for only when a view is kept: right after a browser start nothing is
  // (storage.session is empty) and the browser's policy takes seconds to come (lib/policy/seen.ts).
  const managed = readManagedRaw();
  const kept = (await browser.storage.session.get(SETTINGS_VIEW))[SETTINGS_VIEW];
  if (kept === undefined) return undefined;
  return keptViewAt(kept, now, policyText(await managed));
}

// Counts the changes this script has started: a view computed across one is not kept.
let changes = 0;

/** Forgets the kept view. */
export async function forgetSettingsView(): Promise<void> {
  changes++;
  await browser.storage.session.remove(SETTINGS_VIEW);
}

/**
 * Runs a change to something the view shows. The view is forgotten before it (so the front stops
 * answering with the old one) and after it (so a view computed meanwhile, which may have read the
 * old record, is not kept).
 */
export async function changingSettings<T>(change: () => Promise<T>): Promise<T> {
  await forgetSettingsView();
  try {
    return await change();
  } finally {
    await forgetSettingsView();
  }
}

/**
 * Computes the view and keeps it with the policy it was computed under, unless something it shows
 * changed meanwhile or it was computed under the policy last seen (the browser had not answered).
 */
export async function keepSettingsView(
  compute: () => Promise<{ view: SettingsView; until?: number; policy: PolicyShown }>,
): Promise<SettingsView> {
  const started = changes;
  const { view, until, policy } = await compute();
  if (started === changes && !policy.lastSeen) {
    const kept: KeptView = {
      version: SETTINGS_VIEW_VERSION,
      view,
      policy: policyText(policy.raw),
      ...(until === undefined ? {} : { until }),
    };
    // Keeping it is only a shortcut: the answer never fails with it.
    await browser.storage.session.set({ [SETTINGS_VIEW]: kept }).catch(() => undefined);
  }
  return view;
}
