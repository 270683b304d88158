/**
 * Options page: why duplicates can happen and the CertCentral account setting that stops them.
 * The setting is an account preference only an administrator can change (docs/certcentral-api.md,
 * "Duplicate orders and alternative_order_id"); the extension cannot read or set it.
 */
import { t } from '@/lib/i18n';
import { Msg } from './Msg';

export function DuplicateSafetySection() {
  return (
    <section class="card stack" aria-labelledby="duplicates-heading">
      <h2 id="duplicates-heading">{t('settings_duplicates_heading')}</h2>
      <p>
        <Msg id="settings_duplicates_how" args={[<strong>{t('settings_duplicates_term')}</strong>]} />
      </p>
      <p>
        <Msg
          id="settings_duplicates_advice"
          args={[
            <strong>{t('settings_duplicates_setting')}</strong>,
            <em>{t('settings_duplicates_path')}</em>,
          ]}
        />
      </p>
    </section>
  );
}
