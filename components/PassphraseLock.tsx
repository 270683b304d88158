import { useState } from 'preact/hooks';
import { type MessageData, PASSPHRASE_MIN, type SettingsView, sendToBackground } from '@/lib/messaging';
import { Notice } from './Notice';
import { UnlockPrompt } from './popup/UnlockPrompt';

type Props = { view: SettingsView; refresh: () => Promise<unknown> };
type LockMessage = 'protectApiKey' | 'lockApiKey' | 'unprotectApiKey';

/** What the lock does and does not do, said next to the controls (docs/key-storage.md has the detail). */
function WhatItProtects() {
  return (
    <p class="hint" id="lock-explained">
      With a passphrase, the key on disk can only be decrypted with it: a copy of this browser profile is of
      no use without the passphrase. The passphrase is never stored. While unlocked, the key is kept in the
      browser's memory until it has not been used for the time you choose, or the browser closes. If you
      forget the passphrase it cannot be recovered: remove the key and paste it again.
    </p>
  );
}

type FieldProps = {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  autocomplete: 'new-password' | 'current-password';
  hint?: string;
};

/** One labelled passphrase box, with its hint tied to it for screen readers. */
function PassphraseField({ id, label, value, onInput, autocomplete, hint }: FieldProps) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="password"
        autocomplete={autocomplete}
        value={value}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
      {hint && (
        <span id={`${id}-hint`} class="hint">
          {hint}
        </span>
      )}
    </div>
  );
}

/** Options page: set, use and remove the optional passphrase that locks the saved API key. */
export function PassphraseLock({ view, refresh }: Props) {
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [idle, setIdle] = useState(String(view.idleMinutes));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The forms open on request: no passphrase field waits on the page unasked.
  const [open, setOpen] = useState(false);
  const key = view.apiKey;
  if (key.state !== 'saved' && key.state !== 'locked') return null;

  async function send<K extends LockMessage>(type: K, data: MessageData<K>) {
    setBusy(true);
    try {
      const result = await sendToBackground(type, data);
      if (result.ok) {
        setPassphrase('');
        setRepeat('');
        setError(null);
        setOpen(false);
        await refresh();
      } else setError(result.error.title);
    } catch {
      setError('The passphrase lock was not changed.');
    } finally {
      setBusy(false);
    }
  }

  function protect(event: Event) {
    event.preventDefault();
    const minutes = Number(idle);
    if (passphrase.length < PASSPHRASE_MIN) setError(`Use at least ${PASSPHRASE_MIN} characters.`);
    else if (passphrase !== repeat) setError('The two passphrases differ.');
    else if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440)
      setError('Lock after between 1 and 1440 minutes.');
    else void send('protectApiKey', { passphrase, idleMinutes: minutes });
  }

  function unprotect(event: Event) {
    event.preventDefault();
    void send('unprotectApiKey', { passphrase });
  }

  const errorNotice = error && (
    <p class="problem" role="alert">
      {error}
    </p>
  );

  const toggle = (label: string) => (
    <div class="row">
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? 'Cancel' : label}
      </button>
    </div>
  );

  if (key.state === 'saved' && !key.protected && !open) {
    return (
      <section class="stack" aria-labelledby="lock-heading">
        <h3 id="lock-heading">Passphrase lock (optional)</h3>
        <WhatItProtects />
        {toggle('Set a passphrase…')}
      </section>
    );
  }

  if (key.state === 'saved' && !key.protected) {
    return (
      <form class="stack" aria-labelledby="lock-heading" onSubmit={protect}>
        <h3 id="lock-heading">Passphrase lock (optional)</h3>
        <WhatItProtects />
        <PassphraseField
          id="lock-passphrase"
          label="New passphrase"
          autocomplete="new-password"
          value={passphrase}
          onInput={setPassphrase}
          hint={`At least ${PASSPHRASE_MIN} characters. A few unrelated words are easy to remember.`}
        />
        <PassphraseField
          id="lock-repeat"
          label="Passphrase again"
          autocomplete="new-password"
          value={repeat}
          onInput={setRepeat}
        />
        <div class="field">
          <label for="lock-idle">Lock again after this many minutes without use</label>
          <input
            id="lock-idle"
            type="number"
            min={1}
            max={1440}
            value={idle}
            onInput={(event) => setIdle(event.currentTarget.value)}
          />
        </div>
        {errorNotice}
        <div class="row">
          <button type="submit" class="primary" disabled={busy}>
            {busy ? 'Protecting…' : 'Set passphrase'}
          </button>
          <button type="button" onClick={() => setOpen(false)}>
            Cancel
          </button>
        </div>
      </form>
    );
  }

  return (
    <section class="stack" aria-labelledby="lock-heading">
      <h3 id="lock-heading">Passphrase lock</h3>
      <WhatItProtects />
      {key.state === 'locked' ? (
        <UnlockPrompt hint={key.hint} onUnlocked={() => void refresh()} idPrefix="options-unlock" />
      ) : (
        <div class="row">
          <p role="status">
            Unlocked now; locks after {view.idleMinutes} minutes without use, or when the browser closes.
          </p>
          <button type="button" disabled={busy} onClick={() => void send('lockApiKey', undefined)}>
            Lock now
          </button>
        </div>
      )}
      {!open && toggle('Remove passphrase…')}
      {open && (
        <form class="stack" onSubmit={unprotect}>
          <PassphraseField
            id="unlock-remove"
            label="Passphrase, to remove the lock"
            autocomplete="current-password"
            value={passphrase}
            onInput={setPassphrase}
            hint="The key is then stored as without a passphrase: readable by anyone with this profile's files."
          />
          {errorNotice}
          <div class="row">
            <button type="submit" class="danger" disabled={busy || passphrase === ''}>
              Remove passphrase
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {key.state === 'locked' && (
        <Notice tone="warn" title="Orders wait while the key is locked">
          <p>Submitted orders stay in the outbox and are sent once the key is unlocked.</p>
        </Notice>
      )}
    </section>
  );
}
