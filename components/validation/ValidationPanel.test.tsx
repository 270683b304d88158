// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ValidationSnapshot, ValidationView } from '@/lib/validation/schemas';
import type { ValidationSend } from './send';
import { ValidationPanel } from './ValidationPanel';

afterEach(cleanup);

const NOW = new Date('2026-06-10T12:00:00Z');

function snapshot(over: Partial<ValidationSnapshot> = {}): ValidationSnapshot {
  return {
    orderId: 1001,
    readAt: '2026-06-10T11:59:00Z',
    orderStatus: 'pending',
    dcvMethod: 'dns-txt-token',
    domains: [
      {
        name: 'example.com',
        method: 'dns-txt-token',
        status: 'pending',
        validated: false,
        dnsNames: ['example.com'],
      },
    ],
    organization: [{ type: 'ev', status: 'pending', done: false }],
    approvers: [{ name: 'Ada Lovelace', email: 'ada@example.com', status: 'pending', done: false }],
    token: { value: 'tok3n', expiresAt: '2026-07-10T12:00:00Z', method: 'dns-txt-token' },
    unreadable: 0,
    ...over,
  };
}
const ok = (value: ValidationView) => Promise.resolve({ ok: true as const, value });

function fakeSend(first: ValidationSnapshot, more: Partial<ValidationSend> = {}): ValidationSend {
  return {
    getValidation: vi.fn(() => ok({ snapshot: first, outcome: { kind: 'read' } })),
    checkDcv: vi.fn(() => ok({ snapshot: first, outcome: { kind: 'read' } })),
    newDcvToken: vi.fn(() => ok({ snapshot: first, outcome: { kind: 'read' } })),
    changeDcvMethod: vi.fn(() => ok({ snapshot: first, outcome: { kind: 'read' } })),
    resendDcvEmails: vi.fn(() => ok({ snapshot: first, outcome: { kind: 'read' } })),
    ...more,
  };
}

