import { render } from 'preact';
import '@/assets/styles.css';
import { FIRST_SCREEN_WITHIN_MS, takeEarly } from '@/lib/first-screen';
import { localizePage } from '@/lib/i18n/page';
import { readInTime } from '@/lib/in-time';
import { POPUP_LIST_GLOBAL, popupListFrom, readListInputs } from '@/lib/templates/summaries';
import { App } from './App';

localizePage('common_extension_name');
// Read by the popup's early script (popup-first-read.ts) while this module loaded, or now.
const read = popupListFrom(takeEarly(POPUP_LIST_GLOBAL, readListInputs));
const root = document.getElementById('app');
// Drawn with its list, in one frame (lib/first-screen.ts); without it when the read is slow.
if (root)
  void readInTime(read, FIRST_SCREEN_WITHIN_MS).then((first) =>
    render(<App read={read} first={first?.value ?? null} />, root),
  );
