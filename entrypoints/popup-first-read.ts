import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { askEarly } from '@/lib/first-screen';
import { POPUP_LIST_GLOBAL, readListInputs } from '@/lib/templates/summaries';

// What the popup's template list is made from, read as soon as this script arrives rather than once the popup's module
// has loaded and run (lib/first-screen.ts). A classic script of its own, listed first in
// entrypoints/popup/index.html, so it shares no chunk with the popup's module.
export default defineUnlistedScript(() => askEarly(POPUP_LIST_GLOBAL, readListInputs));
