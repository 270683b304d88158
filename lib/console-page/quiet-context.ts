/**
 * What WXT's content-script wrapper constructs around `main()`, without its announcements. WXT's own
 * context dispatches a "content script started" DOM event on `document` (named after the extension's
 * id, so a page that knows the id learns the script runs, and can dispatch the same event to stop
 * it). The content-script build aliases `wxt/utils/content-script-context` to this module
 * (wxt.config.ts), so nothing is dispatched and nothing the page sends is listened to. The lifetime
 * is the extension's: invalid once `runtime.id` is gone (the extension reloaded, updated or removed).
 */
import { browser } from 'wxt/browser';

export class ContentScriptContext {
  readonly #life = new AbortController();

  constructor(
    readonly contentScriptName: string,
    readonly options?: unknown,
  ) {}

  get signal(): AbortSignal {
    return this.#life.signal;
  }

  get isInvalid(): boolean {
    if (browser.runtime?.id == null) this.#life.abort('The extension went away.');
    return this.#life.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  onInvalidated(listener: () => void): () => void {
    this.#life.signal.addEventListener('abort', listener);
    return () => this.#life.signal.removeEventListener('abort', listener);
  }
}
