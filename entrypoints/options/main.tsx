import { render } from 'preact';
import '@/assets/styles.css';
import { localizePage } from '@/lib/i18n/page';
import { shownTogether, takeFirstReads } from '@/lib/settings/first-reads';
import { App } from './App';

// Asked by the page's early script (settings-first-reads.ts) while this module loaded, or now: the
// first screen waits for these answers.
const first = shownTogether(takeFirstReads());
localizePage('settings_page_title');
const root = document.getElementById('app');
if (root) render(<App first={first} />, root);
