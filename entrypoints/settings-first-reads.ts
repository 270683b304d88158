import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { askFirstReadsEarly } from '@/lib/settings/first-reads';

// The settings page's first reads, asked as soon as this script arrives rather than once the page's
// module graph has loaded (lib/settings/first-reads.ts). A classic script of its own, listed first
// in entrypoints/options/index.html, so it shares no chunk with the page's modules.
export default defineUnlistedScript(() => askFirstReadsEarly());
