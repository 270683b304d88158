/**
 * Nothing outside the extension's own pages can act or read. From the content script's world, from
 * a console page's own script and from a second installed extension, every message meant for the
 * extension's pages is tried with a valid payload: each must be refused, and nothing may happen
 * (no API call, no order, settings and templates unchanged). Also: the content script's world
 * cannot write storage.local, and what is written there (as a Firefox content script could) changes
 * no template and no region; the page sees no message from the extension and cannot stop its
 * content script; a report is filed under the sender's URL, not the one it claims.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_KEYS } from '../sandbox/seed';
import { type Sandbox, startSandbox } from '../sandbox/server';
import { type ExtensionBrowser, launchExtension } from '../support/browser';
import { contentScriptWorld } from '../support/content-world';
import { callBackground } from '../support/extension-calls';
import { PRIVILEGED_MESSAGES } from '../support/fixtures/privileged-messages';
import { readStoredTemplates, renewalTemplate, storeTemplates } from '../support/stored-templates';

const ORIGIN = 'https://www.digicert.com';
const OUTSIDER_DIR = resolve(import.meta.dirname, '../support/fixtures/other-extension');

/** The one sender used from every origin (the second extension's worker defines it at start). */
const TRY_MESSAGES = readFileSync(join(OUTSIDER_DIR, 'outsider.js'), 'utf8');

type Outcome = { type: string; reply?: unknown; error?: string };
/** Acted on = the background's handler answered (`{ res }`); a refusal is `{ err }`, no listener or a throw. */
const actedOn = (o: Outcome) => typeof o.reply === 'object' && o.reply !== null && 'res' in o.reply;

let sandbox: Sandbox;
let browser: ExtensionBrowser;
let options: Page;
const tried: Record<string, Outcome[]> = {};
const summary: Record<string, unknown> = {};

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  browser = await launchExtension(sandbox.port, { extensions: [OUTSIDER_DIR] });
  options = await browser.context.newPage();
  await options.goto(browser.extensionUrl('options.html'));
  const saved = await callBackground(options, 'saveApiKey', { apiKey: SANDBOX_KEYS.admin, region: 'us' });
  if (!saved.ok) throw new Error(`the sandbox key was not saved: ${saved.error.title}`);
  await storeTemplates(options, [renewalTemplate()]);
});

afterAll(async () => {
  const attempts = Object.values(tried).flat();
  Object.assign(summary, {
    privilegedMessages: PRIVILEGED_MESSAGES.length,
    origins: Object.keys(tried),
    tried: attempts.length,
    refused: attempts.filter((o) => !actedOn(o)).length,
  });
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/outside-summary.json', `${JSON.stringify(summary, null, 2)}\n`);
  console.log(
    `outside summary: ${summary.tried} privileged messages tried from outside (${PRIVILEGED_MESSAGES.length} × ${Object.keys(tried).length} origins), ${summary.refused} refused`,
    JSON.stringify(summary),
  );
  await browser?.close();
  await sandbox?.close();
});

const templates = async () => JSON.stringify(await readStoredTemplates(options));
const apiCalls = () => sandbox.requestLog.filter((e) => e.path.startsWith('/services/')).length;

async function consolePage(path: string, init?: (name: string) => void, name = ''): Promise<Page> {
  const page = await browser.context.newPage();
  if (init) await page.addInitScript(init, name);
  await page.goto(`${ORIGIN}${path}`);
  return page;
}

/** What the background keeps for the tab showing `page` (storage.session, per tab). */
async function stored(page: Page): Promise<{ url: string; orderIds: number[] } | null> {
  return (await browser.worker.evaluate(`(async () => {
    const tab = (await chrome.tabs.query({})).find((t) => t.url === ${JSON.stringify(page.url())});
    const key = 'page-orders:' + tab?.id;
    return (await chrome.storage.session.get(key))[key] ?? null;
  })()`)) as { url: string; orderIds: number[] } | null;
}

async function reported(page: Page, ids: number[]): Promise<void> {
  await expect.poll(async () => (await stored(page))?.orderIds, { timeout: 8_000 }).toEqual(ids);
}

