/**
 * Accessibility checks run inside the extension's pages: axe-core's WCAG 2.x A/AA rules, reflow
 * (nothing cut off sideways), keyboard reach with a visible focus indicator, and errors tied to
 * their fields. Each returns what it found, so a failing test prints the elements to fix.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
export const SCHEMES = ['light', 'dark'] as const;
export type Scheme = (typeof SCHEMES)[number];

export type Violation = { id: string; impact: string; targets: string[]; html: string; help: string };

/**
 * Runs axe on the page as it is. The extension's CSP (script-src 'self') refuses injected scripts,
 * so axe goes in through the DevTools protocol, which the page's CSP does not govern.
 */
export async function axeViolations(page: Page): Promise<Violation[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const loaded = await cdp.send('Runtime.evaluate', { expression: 'typeof axe' });
    if (loaded.result.value !== 'object') await cdp.send('Runtime.evaluate', { expression: AXE_SOURCE });
    const run = await cdp.send('Runtime.evaluate', {
      expression: `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_TAGS)} }, resultTypes: ['violations'] })
        .then((r) => JSON.stringify(r.violations.flatMap((v) => v.nodes.map((n) => ({
          id: v.id, impact: n.impact ?? v.impact ?? '', help: v.help,
          targets: n.target.map(String), html: n.html.slice(0, 160),
        })))))`,
      awaitPromise: true,
      returnByValue: true,
    });
    if (run.exceptionDetails) throw new Error(`axe failed: ${run.exceptionDetails.exception?.description}`);
    return JSON.parse(run.result.value as string);
  } finally {
    await cdp.detach();
  }
}

/** One line per element: what to fix and where. */
export const describeViolations = (where: string, list: readonly Violation[]): string =>
  list
    .map((v) => `${where}: ${v.id} (${v.impact}) at ${v.targets.join(' ')} — ${v.help}\n    ${v.html}`)
    .join('\n');

/** axe in the light and the dark scheme (their colours differ); every violation found, labelled. */
export async function violationsInBothSchemes(page: Page, where: string): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    const list = await axeViolations(page);
    if (list.length > 0) found.push(describeViolations(`${where} [${colorScheme}]`, list));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

export type Overflow = { scrollWidth: number; innerWidth: number; spilling: string[] };

/**
 * What sticks out sideways: the document wider than the window, and boxes whose content is wider
 * than the box without a scrollbar of their own (text cut off or running over its neighbours).
 * Form controls scroll their own text, so they are left out.
 */
export function horizontalOverflow(page: Page): Promise<Overflow> {
  return page.evaluate(() => {
    const name = (el: Element) => {
      const id = el.id ? `#${el.id}` : '';
      const cls =
        typeof el.className === 'string' && el.className ? `.${el.className.split(' ').join('.')}` : '';
      return `${el.tagName.toLowerCase()}${id}${cls} “${(el.textContent ?? '').trim().slice(0, 40)}”`;
    };
    const spilling: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      if (el.closest('input, select, textarea, option, .visually-hidden, svg')) continue;
      const style = getComputedStyle(el);
      if (style.display === 'inline' || style.display === 'none' || style.display === 'contents') continue;
      if (['auto', 'scroll'].includes(style.overflowX)) continue;
      const box = el as HTMLElement;
      if (box.clientWidth > 0 && box.scrollWidth > box.clientWidth + 1)
        spilling.push(`${name(el)}: content ${box.scrollWidth}px in a ${box.clientWidth}px box`);
    }
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      spilling,
    };
  });
}

/**
 * Whether content taller than the window can be scrolled to (rather than being cut at the bottom):
 * scrolls to the end and back, and says how far it got.
 */
export function verticalReach(
  page: Page,
): Promise<{ overflow: number; scrolled: number; clipped: string[] }> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const overflow = root.scrollHeight - window.innerHeight;
    window.scrollTo(0, root.scrollHeight);
    const scrolled = window.scrollY;
    window.scrollTo(0, 0);
    const clipped = [document.documentElement, document.body]
      .filter(
        (el) => getComputedStyle(el).overflowY === 'hidden' || getComputedStyle(el).overflowY === 'clip',
      )
      .map((el) => el.tagName.toLowerCase());
    return { overflow: Math.max(0, overflow), scrolled, clipped };
  });
}

