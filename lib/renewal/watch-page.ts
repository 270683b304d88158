/**
 * Following a console page after it loaded: in-page navigation (hash and history changes) and
 * rows that arrive later. Any change only *pokes* the watcher; it scans at most once per interval
 * and reports only when what it read changed, so a busy page costs a boolean check per mutation.
 */

export type PageReport = { url: string; orderIds: number[] };

/** The background refuses longer URLs (lib/messaging.ts, reportPageOrders). */
const MAX_URL = 2048;

export type PageWatcherOptions = {
  /** Reads the page now (URL and document). */
  read: () => PageReport;
  /** Sends a report; called for the first scan and whenever the ids read change. */
  report: (report: PageReport) => void;
  /** At most one scan per this many milliseconds. */
  interval?: number;
  /** A timer that stops with the content script (WXT's ctx.setTimeout). */
  setTimer: (run: () => void, ms: number) => unknown;
  now?: () => number;
};

export type PageWatcher = {
  /** Something may have changed: scan soon (throttled). */
  poke: () => void;
  /** Scan now and report if the ids changed (the first scan always reports, even none). */
  scan: () => void;
};

export function createPageWatcher(options: PageWatcherOptions): PageWatcher {
  const interval = options.interval ?? 500;
  const { read, report, setTimer, now = Date.now } = options;
  let lastKey: string | undefined;
  let lastScan = Number.NEGATIVE_INFINITY;
  let pending = false;

  function scan(): void {
    pending = false;
    lastScan = now();
    const { url, orderIds } = read();
    // The order matters only for the page's own order, which readers put first.
    const key = orderIds.join(',');
    if (key === lastKey) return;
    lastKey = key;
    report({ url: url.slice(0, MAX_URL), orderIds });
  }

  function poke(): void {
    if (pending) return;
    pending = true;
    setTimer(scan, Math.max(0, lastScan + interval - now()));
  }

  return { poke, scan };
}

/**
 * Calls `onChange` when the page may show other orders: DOM changes (rows loaded later, a heading
 * rewritten in place, a link's href changed) and hash or history navigation that fires an event.
 * pushState/replaceState fire nothing a content script sees; the caller adds WXT's
 * `wxt:locationchange` (Navigation API, or a 1 s poll of location.href where that is missing), and
 * every scan reads location.href anyway, so a route change that also changes the DOM is caught here.
 */
export function observePage(win: Window, onChange: () => void, signal: AbortSignal): void {
  const observer = new MutationObserver(() => onChange());
  observer.observe(win.document.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['href'],
  });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  win.addEventListener('hashchange', onChange, { signal });
  win.addEventListener('popstate', onChange, { signal });
}
