import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { sendToBackground } from '@/lib/messaging';
import { type ChoicesState, needsOrganizationDetails } from '@/lib/templates/editor/choices';

const failed = (error: unknown) => ({
  title: t('common_background_no_answer'),
  detail: error instanceof Error ? error.message : String(error),
});

/**
 * The account's lists and the chosen product's details, from the background (which caches them
 * briefly). `refresh` asks it to fetch again, for a change just made in CertCentral. The chosen
 * organization is asked for on its own when the list lacks its EV approvers or validations.
 */
export function useAccountChoices(product: string, organizationId?: unknown) {
  const [state, setState] = useState<ChoicesState & { loading: boolean }>({ loading: true });
  const askedOrganization = useRef<number | undefined>(undefined);

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

  const loadOrganization = useCallback(async (id: number, refresh: boolean) => {
    askedOrganization.current = id;
    try {
      const reply = await sendToBackground('getOrganizationDetails', { id, refresh });
      setState((s) => {
        const { organization: _o, organizationError: _e, ...rest } = s;
        if (askedOrganization.current !== id) return s;
        return reply.ok
          ? { ...rest, organization: reply.value }
          : { ...rest, organizationError: reply.error };
      });
    } catch (error) {
      setState((s) => ({ ...s, organizationError: failed(error) }));
    }
  }, []);

  const wanted = typeof organizationId === 'number' && organizationId > 0 ? organizationId : undefined;
  const needed = !state.loading && wanted !== undefined && needsOrganizationDetails(state, wanted);
  useEffect(() => {
    if (needed && wanted !== undefined && askedOrganization.current !== wanted)
      void loadOrganization(wanted, false);
  }, [needed, wanted, loadOrganization]);

  const refresh = useCallback(async () => {
    setState((s) => ({ ...s, loading: true }));
    const org = askedOrganization.current;
    await Promise.all([
      loadAccount(true),
      loadDetails(product, true),
      ...(org !== undefined ? [loadOrganization(org, true)] : []),
    ]);
    setState((s) => ({ ...s, loading: false }));
  }, [loadAccount, loadDetails, loadOrganization, product]);

  return { state, refresh };
}
