import type { AccountChoices } from '@/lib/messaging';

const LISTS = [
  ['organizations', 'organizations'],
  ['containers', 'divisions'],
  ['users', 'users'],
  ['customFields', 'custom fields'],
  ['products', 'products'],
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
      <strong>Some of your account’s choices could not be read.</strong>
      <p>They are not offered below (their ids can still be typed); everything else can be picked.</p>
      <ul class="plain">
        {found.flatMap(({ words, items }) =>
          items.slice(0, 5).map((u) => (
            <li key={`${words}-${u.label}`}>
              {u.label} ({words}): {u.reason}
            </li>
          )),
        )}
      </ul>
    </div>
  );
}
