// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState as useStateForTest } from 'preact/hooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TeamOrders as TeamOrdersView } from '@/lib/team/views';
import { HistoryTabs } from './HistoryTabs';
import { TeamOrders } from './TeamOrders';

const send = vi.hoisted(() => vi.fn());
vi.mock('@/lib/messaging', () => ({ sendToBackground: send }));

afterEach(cleanup);
beforeEach(() => send.mockReset());

const NOW = new Date('2026-06-10T12:00:00Z');

function team(over: Partial<TeamOrdersView> = {}): TeamOrdersView {
  return {
    orders: [
      {
        orderId: 101,
        commonName: 'docs.example.com',
        productName: 'Secure Site Pro SSL',
        status: 'pending',
        statusWord: 'waiting',
        statusLabel: 'Placed, waiting for validation',
        placedAt: '2026-06-08T10:00:00+00:00',
        placedBy: { kind: 'person', name: 'Tess Tech', email: 'tess.tech@example.com' },
      },
      {
        orderId: 102,
        commonName: 'mine.example.com',
        status: 'issued',
        statusWord: 'done',
        statusLabel: 'Issued',
        placedBy: { kind: 'this-browser' },
      },
    ],
    days: 30,
    limit: 50,
    more: false,
    unreadable: [],
    detailsUnread: 0,
    checkedAt: '2026-06-10T11:59:00Z',
    ...over,
  };
}

describe('TeamOrders', () => {
  it('reads the orders when shown and names who placed each', async () => {
    send.mockResolvedValue({ ok: true, value: team() });
    render(<TeamOrders now={NOW} />);
    expect(screen.getByRole('status').textContent).toContain('Reading');
    const tess = await screen.findByRole('listitem', { name: /^docs\.example\.com:/ });
    expect(tess.textContent).toContain('Placed by Tess Tech (tess.tech@example.com)');
    expect(screen.getByRole('listitem', { name: /^mine\.example\.com:/ }).textContent).toContain(
      'Placed from this browser',
    );
    expect(send).toHaveBeenCalledWith('listTeamOrders', undefined);
  });

  it('says when there is nothing in the window, and counts what could not be read', async () => {
    send.mockResolvedValue({
      ok: true,
      value: team({ orders: [], detailsUnread: 2, unreadable: [{ label: 'Order #7', reason: 'status: x' }] }),
    });
    render(<TeamOrders now={NOW} />);
    expect(await screen.findByText('No orders in the last 30 days.')).toBeTruthy();
    expect(screen.getByText(/1 order could not be read/)).toBeTruthy();
    expect(screen.getByText(/For 2 orders, CertCentral did not say who placed them/)).toBeTruthy();
  });

  it('shows a failure as an alert with the next step, and Refresh asks again', async () => {
    send.mockResolvedValueOnce({
      ok: false,
      error: { title: 'This API key is not valid.', detail: 'Paste it again.' },
    });
    render(<TeamOrders now={NOW} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This API key is not valid.');
    expect(alert.textContent).toContain('then press Refresh');
    send.mockResolvedValueOnce({ ok: true, value: team() });
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await screen.findByRole('listitem', { name: /^docs\.example\.com:/ });
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('HistoryTabs', () => {
  it('selects with arrow keys, makes a panel once, and keeps it while hidden', () => {
    const made = vi.fn(() => <p>team panel</p>);
    function Host() {
      const [selected, setSelected] = useStateForTest<'a' | 'b'>('a');
      return (
        <HistoryTabs
          idBase="t"
          label="Views"
          selected={selected}
          onSelect={setSelected}
          tabs={[
            { id: 'a', label: 'First', panel: () => <p>first panel</p> },
            { id: 'b', label: 'Second', panel: made },
          ]}
        />
      );
    }
    render(<Host />);
    expect(made).not.toHaveBeenCalled();
    fireEvent.keyDown(screen.getByRole('tab', { name: 'First' }), { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { name: 'Second' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByText('team panel')).toBeTruthy();
    fireEvent.keyDown(screen.getByRole('tab', { name: 'Second' }), { key: 'Home' });
    expect(screen.getByRole('tab', { name: 'First' }).getAttribute('aria-selected')).toBe('true');
    // Hidden, not thrown away.
    expect(screen.getByText('team panel')).toBeTruthy();
  });
});
