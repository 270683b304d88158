// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPageWatcher, observePage, type PageReport } from './watch-page';

describe('createPageWatcher', () => {
  let ids: number[];
  let url: string;
  let reports: PageReport[];
  let reads: number;

  beforeEach(() => {
    vi.useFakeTimers();
    ids = [];
    url = 'https://www.digicert.com/secure/orders/';
    reports = [];
    reads = 0;
  });
  afterEach(() => vi.useRealTimers());

  const watcher = () =>
    createPageWatcher({
      read: () => {
        reads++;
        return { url, orderIds: [...ids] };
      },
      report: (r) => reports.push(r),
      setTimer: (run, ms) => setTimeout(run, ms),
    });

  it('reports the first scan even with no order (clearing what the tab showed before)', () => {
    watcher().scan();
    expect(reports).toEqual([{ url, orderIds: [] }]);
  });

  it('scans at most once per 500 ms however often it is poked', () => {
    const w = watcher();
    w.scan();
    for (let i = 0; i < 100; i++) {
      w.poke();
      vi.advanceTimersByTime(10);
    }
    // 1 s of pokes: the first scan plus two throttled ones.
    expect(reads).toBe(3);
  });

  it('reports only when the ids change', () => {
    const w = watcher();
    w.scan();
    ids = [1, 2];
    w.poke();
    vi.advanceTimersByTime(500);
    w.poke();
    vi.advanceTimersByTime(500);
    ids = [];
    w.poke();
    vi.advanceTimersByTime(500);
    expect(reports.map((r) => r.orderIds)).toEqual([[], [1, 2], []]);
  });

  it('does not scan when nothing poked it', () => {
    watcher().scan();
    vi.advanceTimersByTime(10_000);
    expect(reads).toBe(1);
  });

  it('cuts a URL longer than the background accepts', () => {
    url = `https://www.digicert.com/secure/orders/#${'x'.repeat(5000)}`;
    watcher().scan();
    expect(reports[0]?.url).toHaveLength(2048);
  });
});

describe('observePage', () => {
  it('calls back on DOM changes, hash and history events, and stops when aborted', async () => {
    const onChange = vi.fn();
    const abort = new AbortController();
    observePage(window, onChange, abort.signal);
    document.body.append(document.createElement('table'));
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(onChange).toHaveBeenCalled();
    onChange.mockClear();
    window.dispatchEvent(new Event('hashchange'));
    window.dispatchEvent(new Event('popstate'));
    expect(onChange).toHaveBeenCalledTimes(2);
    abort.abort();
    onChange.mockClear();
    document.body.append(document.createElement('p'));
    window.dispatchEvent(new Event('hashchange'));
    await new Promise((r) => setTimeout(r, 0));
    expect(onChange).not.toHaveBeenCalled();
  });
});
