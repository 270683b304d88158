/** The background's answers to the template editor's questions about the account. */
import type { Transport } from '../certcentral/transport';
import { handleMessage } from '../messaging/receive';
import { openTransport, type SettingsDeps, toUserError } from '../settings/service';
import {
  createChoicesCache,
  fetchAccountChoices,
  fetchOrganizationDetails,
  fetchProductDetails,
} from './choices';

/** Returns the cache's `clear`: account choices belong to one key and region. */
export function registerAccountHandlers(deps: SettingsDeps): () => void {
  const choices = createChoicesCache(Date.now);
  handleMessage('getAccountChoices', async ({ refresh }) => {
    const t = await openTransport(deps);
    if (!t.ok) return t;
    const load = () => fetchAccountChoices(t.value, deps.now(), toUserError);
    return { ok: true, value: await choices.get('account', refresh ?? false, load) };
  });
  /** One cached answer: a failure is said in words, and nothing failed is kept. */
  async function cached<T>(key: string, refresh: boolean | undefined, load: (t: Transport) => Promise<T>) {
    const t = await openTransport(deps);
    if (!t.ok) return t;
    try {
      return { ok: true as const, value: await choices.get(key, refresh ?? false, () => load(t.value)) };
    } catch (error) {
      return { ok: false as const, error: toUserError(error) };
    }
  }
  handleMessage('getOrganizationDetails', ({ id, refresh }) =>
    cached(`organization:${id}`, refresh, (t) => fetchOrganizationDetails(t, id)),
  );
  handleMessage('getProductDetails', ({ nameId, refresh }) =>
    cached(`product:${nameId}`, refresh, (t) => fetchProductDetails(t, nameId)),
  );
  return choices.clear;
}
