import { render } from 'preact';
import '@/assets/styles.css';
import { localizePage } from '@/lib/i18n/page';
import { App } from './App';

localizePage('settings_page_title');
const root = document.getElementById('app');
if (root) render(<App />, root);
