import { nativeBrowser } from '../native-browser';
import { type MessageKey, t } from './index';

/**
 * An extension page in the language of its messages: its title, and `lang`/`dir` on the root, so
 * screen readers pronounce it right and a right-to-left translation reads right to left. `lang`
 * comes from the translation itself: the browser's UI language may have none and show English.
 */
export function localizePage(title: MessageKey, root: HTMLElement = document.documentElement): void {
  document.title = t(title);
  root.lang = t('common_language_tag');
  const i18n = nativeBrowser().i18n as unknown as { getMessage(name: string): string };
  root.dir = i18n.getMessage('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
}
