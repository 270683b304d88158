// @vitest-environment happy-dom

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from './quiet-context';

beforeEach(() => fakeBrowser.reset());

describe('the content script context', () => {
  it('tells the page nothing when it starts', () => {
    const onDocument = vi.spyOn(document, 'dispatchEvent');
    const onWindow = vi.spyOn(window, 'postMessage');
    const ctx = new ContentScriptContext('certcentral', {});
    expect(ctx.isValid).toBe(true);
    expect(onDocument).not.toHaveBeenCalled();
    expect(onWindow).not.toHaveBeenCalled();
  });

  it('ignores a forged "started" event and ends only when the extension goes away', () => {
    const ctx = new ContentScriptContext('certcentral', {});
    const ended = vi.fn();
    ctx.onInvalidated(ended);
    document.dispatchEvent(
      new CustomEvent(`${fakeBrowser.runtime.id}:certcentral:wxt:content-script-started`, {
        detail: { contentScriptName: 'certcentral', messageId: 'forged' },
      }),
    );
    expect(ctx.isValid).toBe(true);
    const id = vi.spyOn(fakeBrowser.runtime, 'id', 'get').mockReturnValue(undefined as never);
    expect(ctx.isValid).toBe(false);
    expect(ended).toHaveBeenCalledTimes(1);
    id.mockRestore();
  });
});
