import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { formatNumber } from '@/lib/i18n/format';
import { type MessageData, PASSPHRASE_MIN, type SettingsView, sendToBackground } from '@/lib/messaging';
import { Notice } from './Notice';
import { UnlockPrompt } from './popup/UnlockPrompt';

type Props = { view: SettingsView; refresh: () => Promise<unknown> };
type LockMessage = 'protectApiKey' | 'lockApiKey' | 'unprotectApiKey';

/** What the lock does and does not do, said next to the controls (docs/key-storage.md has the detail). */
function WhatItProtects() {
  return (
    <p class="hint" id="lock-explained">
      {t('settings_lock_explained')}
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

/** A form's last row: its own button, then Cancel, which folds the form away again. */
function FormButtons({ children, onCancel }: { children: ComponentChildren; onCancel: () => void }) {
  return (
    <div class="row">
      {children}
      <button type="button" onClick={onCancel}>
        {t('common_cancel')}
      </button>
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
      setError(t('settings_lock_not_changed'));
    } finally {
      setBusy(false);
    }
  }

  function protect(event: Event) {
    event.preventDefault();
    const minutes = Number(idle);
    if (passphrase.length < PASSPHRASE_MIN)
      setError(t('settings_lock_too_short', formatNumber(PASSPHRASE_MIN)));
    else if (passphrase !== repeat) setError(t('settings_lock_differ'));
    else if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440)
      setError(t('settings_lock_idle_range', [formatNumber(1), formatNumber(1440)]));
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

  // Shown only while the form is folded away; the form's own Cancel folds it again.
  const opener = (label: string) => (
    <div class="row">
      <button type="button" aria-expanded={false} onClick={() => setOpen(true)}>
        {label}
      </button>
    </div>
  );

  if (key.state === 'saved' && !key.protected && !open) {
    return (
      <section class="stack" aria-labelledby="lock-heading">
        <h3 id="lock-heading">{t('settings_lock_heading_optional')}</h3>
        <WhatItProtects />
        {opener(t('settings_lock_set_ask'))}
      </section>
    );
  }

  if (key.state === 'saved' && !key.protected) {
    return (
      <form class="stack" aria-labelledby="lock-heading" onSubmit={protect}>
        <h3 id="lock-heading">{t('settings_lock_heading_optional')}</h3>
        <WhatItProtects />
        <PassphraseField
          id="lock-passphrase"
          label={t('settings_lock_new')}
          autocomplete="new-password"
          value={passphrase}
          onInput={setPassphrase}
          hint={t('settings_lock_new_hint', formatNumber(PASSPHRASE_MIN))}
        />
        <PassphraseField
          id="lock-repeat"
          label={t('settings_lock_repeat')}
          autocomplete="new-password"
          value={repeat}
          onInput={setRepeat}
        />
        <div class="field">
          <label for="lock-idle">{t('settings_lock_idle_label')}</label>
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
        <FormButtons onCancel={() => setOpen(false)}>
          <button type="submit" class="primary" disabled={busy}>
            {busy ? t('settings_lock_protecting') : t('settings_lock_set')}
          </button>
        </FormButtons>
      </form>
    );
  }

  return (
    <section class="stack" aria-labelledby="lock-heading">
      <h3 id="lock-heading">{t('settings_lock_heading')}</h3>
      <WhatItProtects />
      {key.state === 'locked' ? (
        <UnlockPrompt hint={key.hint} onUnlocked={() => void refresh()} idPrefix="options-unlock" />
      ) : (
        <div class="row">
          <p role="status">{t('settings_lock_unlocked', formatNumber(view.idleMinutes))}</p>
          <button type="button" disabled={busy} onClick={() => void send('lockApiKey', undefined)}>
            {t('settings_lock_now')}
          </button>
        </div>
      )}
      {!open && opener(t('settings_lock_remove_ask'))}
      {open && (
        <form class="stack" onSubmit={unprotect}>
          <PassphraseField
            id="unlock-remove"
            label={t('settings_lock_remove_label')}
            autocomplete="current-password"
            value={passphrase}
            onInput={setPassphrase}
            hint={t('settings_lock_remove_hint')}
          />
          {errorNotice}
          <FormButtons onCancel={() => setOpen(false)}>
            <button type="submit" class="danger" disabled={busy || passphrase === ''}>
              {t('settings_lock_remove')}
            </button>
          </FormButtons>
        </form>
      )}
      {key.state === 'locked' && (
        <Notice tone="warn" title={t('settings_lock_orders_wait_title')}>
          <p>{t('settings_lock_orders_wait')}</p>
        </Notice>
      )}
    </section>
  );
}
