import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import {
  type MessageData,
  type MessageReply,
  type SettingsView,
  sendToBackground,
  type UserError,
} from '@/lib/messaging';
import { readManagedRaw } from '@/lib/policy/managed';

type SettingsAction = 'saveApiKey' | 'removeApiKey' | 'setRegion' | 'getSettings';

function asUserError(error: unknown): UserError {
  // The background could not be reached or refused the message: say so plainly.
  const detail = error instanceof Error ? error.message : String(error);
  return { title: t('common_could_not_complete'), detail };
}

type SettingsReply = MessageReply<SettingsAction>;

/** How often a page asks again for a view shown with the policy last seen (about once a second). */
const CONFIRMATIONS = 30;

/** Asks the background for the settings view (what `useSettings` shows), before a page is drawn. */
export function askSettings(): Promise<SettingsReply> {
  return sendToBackground('getSettings', undefined);
}

/**
 * Settings as the background reports them, plus the actions that change them. `asked`: the first
 * view, already asked (askSettings); otherwise it is asked when the page is first drawn.
 */
export function useSettings(asked?: Promise<SettingsReply>) {
  const [view, setView] = useState<SettingsView | null>(null);
  const [error, setError] = useState<UserError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  /** Shows what the background answered to `type`. */
  const settle = useCallback(
    async (type: SettingsAction, reply: Promise<SettingsReply>): Promise<boolean> => {
      setBusy(type);
      try {
        const result = await reply;
        if (result.ok) {
          setView(result.value);
          setError(null);
          return true;
        }
        setError(result.error);
        return false;
      } catch (caught) {
        setError(asUserError(caught));
        return false;
      } finally {
        setBusy(null);
      }
    },
    [],
  );

  const run = useCallback(
    <K extends SettingsAction>(type: K, data: MessageData<K>): Promise<boolean> =>
      settle(type, sendToBackground(type, data)),
    [settle],
  );

  const testConnection = useCallback(async () => {
    setBusy('testConnection');
    try {
      const result = await sendToBackground('testConnection', undefined);
      if (result.ok) setView((current) => (current ? { ...current, connection: result.value } : current));
      else setError(result.error);
    } catch (caught) {
      setError(asUserError(caught));
    } finally {
      setBusy(null);
    }
  }, []);

  // Asked before the first paint, not after it: the connection is the settings page's first screen.
  const first = useRef(asked);
  useLayoutEffect(() => {
    void settle('getSettings', first.current ?? askSettings());
  }, [settle]);

  // A view shown with the policy last seen (right after a browser start, lib/policy/display.ts) is
  // asked again once this page's browser has answered for its policy, then each second while the
  // background's has not: quietly, changing nothing but the view, and only one still so marked.
  const confirmations = useRef(0);
  useEffect(() => {
    if (!view?.policyLastSeen || confirmations.current >= CONFIRMATIONS) return;
    const asked = confirmations.current++;
    let stopped = false;
    const ready = asked === 0 ? readManagedRaw() : new Promise((resolve) => setTimeout(resolve, 1000));
    void ready
      .then(() => (stopped ? undefined : askSettings()))
      .then((reply) => {
        if (!stopped && reply?.ok) setView((current) => (current?.policyLastSeen ? reply.value : current));
      })
      .catch(() => undefined);
    return () => {
      stopped = true;
    };
  }, [view]);

  return { view, error, busy, run, testConnection, clearError: () => setError(null) };
}
