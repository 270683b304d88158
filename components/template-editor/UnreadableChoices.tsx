import { t } from '@/lib/i18n';
import type { AccountChoices } from '@/lib/messaging';

const LISTS = [
  ['organizations', 'editor_list_organizations'],
  ['containers', 'editor_list_divisions'],
  ['users', 'editor_list_users'],
  ['customFields', 'editor_list_custom_fields'],
  ['products', 'editor_list_products'],
] as const;

/** Items CertCentral listed that the extension could not read, by list, with why; the rest still work. */
export function UnreadableChoices({ account }: { account: AccountChoices | undefined }) {
  if (!account) return null;
  const found = LISTS.flatMap(([key, words]) => {
    const list = account[key];
    return 'items' in list && list.unreadable?.length ? [{ words, items: list.unreadable }] : [];
  });
  if (found.length === 0) return null;
  return (
    <div class="notice warn" role="status">
      <strong>{t('editor_unreadable_title')}</strong>
      <p>{t('editor_unreadable_detail')}</p>
      <ul class="plain">
        {found.flatMap(({ words, items }) =>
          items
            .slice(0, 5)
            .map((u) => (
              <li key={`${words}-${u.label}`}>
                {t('editor_unreadable_item', [u.label, t(words), u.reason])}
              </li>
            )),
        )}
      </ul>
    </div>
  );
}
