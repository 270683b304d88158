/**
 * A person's view of an extension page in Firefox: elements found by role and name, by label, or by
 * text, each waited for. When one does not appear, the error says what the page showed instead, as
 * Firefox 140 sends no console or script errors of moz-extension pages over WebDriver BiDi.
 */
import type { ElementHandle, Page } from 'puppeteer-core';

const WAIT_MS = 15_000;

/** Rethrows a failed wait with the page's text: a blank page means its script failed. */
async function explained<T>(page: Page, what: string, wait: Promise<T>): Promise<T> {
  try {
    return await wait;
  } catch (error) {
    const shown = await page
      .evaluate(() => ({
        url: location.href,
        // biome-ignore lint/performance/useDomNodeTextContent: the rendered text keeps words apart.
        text: document.body?.innerText ?? '',
      }))
      .then(({ url, text }) => {
        const words = text.replace(/\s+/g, ' ').trim();
        return `${url} shows: ${words === '' ? '(nothing: the page is blank)' : words.slice(0, 1500)}`;
      })
      .catch((e: unknown) => `the page could not be read (${String(e)})`);
    throw new Error(`${what} did not appear; ${shown}`, { cause: error });
  }
}

/** An element found by its accessible role and name, as a person (or a screen reader) finds it. */
export async function byRole(page: Page, role: string, name: string): Promise<ElementHandle<Element>> {
  const found = await explained(
    page,
    `A ${role} named “${name}”`,
    page.waitForSelector(`::-p-aria([name="${name}"][role="${role}"])`, { timeout: WAIT_MS }),
  );
  if (!found) throw new Error(`no ${role} named “${name}”`);
  return found;
}

/** The smallest element whose text contains `text`. */
export async function byText(page: Page, text: string): Promise<ElementHandle<Element>> {
  const found = await explained(
    page,
    `The text “${text}”`,
    page.waitForSelector(`::-p-text(${JSON.stringify(text)})`, { timeout: WAIT_MS }),
  );
  if (!found) throw new Error(`no text “${text}”`);
  return found;
}

/**
 * The form control of the label whose text is exactly `label`. Polled from here: Puppeteer's
 * waitForFunction builds its predicate with Function(), which the extension pages' CSP refuses.
 */
export function byLabel(page: Page, label: string): Promise<ElementHandle<Element>> {
  const poll = async (): Promise<ElementHandle<Element>> => {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const found = await page.evaluateHandle(
        (text) =>
          [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === text)?.control ??
          null,
        label,
      );
      const field = found.asElement();
      if (field) return field as ElementHandle<Element>;
      await found.dispose();
      if (Date.now() > deadline) throw new Error(`no field labelled “${label}” within ${WAIT_MS} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  return explained(page, `A field labelled “${label}”`, poll());
}

export async function click(page: Page, role: string, name: string): Promise<void> {
  await (await byRole(page, role, name)).click();
}

/** Replaces a text field's value by selecting what is there and typing over it (real key events). */
export async function fill(field: ElementHandle<Element>, value: string): Promise<void> {
  await field.evaluate((element) => (element as HTMLInputElement).select());
  await field.type(value);
}
