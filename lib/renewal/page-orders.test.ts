import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forgetClosedTabs, readPageOrders, receivePageReport, rememberPageOrders } from './page-orders';
import { PAGE_BADGE_COLOR } from './tab-badge';

const URL = 'https://www.digicert.com/secure/orders/';
const badge = async (tabId: number) => ({
  text: await fakeBrowser.action.getBadgeText({ tabId }),
  title: await fakeBrowser.action.getTitle({ tabId }),
  color: await fakeBrowser.action.getBadgeBackgroundColor({ tabId }),
});

describe('page orders per tab', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps each tab’s report and shows its count on that tab only', async () => {
    await rememberPageOrders(1, { url: URL, orderIds: [11, 12, 13] });
    await rememberPageOrders(2, { url: `${URL}21`, orderIds: [21] });
    expect(await readPageOrders(1)).toMatchObject({ url: URL, orderIds: [11, 12, 13] });
    expect(await badge(1)).toEqual({ text: '3', title: '3 orders on this page', color: [26, 115, 232, 255] });
    expect((await badge(2)).title).toBe('1 order on this page');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('forgets the tab and clears its badge when the page reports none', async () => {
    await rememberPageOrders(1, { url: `${URL}11`, orderIds: [11] });
    await rememberPageOrders(1, { url: 'https://www.digicert.com/secure/reports', orderIds: [] });
    expect(await readPageOrders(1)).toBeNull();
    expect((await badge(1)).text).toBe('');
    expect((await badge(1)).title).toBe('');
  });

  it('gives a Chrome tab the global title and color back (Chrome cannot reset them to global)', async () => {
    await fakeBrowser.action.setTitle({ title: 'CertCentral Companion: 2 orders need attention' });
    await fakeBrowser.action.setBadgeBackgroundColor({ color: '#b3261e' });
    await rememberPageOrders(1, { url: `${URL}11`, orderIds: [11] });
    const refuseNull = (details: { title?: unknown; color?: unknown }) => {
      if (details.title === null || details.color === null) throw new Error('Missing required property');
    };
    const setTitle = fakeBrowser.action.setTitle;
    vi.spyOn(fakeBrowser.action, 'setTitle').mockImplementation(async (d) => {
      refuseNull(d);
      return setTitle(d);
    });
    await rememberPageOrders(1, { url: `${URL}11`, orderIds: [] });
    expect(await badge(1)).toEqual({
      text: '',
      title: 'CertCentral Companion: 2 orders need attention',
      color: [179, 38, 30, 255],
    });
  });

  it('applies one tab’s reports in order', async () => {
    const first = rememberPageOrders(1, { url: URL, orderIds: [1, 2] });
    const second = rememberPageOrders(1, { url: URL, orderIds: [] });
    await Promise.all([first, second]);
    expect(await readPageOrders(1)).toBeNull();
    expect((await badge(1)).text).toBe('');
  });

  it('forgets a closed tab without touching its badge', async () => {
    await rememberPageOrders(1, { url: URL, orderIds: [1] });
    const setBadgeText = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    await rememberPageOrders(1, null);
    expect(await readPageOrders(1)).toBeNull();
    expect(setBadgeText).not.toHaveBeenCalled();
  });

  it('forgets, at a start, the tabs that closed while the background was stopped', async () => {
    await rememberPageOrders(1, { url: URL, orderIds: [1] });
    await rememberPageOrders(2, { url: URL, orderIds: [2] });
    await rememberPageOrders(3, { url: URL, orderIds: [3] });
    await fakeBrowser.storage.session.set({ settingsView: { version: 1 } });
    const setBadgeText = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    setBadgeText.mockClear();
    await forgetClosedTabs([2, 7]);
    expect(await readPageOrders(1)).toBeNull();
    expect(await readPageOrders(2)).toMatchObject({ orderIds: [2] });
    expect(await readPageOrders(3)).toBeNull();
    expect(await fakeBrowser.storage.session.get('settingsView')).toEqual({ settingsView: { version: 1 } });
    expect(setBadgeText).not.toHaveBeenCalled();
  });

  it('sees no page orders once the tab has left the console', async () => {
    await rememberPageOrders(1, { url: URL, orderIds: [1] });
    expect(await readPageOrders(1, `${URL}1`)).not.toBeNull();
    expect(await readPageOrders(1, 'https://example.com/')).toBeNull();
    expect(await readPageOrders(1, undefined)).not.toBeNull();
  });

  it('survives a tab that closed before its badge was set', async () => {
    vi.spyOn(fakeBrowser.action, 'setBadgeText').mockRejectedValue(new Error('No tab with id: 1'));
    await expect(rememberPageOrders(1, { url: URL, orderIds: [1] })).resolves.toBeUndefined();
    expect(PAGE_BADGE_COLOR).toBe('#1a73e8');
  });

  it('files a report under the sender’s tab and URL, whatever the message carries', async () => {
    const forged = { orderIds: [7], url: 'https://www.digicert.com/secure/orders/999', tabId: 2 };
    await receivePageReport(forged, { id: 'x', url: `${URL}7`, frameId: 0, tab: { id: 1 } });
    expect(await readPageOrders(1)).toMatchObject({ url: `${URL}7`, orderIds: [7] });
    expect(await readPageOrders(2)).toBeNull();
  });

  it.each([
    ['no tab', { url: URL, frameId: 0 }],
    ['a subframe', { url: URL, frameId: 3, tab: { id: 1 } }],
    ['no URL', { frameId: 0, tab: { id: 1 } }],
    [
      'a page that is not the console',
      { url: 'https://evil.example/secure/orders/', frameId: 0, tab: { id: 1 } },
    ],
    [
      'the console site outside /secure/',
      { url: 'https://www.digicert.com/blog/', frameId: 0, tab: { id: 1 } },
    ],
    ['plain http', { url: 'http://www.digicert.com/secure/orders/', frameId: 0, tab: { id: 1 } }],
  ])('refuses a report from %s and keeps nothing', async (_, sender) => {
    await expect(receivePageReport({ orderIds: [7] }, sender)).rejects.toThrow(/Refused/);
    expect(await readPageOrders(1)).toBeNull();
    expect((await badge(1)).text).toBe('');
  });
});
