import { render } from 'preact';
import '@/assets/styles.css';
import { readTemplateSummaries } from '@/lib/templates/summaries';
import { App } from './App';

// The template list is read before the first render, so the first frame is already usable.
const root = document.getElementById('app');
void readTemplateSummaries()
  .catch(() => [])
  .then((templates) => {
    if (!root) return;
    render(<App initialTemplates={templates} />, root);
    // `npm run bench` measures the popup's open time up to this mark.
    performance.mark('popup-usable');
  });
