/**
 * The content script on the Europe console, registered only while the user has granted the Europe
 * host permission. Declared in the manifest, a content script's match is itself a host grant made at
 * install, so the Europe console would be reachable for every US account; registered at run time it
 * follows the optional permission (asked for when Europe is chosen, given back when it is left).
 */
import { browser } from 'wxt/browser';
import { consolePattern } from '../region';
import { hasRegionAccess } from './host-permission';

/** The same script the manifest declares for the US console (WXT's output path for it). */
export const EU_CONSOLE_SCRIPT = {
  id: 'certcentral-eu-console',
  matches: [consolePattern('eu')],
  js: ['content-scripts/certcentral.js'],
  runAt: 'document_idle' as const,
};

/** The part of `browser.scripting` used here; tests pass a fake. */
export type ScriptingApi = {
  getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<{ id: string }[]>;
  registerContentScripts(scripts: (typeof EU_CONSOLE_SCRIPT)[]): Promise<void>;
  unregisterContentScripts(filter?: { ids?: string[] }): Promise<void>;
};

export type ConsoleScriptChange = 'registered' | 'unregistered' | 'unchanged' | 'unsupported';

function defaultScripting(): ScriptingApi | null {
  const scripting = (browser as unknown as { scripting?: Partial<ScriptingApi> }).scripting;
  return typeof scripting?.registerContentScripts === 'function' ? (scripting as ScriptingApi) : null;
}

/** Makes the registration match the permission: called at start and whenever permissions change. */
export async function syncConsoleScripts(
  scripting: ScriptingApi | null = defaultScripting(),
  hasEurope: () => Promise<boolean> = () => hasRegionAccess('eu'),
): Promise<ConsoleScriptChange> {
  if (!scripting) return 'unsupported';
  const ids = [EU_CONSOLE_SCRIPT.id];
  const [granted, registered] = await Promise.all([
    hasEurope(),
    scripting.getRegisteredContentScripts({ ids }).then((list) => list.length > 0),
  ]);
  if (granted && !registered) {
    await scripting.registerContentScripts([EU_CONSOLE_SCRIPT]);
    return 'registered';
  }
  if (!granted && registered) {
    await scripting.unregisterContentScripts({ ids });
    return 'unregistered';
  }
  return 'unchanged';
}
