import type { ChoicesState } from '@/lib/templates/editor-choices';

type Props = { state: ChoicesState & { loading: boolean }; onRefresh: () => void };

/** Says where the editor's choices come from, or why they are unavailable (ids can still be typed). */
export function ChoicesStatus({ state, onRefresh }: Props) {
  const error = state.accountError;
  const time = state.account ? new Date(state.account.fetchedAt).toLocaleTimeString() : undefined;
  return (
    <div class={`choices-status row spread${error ? ' notice warn' : ''}`}>
      <div role="status">
        {state.loading ? (
          <span>Loading your account’s organizations, containers, users and custom fields…</span>
        ) : error ? (
          <>
            <strong>Choices from your account are unavailable.</strong>{' '}
            <span>
              {error.title} {error.detail} You can still type ids.
            </span>
          </>
        ) : (
          <span class="muted">Choices from your account, loaded at {time}.</span>
        )}
      </div>
      <button type="button" onClick={onRefresh} disabled={state.loading}>
        Refresh choices
      </button>
    </div>
  );
}
