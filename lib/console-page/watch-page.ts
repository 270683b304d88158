/**
 * Following a console page after it loaded: in-page navigation (hash and history changes) and
 * rows that arrive later. Any change only *pokes* the watcher; it scans at most once per interval
 * and reports only when what it read changed, so a busy page costs a boolean check per mutation.
 */

/** What the content script tells the background: the ids only; the URL is the sender's, as the browser reports it. */
export type PageReport = { orderIds: number[] };

export type PageWatcherOptions = {
  /** Reads the page's order ids now. */
  read: () => number[];
  /** Sends a report; called for the first scan and whenever the ids read change. */
  report: (report: PageReport) => void;
  /** At most one scan per this many milliseconds. */
  interval?: number;
  /** A timer that does nothing once the content script has stopped. */
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
    const orderIds = read();
    // The order matters only for the page's own order, which readers put first.
    const key = orderIds.join(',');
    if (key === lastKey) return;
    lastKey = key;
    report({ orderIds });
  }

  function poke(): void {
    if (pending) return;
    pending = true;
    setTimer(scan, Math.max(0, lastScan + interval - now()));
  }

  return { poke, scan };
}

/** How often the URL is compared where the Navigation API is missing. */
const URL_POLL_MS = 1000;

/**
 * Calls `onChange` when the page may show other orders: DOM changes (rows loaded later, a heading
 * rewritten in place, a link's href changed), hash or history navigation that fires an event, and
 * pushState/replaceState, which fire nothing but the Navigation API's `navigate` (or, where that
 * is missing, a change of location.href seen by a 1 s poll). The page can fire any of these events
 * itself; that only causes a scan, which reads the page as it is.
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
  const navigation = (win as { navigation?: EventTarget }).navigation;
  if (typeof navigation?.addEventListener === 'function') {
    navigation.addEventListener('navigate', onChange, { signal });
    return;
  }
  let href = win.location.href;
  const poll = win.setInterval(() => {
    if (win.location.href === href) return;
    href = win.location.href;
    onChange();
  }, URL_POLL_MS);
  signal.addEventListener('abort', () => win.clearInterval(poll), { once: true });
}
