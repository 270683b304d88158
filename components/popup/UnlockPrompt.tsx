import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { sendToBackground } from '@/lib/messaging';
import { Msg } from '../Msg';

type Props = {
  hint: string;
  /** Called after a successful unlock, so the page can read the settings again. */
  onUnlocked: () => void;
  /** Distinguishes the ids when a page shows the prompt more than once. */
  idPrefix?: string;
};

/**
 * Asks for the passphrase of a locked API key. Shown first in the popup: until the key is unlocked
 * nothing reaches CertCentral, and submissions wait in the outbox.
 */
export function UnlockPrompt({ hint, onUnlocked, idPrefix = 'unlock' }: Props) {
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = `${idPrefix}-passphrase`;

  async function unlock(event: Event) {
    event.preventDefault();
    setBusy(true);
    try {
      const result = await sendToBackground('unlockApiKey', { passphrase });
      if (result.ok) {
        setPassphrase('');
        setError(null);
        // Orders waiting for the key go now, not at the outbox's next sweep (up to a minute later).
        void sendToBackground('listSubmissions', { refresh: true }).catch(() => undefined);
        onUnlocked();
      } else setError(result.error.title);
    } catch {
      // The protocol refuses a passphrase shorter than the rule before the background sees it.
      setError(t('popup_unlock_wrong'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card stack" aria-labelledby={`${idPrefix}-heading`} onSubmit={unlock}>
      <h2 id={`${idPrefix}-heading`}>{t('popup_unlock_heading')}</h2>
      <p class="muted" id={`${idPrefix}-why`}>
        <Msg id="popup_unlock_why" args={[<code translate={false}>••••{hint}</code>]} />
      </p>
      <div class="field">
        <label for={field}>{t('popup_passphrase')}</label>
        <input
          id={field}
          type="password"
          autocomplete="current-password"
          spellcheck={false}
          value={passphrase}
          aria-describedby={`${error ? `${idPrefix}-problem ` : ''}${idPrefix}-why`}
          aria-invalid={error ? 'true' : undefined}
          onInput={(event) => setPassphrase(event.currentTarget.value)}
        />
      </div>
      {error && (
        <p id={`${idPrefix}-problem`} class="problem" role="alert">
          {error}
        </p>
      )}
      <div class="row">
        <button type="submit" class="primary" disabled={busy || passphrase === ''}>
          {busy ? t('popup_unlocking') : t('popup_unlock')}
        </button>
      </div>
    </form>
  );
}
