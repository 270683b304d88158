import { render } from 'preact';
import '@/assets/styles.css';
import { readInTime } from '@/lib/first-screen';
import { localizePage } from '@/lib/i18n/page';
import { readTemplateSummaries } from '@/lib/templates/summaries';
import { App } from './App';

localizePage('common_extension_name');
const read = readTemplateSummaries().catch(() => []);
const root = document.getElementById('app');
// Drawn with its list, in one frame (lib/first-screen.ts); without it when the read is slow.
if (root)
  void readInTime(read).then((first) => render(<App read={read} first={first?.value ?? null} />, root));
