/**
 * The background's settings service: everything the options page and popup may ask about the
 * key, the region and the connection. Only the background imports this (it holds the key).
 */
import { CertCentralError, certCentralErrorTitle, describeCertCentralError } from '../certcentral/errors';
import type { Lane } from '../certcentral/rate-limit';
import { createTransport, type Transport } from '../certcentral/transport';
import { getCurrentUser } from '../certcentral/user';
import { t } from '../i18n';
import type { Connection, SettingsView, UserError } from '../messaging';
import { readPolicyShown } from '../policy/display';
import { policyFrom } from '../policy/read';
import type { Region } from '../region';
import type { Reply } from '../reply';
import {
  checkApiKeyInput,
  getApiKeyState,
  loadApiKey,
  lockApiKey,
  protectApiKey,
  removeApiKey,
  saveApiKey,
  unlockApiKey,
  unprotectApiKey,
} from './api-key';
import { unlockedUntil } from './api-key-session';
import {
  describeFailure,
  describeIdentity,
  forgetConnection,
  readConnection,
  saveConnection,
} from './connection';
import { checkRegionAccess } from './host-permission';
import { readRegion, regionLockedError } from './managed-region';
import { readPreferences, setIdleMinutes, setRegion } from './preferences';
import { settingsViewOf } from './view';
import { keepSettingsView } from './view-cache';

export type SettingsDeps = {
  now: () => Date;
  makeTransport: (apiKey: string, region: Region, lane?: Lane) => Transport;
};

export const defaultSettingsDeps: SettingsDeps = {
  now: () => new Date(),
  makeTransport: (apiKey, region, lane) =>
    createTransport({ apiKey, region, timeoutMs: 20_000, ...(lane ? { lane } : {}) }),
};

/**
 * Turns any failure into words for the user; CertCentral's own codes are kept for logic. The title
 * says what happened: "could not be reached" only when nothing answered, a refusal's title fits its
 * advice ("This API key is not valid."), an unreadable answer says so.
 */
export function toUserError(error: unknown): UserError {
  if (error instanceof CertCentralError) {
    const code = error.errors[0]?.code;
    return {
      title: certCentralErrorTitle(error),
      detail: describeCertCentralError(error),
      ...(code ? { code } : {}),
      ...(error.status !== undefined ? { status: error.status } : {}),
    };
  }
  // Only our own messages reach here (never a value that could hold the key).
  return { title: t('common_error_generic'), detail: error instanceof Error ? error.message : String(error) };
}

/** The settings view, read afresh and kept for the background's front (view-cache.ts). */
export function getSettingsView(): Promise<SettingsView> {
  return keepSettingsView(async () => {
    // The region shown may come from the policy last seen while the browser is starting; the region
    // an order or an API call goes to is read afresh (managed-region.ts readRegion).
    const [apiKey, preferences, connection, shown] = await Promise.all([
      getApiKeyState(),
      readPreferences(),
      readConnection(),
      readPolicyShown(),
    ]);
    const policy = await policyFrom(shown.raw);
    const view = settingsViewOf({ apiKey, preferences, connection, policy, policyLastSeen: shown.lastSeen });
    // A view showing an unlocked key holds only until the key locks by itself.
    if (apiKey.state !== 'saved' || !apiKey.protected) return { view, policy: shown };
    return { view, until: (await unlockedUntil()) ?? 0, policy: shown };
  });
}

// Made when needed: messages are read in the language of the moment, never at load.
const wrongPassphrase = (): UserError => ({
  title: t('settings_error_wrong_passphrase'),
  detail: t('settings_error_wrong_passphrase_detail'),
  code: 'wrong_passphrase',
});

/** Runs a lock change; a refusal from the key's module (e.g. no key saved) comes back in words. */
async function lockChange(change: () => Promise<boolean>): Promise<Reply<SettingsView>> {
  try {
    if (!(await change())) return { ok: false, error: wrongPassphrase() };
  } catch (error) {
    return { ok: false, error: { ...toUserError(error), title: t('settings_lock_not_changed') } };
  }
  return { ok: true, value: await getSettingsView() };
}

