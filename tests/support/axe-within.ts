/**
 * axe-core's WCAG 2.x A/AA rules on one part of a page, in the light and the dark scheme: for a
 * panel whose page other work also changes, so only the panel's own findings fail its test.
 * Injected through the DevTools protocol as in accessibility-checks.ts (the page's CSP refuses scripts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { SCHEMES } from './accessibility-checks';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

export async function violationsWithin(page: Page, selector: string): Promise<string[]> {
  const found: string[] = [];
  const cdp = await page.context().newCDPSession(page);
  try {
    for (const colorScheme of SCHEMES) {
      await page.emulateMedia({ colorScheme });
      const loaded = await cdp.send('Runtime.evaluate', { expression: 'typeof axe' });
      if (loaded.result.value !== 'object') await cdp.send('Runtime.evaluate', { expression: AXE_SOURCE });
      const run = await cdp.send('Runtime.evaluate', {
        expression: `axe.run(${JSON.stringify(selector)}, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_TAGS)} }, resultTypes: ['violations'] })
          .then((r) => JSON.stringify(r.violations.flatMap((v) => v.nodes.map((n) => v.id + ' at ' + n.target.join(' ') + ': ' + v.help))))`,
        awaitPromise: true,
        returnByValue: true,
      });
      if (run.exceptionDetails) throw new Error(`axe failed: ${run.exceptionDetails.exception?.description}`);
      for (const line of JSON.parse(run.result.value as string) as string[])
        found.push(`[${colorScheme}] ${line}`);
    }
  } finally {
    await page.emulateMedia({ colorScheme: 'light' });
    await cdp.detach();
  }
  return found;
}
