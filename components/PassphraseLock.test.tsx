// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { SettingsView } from '@/lib/messaging';
import { PassphraseLock } from './PassphraseLock';

const sendToBackground = vi.hoisted(() => vi.fn());
vi.mock('@/lib/messaging', async (original) => ({
  ...(await original<typeof import('@/lib/messaging')>()),
  sendToBackground,
}));

const savedAt = '2026-12-01T10:00:00.000Z';
const view = (apiKey: SettingsView['apiKey']): SettingsView => ({
  apiKey,
  region: 'us',
  idleMinutes: 15,
  connection: null,
});
const refresh = vi.fn(async () => undefined);
const type = (label: string, value: string) =>
  fireEvent.input(screen.getByLabelText(label), { target: { value } });

beforeEach(() => {
  fakeBrowser.reset();
  sendToBackground.mockReset();
  refresh.mockClear();
});
afterEach(cleanup);

describe('PassphraseLock', () => {
  it('shows nothing until a key is saved', () => {
    const { container } = render(<PassphraseLock view={view({ state: 'missing' })} refresh={refresh} />);
    expect(container.textContent).toBe('');
  });

  const openForm = () => {
    render(<PassphraseLock view={view({ state: 'saved', hint: '…abcd', savedAt })} refresh={refresh} />);
    expect(screen.queryByLabelText('New passphrase')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Set a passphrase…' }));
  };
  const fill = (passphrase: string, repeat: string, minutes: string) => {
    type('New passphrase', passphrase);
    type('Passphrase again', repeat);
    type('Lock again after this many minutes without use', minutes);
    fireEvent.click(screen.getByRole('button', { name: 'Set passphrase' }));
  };

  it.each([
    ['too short', 'short', 'short', 'Use at least 12 characters.'],
    [
      'repeated differently',
      'correct horse battery',
      'correct horse battery!',
      'The two passphrases differ.',
    ],
  ])('refuses a passphrase %s with the reason, sending nothing', (_case, passphrase, repeat, reason) => {
    openForm();
    fill(passphrase, repeat, '15');
    expect(screen.getByRole('alert').textContent).toBe(reason);
    expect(sendToBackground).not.toHaveBeenCalled();
  });

  it.each(['0', '1441'])(
    'an idle time of %s minutes is stopped by the field itself (1 to 1440)',
    (minutes) => {
      openForm();
      fill('correct horse battery', 'correct horse battery', minutes);
      const idle = screen.getByLabelText(
        'Lock again after this many minutes without use',
      ) as HTMLInputElement;
      expect(idle.checkValidity()).toBe(false);
      expect(sendToBackground).not.toHaveBeenCalled();
    },
  );

  it('sets the passphrase and the idle time, then refreshes', async () => {
    openForm();
    sendToBackground.mockResolvedValue({ ok: true, value: view({ state: 'saved', hint: '…abcd', savedAt }) });
    fill('correct horse battery', 'correct horse battery', '30');
    await waitFor(() => expect(refresh).toHaveBeenCalled());
    expect(sendToBackground).toHaveBeenCalledWith('protectApiKey', {
      passphrase: 'correct horse battery',
      idleMinutes: 30,
    });
  });

  it('removes the passphrase with the passphrase, and says why when the background refuses', async () => {
    render(
      <PassphraseLock
        view={view({ state: 'saved', hint: '…abcd', savedAt, protected: true })}
        refresh={refresh}
      />,
    );
    expect(screen.getByRole('status').textContent).toMatch(/Unlocked now; locks after 15 minutes/);
    fireEvent.click(screen.getByRole('button', { name: 'Remove passphrase…' }));
    const remove = screen.getByRole('button', { name: 'Remove passphrase' }) as HTMLButtonElement;
    expect(remove.disabled).toBe(true);

    sendToBackground.mockResolvedValueOnce({ ok: false, error: { title: 'That passphrase is not right.' } });
    type('Passphrase, to remove the lock', 'wrong passphrase!');
    fireEvent.click(remove);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('That passphrase is not right.'));
    expect(refresh).not.toHaveBeenCalled();

    sendToBackground.mockResolvedValueOnce({
      ok: true,
      value: view({ state: 'saved', hint: '…abcd', savedAt }),
    });
    type('Passphrase, to remove the lock', 'correct horse battery');
    fireEvent.click(screen.getByRole('button', { name: 'Remove passphrase' }));
    await waitFor(() => expect(refresh).toHaveBeenCalled());
    expect(sendToBackground).toHaveBeenLastCalledWith('unprotectApiKey', {
      passphrase: 'correct horse battery',
    });
  });

  it('folds either form away again with its Cancel button, sending nothing', () => {
    openForm();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByLabelText('New passphrase')).toBeNull();
    cleanup();
    render(
      <PassphraseLock
        view={view({ state: 'saved', hint: '…abcd', savedAt, protected: true })}
        refresh={refresh}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Remove passphrase…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByLabelText('Passphrase, to remove the lock')).toBeNull();
    expect(screen.getByRole('button', { name: 'Remove passphrase…' })).toBeTruthy();
    expect(sendToBackground).not.toHaveBeenCalled();
  });

  it('while locked, offers the unlock form and says orders wait', () => {
    render(<PassphraseLock view={view({ state: 'locked', hint: '…abcd', savedAt })} refresh={refresh} />);
    expect(screen.getByRole('heading', { name: 'Passphrase lock' })).toBeTruthy();
    expect(screen.getByText('Orders wait while the key is locked')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Lock now' })).toBeNull();
  });
});
