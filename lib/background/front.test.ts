import { describe, expect, it, vi } from 'vitest';
import { askServices, isProtocolMessage, SERVICES_GLOBAL, type Services, servicesLoader } from './front';

const services = (answer: Services['answer']): Services => ({ answer, emit: () => undefined });

describe('servicesLoader', () => {
  it('imports the services script once, the first time they are needed', () => {
    const scope: Record<string, unknown> & { importScripts: (url: string) => void } = {
      importScripts: vi.fn((url: string) => {
        expect(url).toBe('/background-services.js');
        scope[SERVICES_GLOBAL] = services(() => undefined);
      }),
    };
    const load = servicesLoader(scope);
    expect(scope.importScripts).not.toHaveBeenCalled();
    const first = load();
    expect(load()).toBe(first);
    expect(scope.importScripts).toHaveBeenCalledTimes(1);
  });

  it('uses services already loaded, as in a background page where the manifest lists them first', () => {
    const loaded = services(() => undefined);
    expect(servicesLoader({ [SERVICES_GLOBAL]: loaded })()).toBe(loaded);
  });

  it('says so when the script did not leave the services', () => {
    const load = servicesLoader({ importScripts: () => undefined });
    expect(load).toThrow("The background's services did not load from /background-services.js.");
  });
});

describe('isProtocolMessage', () => {
  it('takes what the pages’ messenger sends, and nothing else', () => {
    expect(isProtocolMessage({ id: 1, type: 'getSettings', timestamp: 5 })).toBe(true);
    expect(isProtocolMessage({ type: 'getSettings' })).toBe(false);
    expect(isProtocolMessage({ type: 1, timestamp: 5 })).toBe(false);
    expect(isProtocolMessage('getSettings')).toBe(false);
    expect(isProtocolMessage(null)).toBe(false);
  });
});

describe('askServices', () => {
  const sender = { id: 'self', url: 'chrome-extension://self/options.html' };

  it('hands the message on and gives back the services’ reply', async () => {
    const answer = vi.fn(async () => ({ res: { ok: true } }));
    expect(await askServices(() => services(answer), 'getSettings', undefined, sender)).toEqual({ ok: true });
    expect(answer).toHaveBeenCalledWith(
      { type: 'getSettings', data: undefined, timestamp: expect.any(Number) },
      sender,
    );
  });

  it('throws the services’ refusal as the Error the page would have been given', async () => {
    const refused = async () => ({ err: { name: 'Error', message: 'Refused "getSettings".', stack: '' } });
    await expect(askServices(() => services(refused), 'getSettings', undefined, sender)).rejects.toThrow(
      'Refused "getSettings".',
    );
  });

  it('says so when the services do not answer that message', async () => {
    await expect(askServices(() => services(() => undefined), 'getSettings', 1, sender)).rejects.toThrow(
      `The background's services do not answer "getSettings".`,
    );
  });
});