export function protectKey(input: { passphrase: string; idleMinutes: number }): Promise<Reply<SettingsView>> {
  return lockChange(async () => {
    await setIdleMinutes(input.idleMinutes);
    await protectApiKey(input.passphrase, input.idleMinutes);
    return true;
  });
}

export function unlockKey(input: { passphrase: string }): Promise<Reply<SettingsView>> {
  return lockChange(async () => unlockApiKey(input.passphrase, (await readPreferences()).idleMinutes));
}

export function lockKey(): Promise<Reply<SettingsView>> {
  return lockChange(async () => {
    await lockApiKey();
    return true;
  });
}

export function unprotectKey(input: { passphrase: string }): Promise<Reply<SettingsView>> {
  return lockChange(() => unprotectApiKey(input.passphrase));
}

export async function saveKey(
  input: { apiKey: string; region: Region },
  deps: SettingsDeps,
): Promise<Reply<SettingsView>> {
  const problem = checkApiKeyInput(input.apiKey);
  if (problem)
    return {
      ok: false,
      error: { title: t('settings_error_key_not_saved'), detail: problem, code: 'invalid_key_input' },
    };
  // Under a policy's region the preference is left as it is: the policy's region applies anyway.
  if (!(await readRegion()).managed) await setRegion(input.region);
  await saveApiKey(input.apiKey, deps.now());
  // A new key means the old connection result says nothing about it.
  await forgetConnection();
  return { ok: true, value: await getSettingsView() };
}

export async function removeKey(): Promise<Reply<SettingsView>> {
  await removeApiKey();
  await forgetConnection();
  return { ok: true, value: await getSettingsView() };
}

export async function changeRegion(region: Region): Promise<Reply<SettingsView>> {
  const current = await readRegion();
  if (current.managed) return { ok: false, error: regionLockedError(current.region) };
  const before = await readPreferences();
  await setRegion(region);
  if (before.region !== region) await forgetConnection();
  return { ok: true, value: await getSettingsView() };
}

/** The transport for the saved key and region, or a user error saying what to set up first. */
/** `lane`: the rate limiter's queue its requests wait in; submissions use `first` (rate-limit.ts). */
export async function openTransport(deps: SettingsDeps, lane?: Lane): Promise<Reply<Transport>> {
  const apiKey = await loadApiKey();
  if (!apiKey && (await getApiKeyState()).state === 'locked') {
    // Not a failure of the order: the outbox waits (lib/outbox) until the user unlocks.
    return {
      ok: false,
      error: {
        title: t('settings_error_key_locked'),
        detail: t('settings_error_key_locked_detail'),
        code: 'key_locked',
      },
    };
  }
  if (!apiKey) {
    return {
      ok: false,
      error: {
        title: t('settings_error_no_key'),
        detail: t('settings_error_no_key_detail'),
        code: 'no_api_key',
      },
    };
  }
  const { region } = await readRegion();
  // The Europe host is an optional permission: withdrawn after it was chosen, no call may go there.
  const blocked = await checkRegionAccess(region);
  if (blocked) return { ok: false, error: blocked };
  return { ok: true, value: deps.makeTransport(apiKey, region, lane) };
}

/** "Test connection": `GET /user/me` tells who the key belongs to. The result is remembered. */
export async function testConnection(deps: SettingsDeps): Promise<Reply<Connection>> {
  const transport = await openTransport(deps);
  if (!transport.ok) return transport;
  const region = transport.value.region;
  let connection: Connection;
  try {
    connection = describeIdentity(await getCurrentUser(transport.value), region, deps.now());
  } catch (error) {
    connection = describeFailure(toUserError(error), region, deps.now());
  }
  await saveConnection(connection);
  return { ok: true, value: connection };
}
