import { render } from 'preact';
import '@/assets/styles.css';
import { localizePage } from '@/lib/i18n/page';
import { App, askFirstReads } from './App';

// Asked before anything is drawn: the first screen waits for these answers.
const first = askFirstReads();
localizePage('settings_page_title');
const root = document.getElementById('app');
if (root) render(<App first={first} />, root);