describe('from outside the extension’s pages', () => {
  it('refuses every privileged message from the content script, the page and another extension', async () => {
    const settingsBefore = await callBackground(options, 'getSettings', undefined);
    const templatesBefore = await templates();
    const ordersBefore = sandbox.state.orders.length;
    const callsBefore = apiCalls();

    const page = await consolePage('/secure/orders/10000001');
    const world = await contentScriptWorld(page, 'CertCentral Companion');
    const tryFrom = (target: string | null) =>
      `${TRY_MESSAGES}; tryMessages(${JSON.stringify(target)}, ${JSON.stringify(PRIVILEGED_MESSAGES)}).then(JSON.stringify)`;
    tried.contentScriptWorld = JSON.parse(await world.evaluate(tryFrom(null)));
    tried.consolePageScript = JSON.parse(await page.evaluate(tryFrom(browser.extensionId)));
    const outsider = await outsiderWorker();
    tried.otherExtension = JSON.parse((await outsider.evaluate(tryFrom(browser.extensionId))) as string);
    // Control: the same sender, from the extension's own page, is answered.
    const control = `${TRY_MESSAGES}; tryMessages(null, [{ type: 'getSettings' }])`;
    expect(actedOn(((await options.evaluate(control)) as Outcome[])[0] ?? { type: '' })).toBe(true);

    for (const [origin, outcomes] of Object.entries(tried)) {
      expect(
        outcomes.map((o) => o.type),
        origin,
      ).toEqual(PRIVILEGED_MESSAGES.map((m) => m.type));
      expect(outcomes.filter(actedOn), origin).toEqual([]);
    }
    // The content script reaches the background, which refuses by sender.
    for (const o of tried.contentScriptWorld ?? [])
      expect((o.reply as { err?: { message?: string } }).err?.message).toMatch(/^Refused /);

    // Nothing happened: no API call, no order, settings and templates as they were.
    expect(apiCalls()).toBe(callsBefore);
    expect(sandbox.state.orders.length).toBe(ordersBefore);
    expect(await callBackground(options, 'getSettings', undefined)).toEqual(settingsBefore);
    expect(await templates()).toBe(templatesBefore);
    expect(await callBackground(options, 'listSubmissions', {})).toMatchObject({
      ok: true,
      value: { submissions: [] },
    });
    // The page has no extension messaging at all (no extension lists console pages in
    // externally_connectable), and the background listens to nothing from outside.
    expect(tried.consolePageScript?.every((o) => o.error?.includes('not exposed'))).toBe(true);
    const outside = (await browser.worker.evaluate(`({
      listening: chrome.runtime.onMessageExternal.hasListeners() || chrome.runtime.onConnectExternal.hasListeners(),
      declared: chrome.runtime.getManifest().externally_connectable ?? null,
    })`)) as { listening: boolean; declared: { ids?: string[]; matches?: string[] } | null };
    expect(outside.listening).toBe(false);
    // Where the manifest declares it, it lets no one in.
    expect([...(outside.declared?.ids ?? []), ...(outside.declared?.matches ?? [])]).toEqual([]);
    summary.externallyConnectable = outside.declared;
    summary.otherExtensionError = tried.otherExtension?.[0]?.error ?? null;
  });

  it('keeps storage.local out of the content script’s reach', async () => {
    const before = await templates();
    const page = await consolePage('/secure/orders/10000001');
    const world = await contentScriptWorld(page, 'CertCentral Companion');
    const evil = JSON.stringify([{ ...renewalTemplate(), name: 'Injected', fields: {} }]);
    const write = await world.evaluate(
      `chrome.storage.local.set({ templates: ${evil} }).then(() => 'written', (e) => 'refused: ' + e.message)`,
    );
    const read = await world.evaluate(
      `chrome.storage.local.get(null).then((all) => 'read ' + Object.keys(all), (e) => 'refused: ' + e.message)`,
    );
    summary.storageLocalFromContentScript = { write, read };
    expect(write).toMatch(/^refused: /);
    expect(read).toMatch(/^refused: /);
    expect(await templates()).toBe(before);
  });

  it('decides nothing from storage.local: the keys older versions used change no template and no region', async () => {
    const before = await templates();
    const settingsBefore = await callBackground(options, 'getSettings', undefined);
    expect(settingsBefore).toMatchObject({ ok: true, value: { region: 'us' } });
    // Firefox has no switch that closes storage.local, so there a content script could write it.
    // Written here from an extension page, as such a script would: the same template renamed, and
    // the other region, under the keys and version markers older versions read.
    const old = {
      templates: [{ ...renewalTemplate(), name: 'Injected' }],
      templates$: { v: 1 },
      preferences: { region: 'eu', idleMinutes: 15 },
      preferences$: { v: 2 },
    };
    await options.evaluate(
      (items) =>
        (
          globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }
        ).chrome.storage.local.set(items),
      old,
    );
    await options.reload();
    expect(await templates()).toBe(before);
    expect(await callBackground(options, 'getSettings', undefined)).toEqual(settingsBefore);
    const popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl('popup.html'));
    // Attached, not necessarily visible: when the popup opens on a renewal suggested by an earlier
    // test's console tab, the template is an option of its select rather than a button of the list.
    await popup.getByText(renewalTemplate().name).first().waitFor({ state: 'attached' });
    expect(await popup.getByText('Injected').count()).toBe(0);
    await popup.close();
    summary.oldStorageLocalKeysIgnored = true;
  });

  it('files a report under the sender’s URL, not the one it claims', async () => {
    // A URL no other tab of this file shows (stored() finds the tab by its URL).
    const page = await consolePage('/secure/orders/10000002');
    await reported(page, [10000002]);
    const world = await contentScriptWorld(page, 'CertCentral Companion');
    const claimed = { url: `${ORIGIN}/secure/orders/424242`, orderIds: [424242] };
    const reply = await world.evaluate(
      `chrome.runtime.sendMessage({ id: 1, type: 'reportPageOrders', data: ${JSON.stringify(claimed)}, timestamp: Date.now() }).then(JSON.stringify)`,
    );
    expect(JSON.parse(reply)).not.toHaveProperty('err');
    expect(await stored(page)).toMatchObject({ url: page.url(), orderIds: [424242] });
    summary.claimedUrlStored = (await stored(page))?.url === claimed.url;
  });

  it('tells the page nothing, and a forged "started" message does not stop the content script', async () => {
    const started = `${browser.extensionId}:certcentral:wxt:content-script-started`;
    // The orders list with no rows, showing one order through its hash route.
    const page = await consolePage(
      '/secure/orders/?rows=0#10000001',
      (name) => {
        const seen: unknown[] = [];
        const events: unknown[] = [];
        Object.assign(window, { seenMessages: seen, seenEvents: events });
        window.addEventListener('message', (event) => seen.push(event.data));
        document.addEventListener(name, (event) => events.push((event as CustomEvent).detail ?? null));
      },
      started,
    );
    await reported(page, [10000001]);
    await page.waitForTimeout(500);
    const { seenMessages, seenEvents } = (await page.evaluate('({ seenMessages, seenEvents })')) as {
      seenMessages: unknown[];
      seenEvents: unknown[];
    };
    summary.windowMessagesSeenByPage = seenMessages.length;
    // Not even a page that knows the extension's id hears WXT's "started" DOM event.
    summary.wxtDocumentEventsSeenByPage = seenEvents.length;
    expect(seenMessages).toEqual([]);
    expect(seenEvents).toEqual([]);

    await page.evaluate((name) => {
      const detail = { contentScriptName: 'certcentral', messageId: 'forged' };
      window.postMessage({ type: name, ...detail }, '*');
      document.dispatchEvent(new CustomEvent(name, { detail }));
    }, started);
    // The page's listener works: it saw the message it forged itself, and nothing else.
    expect(await page.evaluate('seenMessages.length')).toBe(1);
    // Still running: it follows a hash change and a pushState as before.
    await page.evaluate(() => {
      location.hash = '#10000003';
    });
    await reported(page, [10000003]);
    await page.evaluate(() => history.pushState({}, '', '/secure/orders/10000004'));
    await reported(page, [10000004]);
    summary.contentScriptSurvivedForgedStop = true;
  });
});

async function outsiderWorker(): Promise<Worker> {
  const isOutsider = (w: Worker) => w.url().endsWith('/outsider.js');
  return (
    browser.context.serviceWorkers().find(isOutsider) ??
    (await browser.context.waitForEvent('serviceworker', { predicate: isOutsider, timeout: 15_000 }))
  );
}
