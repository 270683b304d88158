import { useState } from 'preact/hooks';
import { formatAgo } from '@/lib/format/time';
import type { SettingsView } from '@/lib/messaging';
import type { Region } from '@/lib/settings/preferences';
import { ConnectionSummary, regionName } from './ConnectionSummary';
import { Notice } from './Notice';
import type { useSettings } from './useSettings';

type Props = { settings: ReturnType<typeof useSettings>; view: SettingsView; now: Date };

/** Options page, first section: the API key (masked, pasted once), region and "Test connection". */
export function ApiKeySection({ settings, view, now }: Props) {
  const [draft, setDraft] = useState('');
  const [replacing, setReplacing] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const saved = view.apiKey.state === 'saved' ? view.apiKey : null;
  const showForm = !saved || replacing;

  async function save(event: Event) {
    event.preventDefault();
    // The key lives in this form only until the background has stored it.
    if (await settings.run('saveApiKey', { apiKey: draft, region: view.region })) {
      setDraft('');
      setReplacing(false);
      await settings.testConnection();
    }
  }

  async function remove() {
    setConfirmRemove(false);
    await settings.run('removeApiKey', undefined);
  }

  return (
    <section class="card stack" aria-labelledby="connection-heading">
      <div>
        <h2 id="connection-heading">CertCentral connection</h2>
        <p class="muted">
          The extension calls the CertCentral Services API with your API key from its background only.
        </p>
      </div>

      <fieldset>
        <legend>Region</legend>
        <div class="choices">
          {(['us', 'eu'] as Region[]).map((region) => (
            <label key={region}>
              <input
                type="radio"
                name="region"
                value={region}
                checked={view.region === region}
                disabled={settings.busy !== null}
                onChange={() => settings.run('setRegion', { region })}
              />
              {regionName(region)}
            </label>
          ))}
        </div>
        <p class="hint">Accounts whose console says "CertCentral Europe" use the Europe region.</p>
      </fieldset>

      {saved && !replacing && (
        <div class="stack">
          <p>
            <span class="dot ok" aria-hidden="true" /> API key saved: <code>••••{saved.hint}</code>,{' '}
            {formatAgo(saved.savedAt, now)}.
          </p>
          {confirmRemove ? (
            <fieldset class="row">
              <legend class="visually-hidden">Confirm removal</legend>
              <span>Remove the saved key? The extension will stop calling CertCentral.</span>
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
                disabled={settings.busy !== null}
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
              aria-describedby="api-key-hint"
              aria-invalid={settings.error?.code === 'invalid_key_input' ? 'true' : undefined}
              onInput={(event) => setDraft(event.currentTarget.value)}
            />
            <span id="api-key-hint" class="hint">
              Create one in CertCentral under Automation › API Keys. It is stored encrypted in this browser,
              is never shown again, and is never sent anywhere but CertCentral.
            </span>
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
