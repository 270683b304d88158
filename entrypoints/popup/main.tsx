import { render } from 'preact';
import '@/assets/styles.css';
import { localizePage } from '@/lib/i18n/page';
import { readTemplateSummaries } from '@/lib/templates/summaries';
import { App } from './App';

localizePage('common_extension_name');
// The template list is read before the first render, so the first frame is already usable.
const root = document.getElementById('app');
void readTemplateSummaries()
  .catch(() => [])
  .then((templates) => {
    if (!root) return;
    render(<App initialTemplates={templates} />, root);
  });
