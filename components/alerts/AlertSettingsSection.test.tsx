// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { AlertSettingsView } from '@/lib/alerts/views';
import { AlertSettingsSection } from './AlertSettingsSection';

const sendToBackground = vi.hoisted(() => vi.fn());
vi.mock('@/lib/messaging', async (original) => ({
  ...(await original<typeof import('@/lib/messaging')>()),
  sendToBackground,
}));

const VIEW: AlertSettingsView = {
  thresholds: [30, 14, 7, 1],
  notify: { expiring: true, tokenExpiring: true, stuck: true, orderIssued: true, validationDone: false },
  stuckDays: 3,
  snoozed: [{ orderId: 10000004, until: '2026-12-10T09:00:00.000Z' }],
};

function answer(replies: Record<string, unknown>) {
  sendToBackground.mockImplementation(async (type: string) => replies[type]);
}

beforeEach(() => {
  fakeBrowser.reset();
  sendToBackground.mockReset();
});
afterEach(cleanup);

describe('AlertSettingsSection', () => {
  it('shows the stored settings and the snoozed orders', async () => {
    answer({ getAlertSettings: { ok: true, value: VIEW } });
    render(<AlertSettingsSection />);
    const days = (await screen.findByLabelText(/days before a certificate expires/)) as HTMLInputElement;
    expect(days.value).toBe('30, 14, 7, 1');
    expect((screen.getByLabelText('a domain is validated') as HTMLInputElement).checked).toBe(false);
    const snoozed = screen.getByRole('list', { name: 'Snoozed orders' });
    expect(snoozed.textContent).toMatch(/^Order 10000004, snoozed until .*2026/);
  });

  it('puts each refused value beside its field and says nothing was saved', async () => {
    answer({
      getAlertSettings: { ok: true, value: VIEW },
      saveAlertSettings: {
        ok: true,
        value: { saved: false, errors: [{ field: 'stuckDays', message: '“soon” cannot be used.' }] },
      },
    });
    render(<AlertSettingsSection />);
    const stuck = await screen.findByLabelText(/counts as stuck/);
    fireEvent.input(stuck, { target: { value: 'soon' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save alert settings' }));
    await screen.findByText('“soon” cannot be used.');
    expect(stuck.getAttribute('aria-invalid')).toBe('true');
    expect(stuck.getAttribute('aria-describedby')).toContain('alert-stuckDays-problem');
    expect(screen.getByText('Not saved: correct the fields marked below.')).toBeTruthy();
    expect(sendToBackground).toHaveBeenCalledWith('saveAlertSettings', {
      thresholds: '30, 14, 7, 1',
      stuckDays: 'soon',
      notify: VIEW.notify,
    });
  });

  it('runs the check on "Check now" and says what it found', async () => {
    answer({
      getAlertSettings: { ok: true, value: VIEW },
      runAlertCheck: { ok: true, value: { complete: true, ordersRead: 9, notified: 1, needRenewal: 2 } },
    });
    render(<AlertSettingsSection />);
    fireEvent.click(await screen.findByRole('button', { name: 'Check now' }));
    await waitFor(() =>
      expect(screen.getByText('2 certificates need renewing. 1 new reminder shown.')).toBeTruthy(),
    );
  });
});
