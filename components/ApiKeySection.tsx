import { useState } from 'preact/hooks';
import { formatAgo } from '@/lib/format/time';
import { t } from '@/lib/i18n';
import type { SettingsView } from '@/lib/messaging';
import { ConnectionSummary } from './ConnectionSummary';
import { LabelledField } from './LabelledField';
import { Msg } from './Msg';
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
        {t('settings_key_at_rest_guarded')}
      </p>
    );
  return (
    <p class="hint" id="api-key-at-rest">
      {t('settings_key_at_rest')}
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
  // The key typed was refused before it was sent: the field points at the notice that says why.
  const keyRefused = settings.error?.code === 'invalid_key_input';

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
        <h2 id="connection-heading">{t('settings_connection_heading')}</h2>
        <p class="muted">{t('settings_connection_intro')}</p>
      </div>

      <RegionChoice settings={settings} view={view} />

      {saved && !replacing && (
        <div class="stack">
          <p>
            <span class={locked ? 'dot' : 'dot ok'} aria-hidden="true" />{' '}
            <Msg
              id={locked ? 'settings_key_saved_locked' : 'settings_key_saved'}
              args={[<code translate={false}>••••{saved.hint}</code>, formatAgo(saved.savedAt, now)]}
            />
          </p>
          <AtRest guarded={locked || (saved.state === 'saved' && saved.protected === true)} />
          {confirmRemove ? (
            <fieldset class="row">
              <legend class="visually-hidden">{t('settings_confirm_removal')}</legend>
              <span>{t('settings_remove_key_question')}</span>
              <button type="button" class="danger" onClick={remove}>
                {t('settings_remove_key')}
              </button>
              <button type="button" onClick={() => setConfirmRemove(false)}>
                {t('common_keep_it')}
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
                {settings.busy === 'testConnection' ? t('settings_testing') : t('settings_test_connection')}
              </button>
              <button type="button" onClick={() => setReplacing(true)}>
                {t('settings_replace_key')}
              </button>
              <button type="button" class="danger" onClick={() => setConfirmRemove(true)}>
                {t('settings_remove_key_ask')}
              </button>
            </div>
          )}
        </div>
      )}

      {saved && !replacing && (
        <PassphraseLock view={view} refresh={() => settings.run('getSettings', undefined)} />
      )}

      {removedHint !== null && !saved && (
        <Notice tone="warn" title={t('settings_key_removed_title')}>
          <p>
            {removedHint ? (
              <Msg
                id="settings_key_removed_detail"
                args={[<code translate={false}>••••{removedHint}</code>]}
              />
            ) : (
              t('settings_key_removed_detail_unnamed')
            )}
          </p>
        </Notice>
      )}

      {view.apiKey.state === 'unreadable' && (
        <Notice tone="error" title={t('settings_key_unusable_title')}>
          <p>{view.apiKey.reason}</p>
        </Notice>
      )}

      {showForm && (
        <form class="stack" onSubmit={save}>
          <LabelledField
            id="api-key"
            label={t('settings_key_label')}
            hint={t('settings_key_hint')}
            problemElsewhere={keyRefused}
            describedBy="api-key-at-rest"
            type="password"
            autocomplete="off"
            spellcheck={false}
            value={draft}
            onInput={(event) => setDraft(event.currentTarget.value)}
          >
            <AtRest />
          </LabelledField>
          <div class="row">
            <button type="submit" class="primary" disabled={settings.busy !== null}>
              {settings.busy === 'saveApiKey' ? t('settings_saving') : t('settings_save_key')}
            </button>
            {replacing && (
              <button
                type="button"
                onClick={() => {
                  setReplacing(false);
                  setDraft('');
                }}
              >
                {t('common_cancel')}
              </button>
            )}
          </div>
        </form>
      )}

      {settings.error && (
        <Notice id="api-key-problem" tone="error" title={settings.error.title}>
          {settings.error.detail && <p>{settings.error.detail}</p>}
        </Notice>
      )}

      {saved && view.connection && <ConnectionSummary connection={view.connection} now={now} />}
    </section>
  );
}
