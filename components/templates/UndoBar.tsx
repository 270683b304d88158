import { useEffect, useRef } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { formatNumber } from '@/lib/i18n/format';
import { UNDO_WINDOW_MS } from '@/lib/templates';

type Props = { name: string; onUndo: () => void; onExpire: () => void };

/** "Deleted X. Undo" for 30 seconds, announced politely (it needs no answer). */
export function UndoBar({ name, onUndo, onExpire }: Props) {
  // The timer starts once per deletion (the parent keys this bar by it), not on every render.
  const expire = useRef(onExpire);
  expire.current = onExpire;
  useEffect(() => {
    const timer = setTimeout(() => expire.current(), UNDO_WINDOW_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <div class="notice ok row spread undo-bar" role="status">
      <span>{t('settings_deleted', [name, formatNumber(UNDO_WINDOW_MS / 1000)])}</span>
      <button type="button" onClick={onUndo}>
        {t('settings_undo')}
      </button>
    </div>
  );
}
