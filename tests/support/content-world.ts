/**
 * Runs code inside the extension's content-script world on a page (the isolated world Chromium
 * creates for the content script), through the DevTools protocol, so tests can check what a
 * content script can and cannot reach.
 */
import type { Page } from 'playwright-core';

type ContextCreated = {
  context: { id: number; name: string; auxData?: { type?: string; frameId?: string } };
};

export async function contentScriptWorld(page: Page, extensionName: string) {
  const cdp = await page.context().newCDPSession(page);
  const contexts: ContextCreated['context'][] = [];
  cdp.on('Runtime.executionContextCreated', (event: ContextCreated) => contexts.push(event.context));
  await cdp.send('Runtime.enable');
  const deadline = Date.now() + 10_000;
  let world: ContextCreated['context'] | undefined;
  while (!world) {
    world = contexts.find((c) => c.auxData?.type === 'isolated' && c.name === extensionName);
    if (world) break;
    if (Date.now() > deadline)
      throw new Error(`no content-script world named "${extensionName}" on ${page.url()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const contextId = world.id;
  return {
    async evaluate(expression: string): Promise<string> {
      const result = await cdp.send('Runtime.evaluate', {
        expression,
        contextId,
        awaitPromise: true,
        returnByValue: true,
      });
      if (result.exceptionDetails)
        return `threw: ${result.exceptionDetails.exception?.description ?? result.exceptionDetails.text}`;
      return String(result.result.value);
    },
  };
}
