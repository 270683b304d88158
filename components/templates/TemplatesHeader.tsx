import { t } from '@/lib/i18n';

type Props = {
  /** Absent while only the light list is shown: the button is there, disabled, so nothing moves. */
  onNew?: () => void;
  onExportAll?: () => void;
  /** False when there is nothing to export. */
  canExport?: boolean;
};

/**
 * The template section's heading, intro and main buttons: disabled while the list shows only the
 * light read of its rows, enabled once the full list has loaded (TemplatesSection).
 */
export function TemplatesHeader({ onNew, onExportAll, canExport = true }: Props) {
  return (
    <div class="row spread">
      <div>
        <h2 id="templates-heading">{t('settings_templates_heading')}</h2>
        <p class="muted">{t('settings_templates_intro')}</p>
      </div>
      <div class="row">
        <button type="button" class="primary" onClick={onNew} disabled={!onNew}>
          {t('settings_new_template')}
        </button>
        <button type="button" onClick={onExportAll} disabled={!onExportAll || !canExport}>
          {t('settings_export_all')}
        </button>
      </div>
    </div>
  );
}
