// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SettingsView } from '@/lib/messaging';
import { useSettings } from './useSettings';

const send = vi.hoisted(() => vi.fn());
vi.mock('@/lib/messaging', () => ({ sendToBackground: send }));
const managed = vi.hoisted(() => ({ answers: [] as (() => void)[], read: vi.fn() }));
vi.mock('@/lib/policy/managed', () => ({ readManagedRaw: managed.read }));

afterEach(cleanup);
beforeEach(() => {
  send.mockReset();
  // This page's browser answers for its policy only when the test says so.
  managed.read.mockReset().mockImplementation(
    () =>
      new Promise((resolve) => {
        managed.answers.push(() => resolve({}));
      }),
  );
  managed.answers = [];
});

/** This page's browser answers for its policy, once the page has asked it. */
async function browserAnswers() {
  await vi.waitFor(() => expect(managed.answers).toHaveLength(1));
  managed.answers[0]?.();
}

const VIEW: SettingsView = {
  apiKey: { state: 'missing' },
  region: 'us',
  idleMinutes: 15,
  connection: null,
};
const LAST_SEEN: SettingsView = { ...VIEW, region: 'eu', regionManaged: true, policyLastSeen: true };

function Region() {
  const settings = useSettings();
  return (
    <p>
      {settings.view ? `${settings.view.region}${settings.view.regionManaged ? ' (policy)' : ''}` : 'asking'}
      {settings.error && ` ${settings.error.title}`}
    </p>
  );
}

describe('useSettings, right after a browser start', () => {
  it('asks again for a view shown with the policy last seen once the page’s browser has answered', async () => {
    send
      .mockResolvedValueOnce({ ok: true, value: LAST_SEEN })
      .mockResolvedValueOnce({ ok: true, value: VIEW });
    render(<Region />);
    await screen.findByText('eu (policy)');
    // Not before: the background would compute it from the same copy.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(send).toHaveBeenCalledTimes(1);
    await browserAnswers();
    await screen.findByText('us');
    expect(send).toHaveBeenCalledTimes(2);
    expect(send).toHaveBeenLastCalledWith('getSettings', undefined);
  });

  it('asks nothing more for a view computed under the browser’s own answer', async () => {
    send.mockResolvedValue({ ok: true, value: VIEW });
    render(<Region />);
    await screen.findByText('us');
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(managed.read).not.toHaveBeenCalled();
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('asks again a second later while the background still has only the copy, and stops once it has not', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      send
        .mockResolvedValueOnce({ ok: true, value: LAST_SEEN })
        .mockResolvedValueOnce({ ok: true, value: { ...LAST_SEEN } })
        .mockResolvedValueOnce({ ok: true, value: VIEW });
      render(<Region />);
      await vi.waitFor(() => expect(screen.getByText('eu (policy)')).toBeTruthy());
      await browserAnswers();
      await vi.waitFor(() => expect(send).toHaveBeenCalledTimes(2));
      await vi.advanceTimersByTimeAsync(999);
      expect(send).toHaveBeenCalledTimes(2);
      await vi.advanceTimersByTimeAsync(1);
      await vi.waitFor(() => expect(screen.getByText('us')).toBeTruthy());
      await vi.advanceTimersByTimeAsync(5000);
      expect(send).toHaveBeenCalledTimes(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('leaves an error the page shows alone: a failed confirmation changes nothing', async () => {
    send
      .mockResolvedValueOnce({ ok: true, value: LAST_SEEN })
      .mockResolvedValueOnce({ ok: false, error: { title: 'No answer', detail: 'x' } });
    render(<Region />);
    await screen.findByText('eu (policy)');
    await browserAnswers();
    await waitFor(() => expect(send).toHaveBeenCalledTimes(2));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.getByText('eu (policy)')).toBeTruthy();
  });
});
