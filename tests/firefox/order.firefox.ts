/**
 * The Firefox build (.output/firefox-mv2) in Firefox ESR, driven over WebDriver BiDi, against the
 * local sandbox: the add-on installs and its background runs, the settings page and the popup show
 * their first screens, and one order placed from the popup reaches the sandbox exactly once.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportJson } from '../../lib/templates/import-export';
import type { Template } from '../../lib/templates/model';
import { SANDBOX_KEYS } from '../sandbox/seed';
import { type Sandbox, startSandbox } from '../sandbox/server';
import { EV_ORDER_PATH, expectSentAsReviewed } from '../support/sandbox-orders';
import { evTemplateBody, makeShopCsr } from '../support/shop-order';
import { evTemplate } from '../support/stored-templates';
import { type FirefoxExtension, launchFirefoxExtension, openTab, waitForTab } from './firefox';
import { byLabel, byRole, byText, click, fill } from './page-ui';

/** The popup is opened as a tab of the popup's size. */
const POPUP_SIZE = { width: 360, height: 600 };

let sandbox: Sandbox;
let firefox: FirefoxExtension;
let workDir: string;

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'certcentral-firefox-'));
  sandbox = await startSandbox({ port: 0 });
  firefox = await launchFirefoxExtension(sandbox.port);
});

afterAll(async () => {
  await firefox?.close();
  await sandbox?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('Firefox ESR', () => {
  it('installs the add-on, whose background opens the settings on install', async () => {
    expect(firefox.extensionId).toBe('certcentral-companion@tools.local');
    // Only the background can open this tab (runtime.onInstalled): seeing it proves it started.
    const options = await waitForTab(firefox.browser, firefox.extensionUrl('options.html'));
    await byRole(options, 'heading', 'CertCentral connection');
    await byLabel(options, 'API key');
  });

  it('shows the popup’s first screen: connect the account, then make a template', async () => {
    const popup = await openTab(firefox.browser, firefox.extensionUrl('popup.html'), POPUP_SIZE);
    expect(await popup.evaluate(() => window.innerWidth)).toBe(POPUP_SIZE.width);
    await byText(popup, 'Connect your CertCentral account');
    await byRole(popup, 'button', 'Open settings');
    await byRole(popup, 'button', 'Create a template');
    await popup.close();
  });

  it('saves the sandbox key in the settings and shows who it belongs to', async () => {
    const options = await waitForTab(firefox.browser, firefox.extensionUrl('options.html'));
    await fill(await byLabel(options, 'API key'), SANDBOX_KEYS.admin);
    await click(options, 'button', 'Save key');
    await byText(options, 'Connected as Ada Admin');
    const me = sandbox.requestLog.filter((entry) => entry.path === '/services/v2/user/me');
    expect(me.at(-1)?.status).toBe(200);
    expect(me.at(-1)?.host).toBe('www.digicert.com');
  });

  it('imports a template file in the settings', async () => {
    const file = join(workDir, 'templates.json');
    writeFileSync(file, exportJson([evTemplate(60001) as unknown as Template], new Date()));
    const options = await waitForTab(firefox.browser, firefox.extensionUrl('options.html'));
    const input = (await byLabel(options, 'Import templates (JSON file)')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(file);
    await byText(options, 'Imported 1 template.');
  });

  it('places one order from the popup, which the sandbox receives exactly once', async () => {
    const csrPem = await makeShopCsr();
    const ordersBefore = sandbox.state.orders.length;
    const popup = await openTab(firefox.browser, firefox.extensionUrl('popup.html'), POPUP_SIZE);
    await byText(popup, 'Ada Admin · account #5550001 · US (www.digicert.com)');
    // The template's button also names its product and use count: found by its name's text.
    await (await byText(popup, 'Web EV (sandbox)')).click();
    await fill(await byLabel(popup, 'Years of coverage'), '1');
    await fill(await byLabel(popup, 'Paste the CSR, or drop its file here'), csrPem);
    await byText(popup, 'ECDSA P-256');

    await click(popup, 'button', 'Review order');
    const body = await byLabel(popup, 'Request body');
    const reviewed = JSON.parse(await body.evaluate((e) => (e as HTMLTextAreaElement).value));
    expect(reviewed).toEqual(evTemplateBody(csrPem));
    await click(popup, 'button', 'Place order');
    await byRole(popup, 'heading', 'Order handed to the outbox');

    // The popup names the order once the background has placed it and read its number back.
    await expect.poll(() => sandbox.state.orders.length, { timeout: 15_000 }).toBe(ordersBefore + 1);
    const order = sandbox.state.orders.at(-1);
    await byText(popup, `order #${order?.id}`);
    const altId = await expectSentAsReviewed(sandbox, reviewed);
    expect(order?.alternative_order_id).toBe(altId);
    expect(sandbox.requestLog.filter((e) => e.method === 'POST' && e.path === EV_ORDER_PATH)).toHaveLength(1);
    await popup.close();
  });

  it('reached nothing but the sandbox', () => {
    expect(firefox.proxy.tunnelled.length).toBeGreaterThan(0);
    expect(new Set(firefox.proxy.tunnelled)).toEqual(new Set(['www.digicert.com:443']));
    expect(sandbox.requestLog.every((e) => e.host === 'www.digicert.com')).toBe(true);
  });
});
