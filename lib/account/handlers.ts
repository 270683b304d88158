/** The background's answers to the template editor's questions about the account. */
import { handleMessage } from '../messaging';
import { openTransport, type SettingsDeps, toUserError } from '../settings/service';
import { createChoicesCache, fetchAccountChoices, fetchProductDetails } from './choices';

/** Returns the cache's `clear`: account choices belong to one key and region. */
export function registerAccountHandlers(deps: SettingsDeps): () => void {
  const choices = createChoicesCache(Date.now);
  handleMessage('getAccountChoices', async ({ refresh }) => {
    const t = await openTransport(deps);
    if (!t.ok) return t;
    const load = () => fetchAccountChoices(t.value, deps.now(), toUserError);
    return { ok: true, value: await choices.get('account', refresh ?? false, load) };
  });
  handleMessage('getProductDetails', async ({ nameId, refresh }) => {
    const t = await openTransport(deps);
    if (!t.ok) return t;
    try {
      const load = () => fetchProductDetails(t.value, nameId);
      return { ok: true, value: await choices.get(`product:${nameId}`, refresh ?? false, load) };
    } catch (error) {
      return { ok: false, error: toUserError(error) };
    }
  });
  return choices.clear;
}
