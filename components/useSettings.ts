import { useCallback, useLayoutEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { type MessageData, type SettingsView, sendToBackground, type UserError } from '@/lib/messaging';

type SettingsAction = 'saveApiKey' | 'removeApiKey' | 'setRegion' | 'getSettings';

function asUserError(error: unknown): UserError {
  // The background could not be reached or refused the message: say so plainly.
  const detail = error instanceof Error ? error.message : String(error);
  return { title: t('common_could_not_complete'), detail };
}

/** Settings as the background reports them, plus the actions that change them. */
export function useSettings() {
  const [view, setView] = useState<SettingsView | null>(null);
  const [error, setError] = useState<UserError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const run = useCallback(
    async <K extends SettingsAction>(type: K, data: MessageData<K>): Promise<boolean> => {
      setBusy(type);
      try {
        const result = await sendToBackground(type, data);
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
  useLayoutEffect(() => {
    void run('getSettings', undefined);
  }, [run]);

  return { view, error, busy, run, testConnection, clearError: () => setError(null) };
}
