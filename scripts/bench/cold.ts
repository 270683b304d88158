/**
 * The first opening after a browser restart: right after Chromium starts, `storage.managed` answers
 * only seconds later (lib/policy/seen.ts), and a page that waited for it would open that much later.
 * The warm rounds (pages.ts) never see this. Here one profile is prepared like the warm rounds' (the
 * key, the templates, and the policy the background keeps once the browser answers), then Chromium
 * is restarted on it again and again; a second after each start, as a person clicks the toolbar
 * button once the window is there, it opens the popup or the floor page, in turn, once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { POLICY_SEEN_RECORD } from '../../lib/policy/seen';
import { PRIVATE_DATABASE } from '../../lib/storage/private-store';
import { launchChromium, Tab } from './cdp';
import { FLOOR_PAGE, installFirstScreenMarks, openPage } from './pages';

/** How long after the browser starts the page is opened. */
const OPENED_AFTER_START_MS = 1000;

export type ColdTimes = { popup: number[]; floor: number[] };

type Setup = {
  chromium: string;
  args: string[];
  origin: string;
  /** Saves the key and stores the templates, from an extension page. */
  prepare(tab: Tab): Promise<void>;
  templates: number;
};

/** Whether the background has kept the policy last seen (it does once the browser answers for it). */
function policyKept(tab: Tab): Promise<boolean> {
  return tab.evaluate<boolean>(`new Promise((resolve) => {
    const open = indexedDB.open(${JSON.stringify(PRIVATE_DATABASE)});
    open.onerror = () => resolve(false);
    open.onsuccess = () => {
      const get = open.result.transaction('private').objectStore('private').get(${JSON.stringify(POLICY_SEEN_RECORD)});
      get.onsuccess = () => { open.result.close(); resolve(get.result !== undefined); };
      get.onerror = () => { open.result.close(); resolve(false); };
    };
  })`);
}

/** `launches` restarts of each page, the popup and the floor page in turn. */
export async function coldOpenTimes(setup: Setup, launches: number): Promise<ColdTimes> {
  const profile = mkdtempSync(join(tmpdir(), 'bench-cold-profile-'));
  const times: ColdTimes = { popup: [], floor: [] };
  try {
    const first = await launchChromium(setup.chromium, setup.args, profile);
    try {
      await new Promise((resolve) => setTimeout(resolve, OPENED_AFTER_START_MS));
      const tab = await Tab.open(first.cdp);
      await tab.goto(`${setup.origin}/${FLOOR_PAGE}`);
      await setup.prepare(tab);
      const deadline = Date.now() + 20_000;
      while (!(await policyKept(tab))) {
        if (Date.now() > deadline) throw new Error('The background did not keep the policy it saw.');
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    } finally {
      await first.close();
    }
    for (let launch = 0; launch < launches * 2; launch++) {
      const page = launch % 2 === 0 ? 'popup.html' : FLOOR_PAGE;
      const browser = await launchChromium(setup.chromium, setup.args, profile);
      try {
        await new Promise((resolve) => setTimeout(resolve, OPENED_AFTER_START_MS));
        const tab = await Tab.open(browser.cdp);
        await tab.send('Page.bringToFront');
        await installFirstScreenMarks(tab);
        const opened = await openPage(tab, setup.origin, page, setup.templates);
        if (opened.items !== setup.templates)
          throw new Error(
            `${page} showed ${opened.items} templates after a restart, not ${setup.templates}.`,
          );
        (page === FLOOR_PAGE ? times.floor : times.popup).push(opened.open);
      } finally {
        await browser.close();
      }
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return times;
}
