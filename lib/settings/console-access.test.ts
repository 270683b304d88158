import { describe, expect, it } from 'vitest';
import { EU_CONSOLE_SCRIPT, type ScriptingApi, syncConsoleScripts } from './console-access';

function fakeScripting(start: string[] = []) {
  const ids = new Set(start);
  const api: ScriptingApi = {
    getRegisteredContentScripts: async (f) =>
      [...ids].filter((id) => !f?.ids || f.ids.includes(id)).map((id) => ({ id })),
    registerContentScripts: async (scripts) => {
      for (const s of scripts) ids.add(s.id);
    },
    unregisterContentScripts: async (f) => {
      for (const id of f?.ids ?? [...ids]) ids.delete(id);
    },
  };
  return { api, ids };
}

describe('syncConsoleScripts', () => {
  it('registers the Europe console script once the permission is granted, and only once', async () => {
    const { api, ids } = fakeScripting();
    expect(await syncConsoleScripts(api, async () => true)).toBe('registered');
    expect([...ids]).toEqual([EU_CONSOLE_SCRIPT.id]);
    expect(await syncConsoleScripts(api, async () => true)).toBe('unchanged');
  });

  it('unregisters it when the permission is given back', async () => {
    const { api, ids } = fakeScripting([EU_CONSOLE_SCRIPT.id]);
    expect(await syncConsoleScripts(api, async () => false)).toBe('unregistered');
    expect(ids.size).toBe(0);
    expect(await syncConsoleScripts(api, async () => false)).toBe('unchanged');
  });

  it('does nothing where the browser has no scripting API', async () => {
    expect(await syncConsoleScripts(null, async () => true)).toBe('unsupported');
  });

  it('matches only the Europe console, with the script the manifest builds', () => {
    expect(EU_CONSOLE_SCRIPT.matches).toEqual(['https://certcentral.digicert.eu/secure/*']);
    expect(EU_CONSOLE_SCRIPT.js).toEqual(['content-scripts/certcentral.js']);
  });
});
