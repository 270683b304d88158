import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { resetStorageForTests } from '../storage/testing';
import { readManagedForDisplay } from './display';
import { onPolicyChange } from './managed';
import { keepPolicySeen } from './seen';

beforeEach(resetStorageForTests);
afterEach(() => vi.restoreAllMocks());

/** Makes the browser's managed read answer only when `answer` is called, as right after a start. */
function slowManaged() {
  let answer: (raw: Record<string, unknown>) => void = () => undefined;
  const pending = new Promise<Record<string, unknown>>((resolve) => {
    answer = resolve;
  });
  vi.spyOn(fakeBrowser.storage.managed, 'get').mockReturnValue(pending as never);
  return (raw: Record<string, unknown>) => answer(raw);
}

/** A page that showed the kept "no policy" while the browser was not ready, listening for changes. */
async function shownFromKeptNoPolicy() {
  await keepPolicySeen({});
  const answer = slowManaged();
  const changed = vi.fn();
  const stop = onPolicyChange(changed);
  expect(await readManagedForDisplay(10)).toEqual({});
  return { answer, changed, stop };
}

describe('the policy a list is shown with', () => {
  it('is the browser’s answer when it comes in time, whatever was kept', async () => {
    await keepPolicySeen({ region: 'eu' });
    await fakeBrowser.storage.managed.set({ region: 'us' });
    expect(await readManagedForDisplay(50)).toEqual({ region: 'us' });
  });

  it('is the policy last seen while the browser is not ready, and the page hears nothing when it agrees', async () => {
    const { answer, changed, stop } = await shownFromKeptNoPolicy();
    answer({});
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(changed).not.toHaveBeenCalled();
    stop();
  });

  it('tells the page to read again when the browser’s late answer differs from what it showed', async () => {
    const { answer, changed, stop } = await shownFromKeptNoPolicy();
    answer({ allowPersonalTemplates: false });
    await vi.waitFor(() => expect(changed).toHaveBeenCalledTimes(1));
    stop();
  });

  it('waits for the browser when nothing was kept (the first start)', async () => {
    const answer = slowManaged();
    let shown: Record<string, unknown> | undefined;
    const read = readManagedForDisplay(10).then((raw) => {
      shown = raw;
    });
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(shown).toBeUndefined();
    answer({ region: 'eu' });
    await read;
    expect(shown).toEqual({ region: 'eu' });
  });
});
