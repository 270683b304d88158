import { useCallback, useEffect, useState } from 'preact/hooks';
import { sendToBackground } from '@/lib/messaging';
import type { ChoicesState } from '@/lib/templates/editor-choices';

const failed = (error: unknown) => ({
  title: 'The extension’s background did not answer.',
  detail: error instanceof Error ? error.message : String(error),
});

/**
 * The account's lists and the chosen product's details, from the background (which caches them
 * briefly). `refresh` asks it to fetch again, for a change just made in CertCentral.
 */
export function useAccountChoices(product: string) {
  const [state, setState] = useState<ChoicesState & { loading: boolean }>({ loading: true });

  const loadAccount = useCallback(async (refresh: boolean) => {
    try {
      const reply = await sendToBackground('getAccountChoices', { refresh });
      setState((s) => {
        const { account: _a, accountError: _e, ...rest } = s;
        return reply.ok ? { ...rest, account: reply.value } : { ...rest, accountError: reply.error };
      });
    } catch (error) {
      setState((s) => ({ ...s, accountError: failed(error) }));
    }
  }, []);

  const loadDetails = useCallback(async (nameId: string, refresh: boolean) => {
    try {
      const reply = await sendToBackground('getProductDetails', { nameId, refresh });
      setState((s) => {
        const { details: _d, detailsError: _e, ...rest } = s;
        return reply.ok ? { ...rest, details: reply.value } : { ...rest, detailsError: reply.error };
      });
    } catch (error) {
      setState((s) => ({ ...s, detailsError: failed(error) }));
    }
  }, []);

  useEffect(() => {
    void loadAccount(false).then(() => setState((s) => ({ ...s, loading: false })));
  }, [loadAccount]);
  useEffect(() => {
    setState(({ details: _d, detailsError: _e, ...rest }) => rest);
    void loadDetails(product, false);
  }, [product, loadDetails]);

  const refresh = useCallback(async () => {
    setState((s) => ({ ...s, loading: true }));
    await Promise.all([loadAccount(true), loadDetails(product, true)]);
    setState((s) => ({ ...s, loading: false }));
  }, [loadAccount, loadDetails, product]);

  return { state, refresh };
}