describe('ValidationPanel', () => {
  it('shows the TXT record to publish, its expiry, the organization and the approver', async () => {
    render(<ValidationPanel orderId={1001} now={NOW} send={fakeSend(snapshot())} />);
    await screen.findByText('Record value');
    const values = [...document.querySelectorAll('.dcv-value code')].map((c) => c.textContent);
    expect(values).toEqual(['example.com', 'tok3n']);
    // translate="no" on data is checked in the browser (tests/e2e/validation.e2e.ts): happy-dom
    // does not reflect the `translate` property Preact sets.
    expect(screen.getByText(/_dnsauth\.example\.com/)).toBeTruthy();
    expect(screen.getByText(/Not confirmed by DigiCert's own documentation/)).toBeTruthy();
    expect(screen.getByText(/valid until/)).toBeTruthy();
    expect(screen.getByText(/Organization validation EV: pending/)).toBeTruthy();
    expect(screen.getByText(/Ada Lovelace/)).toBeTruthy();
    // The order's console link is the history item's ("Open in CertCentral"), not repeated here.
    expect(screen.queryByRole('link')).toBeNull();
    // Not expired: no "New value".
    expect(screen.queryByRole('button', { name: 'New value' })).toBeNull();
  });

  it('Check DCV now: the result is announced as a status, the state replaced', async () => {
    const after = snapshot({
      domains: [
        { name: 'example.com', method: 'dns-txt-token', status: 'approved', validated: true, dnsNames: [] },
      ],
    });
    const send = fakeSend(snapshot(), {
      checkDcv: vi.fn(() =>
        ok({ snapshot: after, outcome: { kind: 'checked', validated: ['example.com'], pending: [] } }),
      ),
    });
    const changed = vi.fn();
    render(<ValidationPanel orderId={1001} now={NOW} send={send} onChanged={changed} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Check DCV now' }));
    await waitFor(() => expect(screen.getByText('DigiCert validated: example.com.')).toBeTruthy());
    expect(screen.getByText('DigiCert validated: example.com.').getAttribute('role')).toBe('status');
    expect(screen.getByText('Validated')).toBeTruthy();
    expect(changed).toHaveBeenCalled();
  });

  it('a refused action is an alert naming what did not happen; the state stays', async () => {
    const send = fakeSend(snapshot(), {
      checkDcv: vi.fn(() =>
        Promise.resolve({
          ok: false as const,
          error: { title: 'DCV was not checked', detail: 'The order no longer waits on validation.' },
        }),
      ),
    });
    render(<ValidationPanel orderId={1001} now={NOW} send={send} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Check DCV now' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('DCV was not checked');
    expect(screen.getByText('tok3n')).toBeTruthy();
  });

  it('an expired value offers New value, which shows the new one', async () => {
    const old = snapshot({
      token: { value: 'old', expiresAt: '2026-06-01T00:00:00Z', method: 'dns-txt-token' },
    });
    const fresh = { value: 'fresh', expiresAt: '2026-07-10T12:00:00Z', method: 'dns-txt-token' };
    const send = fakeSend(old, {
      newDcvToken: vi.fn(() =>
        ok({ snapshot: { ...old, token: fresh }, outcome: { kind: 'token', token: fresh, changed: true } }),
      ),
    });
    render(<ValidationPanel orderId={1001} now={NOW} send={send} />);
    expect(await screen.findByText(/This value expired/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'New value' }));
    await screen.findByText('fresh');
    expect(screen.getByText(/DigiCert gave a new value/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'New value' })).toBeNull();
  });

  it('changes the method with the labelled select', async () => {
    const send = fakeSend(snapshot());
    render(<ValidationPanel orderId={1001} now={NOW} send={send} />);
    const select = await screen.findByLabelText('Validation method');
    fireEvent.change(select, { target: { value: 'dns-cname-token' } });
    fireEvent.click(screen.getByRole('button', { name: 'Change method' }));
    await waitFor(() => expect(send.changeDcvMethod).toHaveBeenCalledWith(1001, 'dns-cname-token'));
  });

  it('email: lists who DigiCert writes to and offers to resend the emails', async () => {
    const pendingEmail = { method: 'email', status: 'pending', validated: false, dnsNames: [] };
    const email = snapshot({
      dcvMethod: 'email',
      token: undefined,
      domains: [
        {
          name: 'example.com',
          ...pendingEmail,
          emails: [
            { address: 'ops@example.com', source: 'dns-txt' },
            { address: 'admin@example.com', source: 'constructed' },
          ],
        },
        { name: 'shop.example.com', ...pendingEmail },
      ],
    });
    const send = fakeSend(email, {
      resendDcvEmails: vi.fn(() => ok({ snapshot: email, outcome: { kind: 'emails-resent' } })),
    });
    render(<ValidationPanel orderId={1001} now={NOW} send={send} />);
    await screen.findByText('ops@example.com');
    expect(screen.getByText('admin@example.com').closest('li')?.textContent).toBe(
      'admin@example.com (a standard address of the domain)',
    );
    // Not read for the second domain: said, not left blank.
    expect(screen.getAllByText(/could not be read yet/)).toHaveLength(1);
    fireEvent.click(await screen.findByRole('button', { name: 'Resend the emails' }));
    await screen.findByText(/resend the validation emails/);
    expect(screen.queryByRole('button', { name: 'Check DCV now' })).toBeNull();
  });

  it('copies a value and announces it', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<ValidationPanel orderId={1001} now={NOW} send={fakeSend(snapshot())} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Copy Record value' }));
    await screen.findByText('Record value copied');
    expect(writeText).toHaveBeenCalledWith('tok3n');
  });
});

describe('ValidationPanel reading', () => {
  it('shows the stored state without asking CertCentral; asks only when none is stored', async () => {
    const stored = fakeSend(snapshot());
    render(<ValidationPanel orderId={1001} now={NOW} send={stored} />);
    await screen.findByText('tok3n');
    expect(stored.getValidation).toHaveBeenCalledTimes(1);
    expect(stored.getValidation).toHaveBeenCalledWith(1001, false);
    cleanup();
    const none = fakeSend(snapshot(), {
      getValidation: vi.fn((_id: number, refresh: boolean) =>
        ok({ snapshot: refresh ? snapshot() : null, outcome: { kind: 'read' } }),
      ),
    });
    render(<ValidationPanel orderId={1001} now={NOW} send={none} />);
    await screen.findByText('tok3n');
    expect(none.getValidation).toHaveBeenLastCalledWith(1001, true);
  });

  it('not opened at this order: nothing stored is read only when asked, never as the list is drawn', async () => {
    const none = fakeSend(snapshot(), {
      getValidation: vi.fn((_id: number, refresh: boolean) =>
        ok({ snapshot: refresh ? snapshot() : null, outcome: { kind: 'read' } }),
      ),
    });
    render(<ValidationPanel orderId={1001} now={NOW} send={none} readAtOnce={false} />);
    const read = await screen.findByRole('button', { name: 'Read what it waits for' });
    expect(none.getValidation).toHaveBeenCalledTimes(1);
    expect(none.getValidation).toHaveBeenCalledWith(1001, false);
    fireEvent.click(read);
    await screen.findByText('tok3n');
    expect(none.getValidation).toHaveBeenLastCalledWith(1001, true);
  });
});
