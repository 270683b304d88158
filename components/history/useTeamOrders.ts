import { useCallback, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { sendToBackground, type UserError } from '@/lib/messaging';
import type { TeamOrders } from '@/lib/team/views';

export type TeamOrdersState =
  | { kind: 'idle' }
  | { kind: 'loading'; last?: TeamOrders }
  | { kind: 'ready'; team: TeamOrders }
  | { kind: 'failed'; error: UserError; last?: TeamOrders };

/**
 * The account's recent orders, read when asked (the view is opened, or Refresh): each read costs
 * API requests of the key's shared budget, so nothing polls.
 */
export function useTeamOrders() {
  const [state, setState] = useState<TeamOrdersState>({ kind: 'idle' });

  const load = useCallback(async () => {
    let last: TeamOrders | undefined;
    setState((now) => {
      last = now.kind === 'ready' ? now.team : now.kind === 'idle' ? undefined : now.last;
      return { kind: 'loading', ...(last ? { last } : {}) };
    });
    try {
      const result = await sendToBackground('listTeamOrders', undefined);
      setState(
        result.ok
          ? { kind: 'ready', team: result.value }
          : { kind: 'failed', error: result.error, ...(last ? { last } : {}) },
      );
    } catch (caught) {
      setState({
        kind: 'failed',
        error: { title: t('history_team_load_failed'), detail: String(caught) },
        ...(last ? { last } : {}),
      });
    }
  }, []);

  return { state, load };
}
