/**
 * Faults beyond a single request, shared by the files that inject them: a sandbox and Chromium on a
 * kept profile (so the browser can be closed and started again), the API taken down, and for each
 * scenario what the sandbox stored and whether the extension's history still has the submission.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { makeTestCsr } from '../sandbox/client';
import { SANDBOX_KEYS } from '../sandbox/seed';
import { type Sandbox, startSandbox } from '../sandbox/server';
import { callBackground, submissions } from './extension-calls';
import { ProfileBrowser } from './profile-browser';
import { ordersCarrying } from './sandbox-orders';
import { writeSummary } from './submit-order';

/** "lost": the extension's history no longer has the submission at all. */
export type FaultScenario = { name: string; faults: number; orders: number; lost: number };

type ProfileRun = { sandbox: Sandbox; browser: ProfileBrowser; page: Page; csr: string };

/** The run and the scenarios it recorded; `page` is replaced whenever the browser is started again. */
export type FaultRun = ProfileRun & { scenarios: FaultScenario[] };

/**
 * The file's hooks for a run on a profile named `name`: a sandbox and Chromium with the sandbox admin
 * key saved before all tests, no fault left over before each, and after all the summary written
 * (test-results/<name>-summary.json) and everything closed. The run is filled in before the tests.
 */
export function useFaultRun(name: string): FaultRun {
  const run = { scenarios: [] as FaultScenario[] } as FaultRun;
  beforeAll(async () => {
    Object.assign(run, await startProfileRun(name));
  });
  beforeEach(() => {
    run.sandbox.faults.clear();
  });
  afterAll(async () => {
    writeSummary(name, summarize(run.scenarios));
    await run.browser?.dispose();
    await run.sandbox?.close();
  });
  return run;
}

async function startProfileRun(name: string): Promise<ProfileRun> {
  const sandbox = await startSandbox({ port: 0 });
  const browser = new ProfileBrowser(sandbox.port, name);
  const page = await browser.launch();
  const saved = await callBackground(page, 'saveApiKey', { apiKey: SANDBOX_KEYS.admin, region: 'us' });
  expect(saved.ok).toBe(true);
  return { sandbox, browser, page, csr: await makeTestCsr('shop.example.com') };
}

function summarize(scenarios: FaultScenario[]) {
  return {
    faultsInjected: scenarios.reduce((n, s) => n + s.faults, 0),
    ordersCreated: scenarios.reduce((n, s) => n + s.orders, 0),
    duplicates: scenarios.reduce((n, s) => n + Math.max(0, s.orders - 1), 0),
    itemsLost: scenarios.reduce((n, s) => n + s.lost, 0),
    scenarios,
  };
}

/** The API down: every CertCentral API call answers 503 until the rule is cleared. */
export function apiDown(sandbox: Sandbox): void {
  sandbox.faults.add({
    pathPrefix: '/services/v2/',
    times: 100_000,
    fault: { kind: 'status', status: 503, message: 'Injected outage.' },
  });
}

/** Records how a scenario ended for submission `id`, counting the faults injected since `faultsBefore`. */
export async function recordScenario(
  run: FaultRun,
  name: string,
  id: string,
  faultsBefore: number,
): Promise<void> {
  const listed = (await submissions(run.page)).some((s) => s.id === id);
  run.scenarios.push({
    name,
    faults: run.sandbox.faults.injectedCount - faultsBefore,
    orders: ordersCarrying(run.sandbox, id).length,
    lost: listed ? 0 : 1,
  });
}

/** The options page's history lists the submission for each `<name>.example.com` as placed. */
export async function expectPlacedInHistory(browser: ProfileBrowser, names: string[]): Promise<void> {
  const options = await browser.openPage('options.html#orders');
  for (const name of names) {
    const item = options.getByRole('listitem', { name: new RegExp(`${name}\\.example\\.com: `) });
    await expect(item.getAttribute('aria-label')).resolves.toMatch(/Placed/);
  }
  await options.close();
}