export type TabStop = { name: string; focusRing: boolean };

const CONTROLS =
  'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';

/** What the page keeps while Tab is pressed through it. */
type TabRecord = { tabbed: Element[]; rings: string[]; wrapped: boolean; listening?: boolean };

/**
 * Presses Tab through the page until focus comes back round to a control it already reached, and
 * compares each control's outline and box-shadow while focused with the same control unfocused.
 * Returns the stops in order and the visible controls Tab never reached (a radio group counts as
 * reached through any of its radios, as the browser tabs to one of them).
 */
export async function tabThrough(page: Page): Promise<{ stops: TabStop[]; unreached: string[] }> {
  const controls = await page.evaluate((selector) => {
    const record = window as unknown as TabRecord;
    record.tabbed = [];
    record.rings = [];
    record.wrapped = false;
    if (!record.listening) {
      record.listening = true;
      // Read at focus time, while :focus-visible applies.
      document.addEventListener('focusin', (event) => {
        const el = event.target;
        if (!(el instanceof Element) || record.wrapped) return;
        if (record.tabbed.includes(el)) {
          record.wrapped = true;
          return;
        }
        const s = getComputedStyle(el);
        record.tabbed.push(el);
        record.rings.push(`${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} | ${s.boxShadow}`);
      });
    }
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
    return document.querySelectorAll(selector).length;
  }, CONTROLS);
  // Past the last control focus leaves the page; the next Tab starts again at the top.
  for (let pressed = 0; pressed < 2 * controls + 10; pressed++) {
    await page.keyboard.press('Tab');
    if (pressed % 10 === 9 && (await page.evaluate(() => (window as unknown as TabRecord).wrapped))) break;
  }
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  return page.evaluate((selector) => {
    const { tabbed, rings } = window as unknown as TabRecord;
    const label = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} “${(
        el.getAttribute('aria-label') ??
        (el as HTMLInputElement).labels?.[0]?.textContent ??
        el.textContent ??
        ''
      )
        .trim()
        .slice(0, 40)}”`;
    const stops = tabbed.map((el, i) => {
      const s = getComputedStyle(el);
      const rest = `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} | ${s.boxShadow}`;
      const ring = rings[i] ?? '';
      const outlined = !ring.startsWith('none') && !/^\S+ 0px/.test(ring);
      return { name: label(el), focusRing: ring !== rest && (outlined || !ring.endsWith('| none')) };
    });
    const unreached = Array.from(document.querySelectorAll(selector))
      .filter((el) => {
        if ((el as HTMLButtonElement).disabled) return false;
        // Also false inside a closed <details>, whose content keeps its boxes.
        if (!el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true })) return false;
        if (el.closest('[inert]')) return false;
        if (tabbed.includes(el)) return false;
        const radio = el as HTMLInputElement;
        if (radio.type === 'radio')
          return !tabbed.some(
            (t) => (t as HTMLInputElement).type === 'radio' && (t as HTMLInputElement).name === radio.name,
          );
        return true;
      })
      .map(label);
    return { stops, unreached };
  }, CONTROLS);
}

export type FieldErrorLink = {
  field: string;
  /** What the field's aria-describedby points at, in order. */
  describedText: string;
  /** The part of that said in a live region (role=alert or status, aria-live): the problem, announced. */
  announcedText: string;
};

/**
 * Each field marked aria-invalid, with what its aria-describedby points at: a screen reader says that
 * on reaching the field, and the part inside a live region was announced when it appeared.
 */
export function invalidFields(page: Page): Promise<FieldErrorLink[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('[aria-invalid="true"]')).map((el) => {
      const targets = (el.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .flatMap((id) => document.getElementById(id) ?? []);
      const text = (list: Element[]) =>
        list
          .map((t) => t.textContent ?? '')
          .join(' ')
          .trim();
      const live = targets.filter((t) =>
        t.closest('[role="alert"], [role="status"], [aria-live="polite"], [aria-live="assertive"]'),
      );
      return {
        field: el.id || el.tagName.toLowerCase(),
        describedText: text(targets),
        announcedText: text(live),
      };
    }),
  );
}
