/** The background's answer to the settings page's "Team's recent orders" (components/history). */
import { handleMessage } from '../messaging/receive';
import type { SubmissionEngine } from '../outbox';
import { readPreferences } from '../settings/preferences';
import { openTransport, type SettingsDeps, toUserError } from '../settings/service';
import { createPlacerCache, readTeamOrders } from './read';
import { ownOrderIds } from './recent';

export function registerTeamHandlers(outbox: SubmissionEngine, deps: SettingsDeps): void {
  const cache = createPlacerCache();
  handleMessage('listTeamOrders', async () => {
    // A background read: it waits behind any order being placed (rate-limit.ts Lane).
    const t = await openTransport(deps, 'after');
    if (!t.ok) return t;
    const [entries, preferences] = await Promise.all([outbox.list(), readPreferences()]);
    try {
      const value = await readTeamOrders({
        transport: t.value,
        now: deps.now(),
        region: preferences.region,
        own: ownOrderIds(entries),
        cache,
      });
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: toUserError(error) };
    }
  });
}
