// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPageWatcher, observePage, type PageReport } from './watch-page';

describe('createPageWatcher', () => {
  let ids: number[];
  let reports: PageReport[];
  let reads: number;

  beforeEach(() => {
    vi.useFakeTimers();
    ids = [];
    reports = [];
    reads = 0;
  });
  afterEach(() => vi.useRealTimers());

  const watcher = () =>
    createPageWatcher({
      read: () => {
        reads++;
        return [...ids];
      },
      report: (r) => reports.push(r),
      setTimer: (run, ms) => setTimeout(run, ms),
    });

  it('reports the first scan even with no order (clearing what the tab showed before)', () => {
    watcher().scan();
    expect(reports).toEqual([{ orderIds: [] }]);
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

  it('never puts the URL in a report (the background takes it from the sender)', () => {
    ids = [1];
    watcher().scan();
    expect(Object.keys(reports[0] ?? {})).toEqual(['orderIds']);
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

  it('follows pushState through the Navigation API where there is one', () => {
    const onChange = vi.fn();
    const abort = new AbortController();
    const navigation = new EventTarget();
    const win = Object.assign(Object.create(window), { navigation, document, location: window.location });
    observePage(win, onChange, abort.signal);
    navigation.dispatchEvent(new Event('navigate'));
    expect(onChange).toHaveBeenCalledTimes(1);
    abort.abort();
    navigation.dispatchEvent(new Event('navigate'));
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('polls the URL where the Navigation API is missing, and stops when aborted', () => {
    vi.useFakeTimers();
    try {
      const onChange = vi.fn();
      const abort = new AbortController();
      observePage(window, onChange, abort.signal);
      history.pushState({}, '', '/secure/orders/10000004');
      vi.advanceTimersByTime(1000);
      expect(onChange).toHaveBeenCalledTimes(1);
      vi.advanceTimersByTime(3000);
      expect(onChange).toHaveBeenCalledTimes(1);
      abort.abort();
      history.pushState({}, '', '/secure/orders/');
      vi.advanceTimersByTime(3000);
      expect(onChange).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
