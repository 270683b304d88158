import { useState } from 'preact/hooks';
import { formatAgo } from '@/lib/format/time';
import type { SettingsView } from '@/lib/messaging';
import { ConnectionSummary } from './ConnectionSummary';
import { Notice } from './Notice';
import { PassphraseLock } from './PassphraseLock';
import { RegionChoice } from './RegionChoice';
import type { useSettings } from './useSettings';

type Props = { settings: ReturnType<typeof useSettings>; view: SettingsView; now: Date };

/** Where the key is and who can reach it, next to the key (docs/key-storage.md has the detail). */
function AtRest({ guarded = false }: { guarded?: boolean }) {
  if (guarded)
    return (
      <p class="hint" id="api-key-at-rest">
        Stored encrypted with your passphrase: this profile's files alone do not give the key. While unlocked
        it is in the browser's memory. Removing it here does not revoke it: revoke it in CertCentral under
        Automation › API Keys.
      </p>
    );
  return (
    <p class="hint" id="api-key-at-rest">
      Stored encrypted in this browser profile. Anyone who can read this profile's files on disk (another
      program on this computer, a backup of the profile) can recover it; web pages and other extensions cannot
      read it. Removing it here does not revoke it: revoke it in CertCentral under Automation › API Keys.
    </p>
  );
}

/** Options page, first section: the API key (masked, pasted once), region and "Test connection". */
export function ApiKeySection({ settings, view, now }: Props) {
  const [draft, setDraft] = useState('');
  const [replacing, setReplacing] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);
  // Shown after "Remove key" until another key is saved: the key still works in CertCentral.
  const [removedHint, setRemovedHint] = useState<string | null>(null);
  // A locked key is still saved: it is replaced or removed like any other, only not usable now.
  const saved = view.apiKey.state === 'saved' || view.apiKey.state === 'locked' ? view.apiKey : null;
  const locked = view.apiKey.state === 'locked';
  const showForm = !saved || replacing;

  async function save(event: Event) {
    event.preventDefault();
    // The key lives in this form only until the background has stored it.
    if (await settings.run('saveApiKey', { apiKey: draft, region: view.region })) {
      setDraft('');
      setRemovedHint(null);
      setReplacing(false);
      await settings.testConnection();
    }
  }

  async function remove() {
    setConfirmRemove(false);
    const hint = saved?.hint ?? '';
    if (await settings.run('removeApiKey', undefined)) setRemovedHint(hint);
  }

  return (
    <section class="card stack" aria-labelledby="connection-heading">
      <div>
        <h2 id="connection-heading">CertCentral connection</h2>
        <p class="muted">
          The extension calls the CertCentral Services API with your API key from its background only.
        </p>
      </div>

      <RegionChoice settings={settings} view={view} />

      {saved && !replacing && (
        <div class="stack">
          <p>
            <span class={locked ? 'dot' : 'dot ok'} aria-hidden="true" /> API key saved:{' '}
            <code>••••{saved.hint}</code>, {formatAgo(saved.savedAt, now)}
            {locked ? ', locked with a passphrase.' : '.'}
          </p>
          <AtRest guarded={locked || (saved.state === 'saved' && saved.protected === true)} />
          {confirmRemove ? (
            <fieldset class="row">
              <legend class="visually-hidden">Confirm removal</legend>
              <span>
                Remove the saved key from this browser? The extension will stop calling CertCentral. This does
                not revoke the key: it keeps working for anyone who has a copy until you revoke it in
                CertCentral under Automation › API Keys.
              </span>
              <button type="button" class="danger" onClick={remove}>
                Remove key
              </button>
              <button type="button" onClick={() => setConfirmRemove(false)}>
                Keep it
              </button>
            </fieldset>
          ) : (
            <div class="row">
              <button
                type="button"
                class="primary"
                disabled={settings.busy !== null || locked}
                onClick={settings.testConnection}
              >
                {settings.busy === 'testConnection' ? 'Testing…' : 'Test connection'}
              </button>
              <button type="button" onClick={() => setReplacing(true)}>
                Replace key
              </button>
              <button type="button" class="danger" onClick={() => setConfirmRemove(true)}>
                Remove key…
              </button>
            </div>
          )}
        </div>
      )}

      {saved && !replacing && (
        <PassphraseLock view={view} refresh={() => settings.run('getSettings', undefined)} />
      )}

      {removedHint !== null && !saved && (
        <Notice tone="warn" title="API key removed from this browser, not revoked">
          <p>
            The key {removedHint && <code>••••{removedHint}</code>} still works in CertCentral. If it is no
            longer needed, or a copy of this browser profile may be in other hands, revoke it: in CertCentral,
            go to Automation › API Keys, find the key and revoke it.
          </p>
        </Notice>
      )}

      {view.apiKey.state === 'unreadable' && (
        <Notice tone="error" title="The saved API key cannot be used">
          <p>{view.apiKey.reason}</p>
        </Notice>
      )}

      {showForm && (
        <form class="stack" onSubmit={save}>
          <div class="field">
            <label for="api-key">API key</label>
            <input
              id="api-key"
              type="password"
              autocomplete="off"
              spellcheck={false}
              value={draft}
              aria-describedby="api-key-hint api-key-at-rest"
              aria-invalid={settings.error?.code === 'invalid_key_input' ? 'true' : undefined}
              onInput={(event) => setDraft(event.currentTarget.value)}
            />
            <span id="api-key-hint" class="hint">
              Create one in CertCentral under Automation › API Keys. Once saved it is never shown again, and
              it is never sent anywhere but CertCentral.
            </span>
            <AtRest />
          </div>
          <div class="row">
            <button type="submit" class="primary" disabled={settings.busy !== null}>
              {settings.busy === 'saveApiKey' ? 'Saving…' : 'Save key'}
            </button>
            {replacing && (
              <button
                type="button"
                onClick={() => {
                  setReplacing(false);
                  setDraft('');
                }}
              >
                Cancel
              </button>
            )}
          </div>
        </form>
      )}

      {settings.error && (
        <Notice tone="error" title={settings.error.title}>
          {settings.error.detail && <p>{settings.error.detail}</p>}
        </Notice>
      )}

      {saved && view.connection && <ConnectionSummary connection={view.connection} now={now} />}
    </section>
  );
}
