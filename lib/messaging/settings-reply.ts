/**
 * The check of a reply that carries the settings view (`getSettings` and the key and region
 * actions), written out by hand instead of through the protocol's zod schema.
 *
 * `getSettings` is the first message the settings page and the popup send, and its answer is part
 * of their first screen: checked through the schema, the page first had to load the protocol's
 * chunk and zod (some 45 KB of script) and build the schema while the answer waited, which kept the
 * settings page's connection section at about 2x the floor page of `npm run bench`. This module
 * imports nothing but types, so it costs the page a few hundred bytes.
 *
 * It must accept exactly what the schema accepts and return what the schema returns (unknown keys
 * dropped): settings-reply.test.ts compares the two on fixtures and on generated values, so a
 * change to the schema that is not made here fails the tests.
 */
import type { MessageReply } from './index';
import type { Connection, SettingsView, UserError } from './views';

/** The messages whose reply is `{ ok: true, value: SettingsView } | { ok: false, error }`. */
export const SETTINGS_REPLY_MESSAGES = [
  'getSettings',
  'saveApiKey',
  'removeApiKey',
  'setRegion',
  'protectApiKey',
  'unlockApiKey',
  'lockApiKey',
  'unprotectApiKey',
] as const;
export type SettingsReplyMessage = (typeof SETTINGS_REPLY_MESSAGES)[number];

/** Thrown where the schema would refuse the value; `path` says where, as zod would. */
class Mismatch extends Error {}

type Plain = Record<string, unknown>;

function object(value: unknown, path: string): Plain {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Mismatch(`${path || 'the reply'} is not an object`);
  }
  return value as Plain;
}

function string(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new Mismatch(`${path} is not a string`);
  return value;
}

function number(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Mismatch(`${path} is not a number`);
  return value;
}

function boolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') throw new Mismatch(`${path} is not true or false`);
  return value;
}

/** `key: read(value)` when the key is there with a value; nothing when it is absent or undefined. */
function optional<T>(from: Plain, key: string, path: string, read: (value: unknown, path: string) => T) {
  const value = from[key];
  return value === undefined ? {} : { [key]: read(value, `${path}.${key}`) };
}

function region(value: unknown, path: string): 'us' | 'eu' {
  if (value !== 'us' && value !== 'eu') throw new Mismatch(`${path} is not a region`);
  return value;
}

function userError(value: unknown, path: string): UserError {
  const e = object(value, path);
  return {
    title: string(e.title, `${path}.title`),
    ...optional(e, 'detail', path, string),
    ...optional(e, 'code', path, string),
    ...optional(e, 'status', path, number),
  };
}

function apiKey(value: unknown, path: string): SettingsView['apiKey'] {
  const key = object(value, path);
  switch (key.state) {
    case 'missing':
      return { state: 'missing' };
    case 'saved':
      return {
        state: 'saved',
        hint: string(key.hint, `${path}.hint`),
        savedAt: string(key.savedAt, `${path}.savedAt`),
        ...optional(key, 'protected', path, boolean),
      };
    case 'locked':
      return {
        state: 'locked',
        hint: string(key.hint, `${path}.hint`),
        savedAt: string(key.savedAt, `${path}.savedAt`),
      };
    case 'unreadable':
      return { state: 'unreadable', reason: string(key.reason, `${path}.reason`) };
    default:
      throw new Mismatch(`${path}.state is not a known state`);
  }
}

function idleMinutes(value: unknown, path: string): number {
  const minutes = number(value, path);
  if (!Number.isSafeInteger(minutes) || minutes < 1 || minutes > 1440) {
    throw new Mismatch(`${path} is not a whole number of minutes from 1 to 1440`);
  }
  return minutes;
}

function idName(value: unknown, path: string): { id: number; name: string } {
  const item = object(value, path);
  return { id: number(item.id, `${path}.id`), name: string(item.name, `${path}.name`) };
}

function connection(value: unknown, path: string): Connection {
  const c = object(value, path);
  if (c.state === 'connected') {
    const user = object(c.user, `${path}.user`);
    if (!Array.isArray(c.roles)) throw new Mismatch(`${path}.roles is not a list`);
    return {
      state: 'connected',
      checkedAt: string(c.checkedAt, `${path}.checkedAt`),
      region: region(c.region, `${path}.region`),
      user: {
        id: number(user.id, `${path}.user.id`),
        name: string(user.name, `${path}.user.name`),
        username: string(user.username, `${path}.user.username`),
        email: string(user.email, `${path}.user.email`),
      },
      ...optional(c, 'accountId', path, number),
      ...optional(c, 'container', path, idName),
      roles: c.roles.map((role, i) => idName(role, `${path}.roles[${i}]`)),
      ...optional(c, 'orderingBlocked', path, string),
    };
  }
  if (c.state === 'failed') {
    return {
      state: 'failed',
      checkedAt: string(c.checkedAt, `${path}.checkedAt`),
      region: region(c.region, `${path}.region`),
      error: userError(c.error, `${path}.error`),
    };
  }
  throw new Mismatch(`${path}.state is not a known state`);
}

function settingsView(value: unknown, path: string): SettingsView {
  const view = object(value, path);
  return {
    apiKey: apiKey(view.apiKey, `${path}.apiKey`),
    region: region(view.region, `${path}.region`),
    ...optional(view, 'regionManaged', path, boolean),
    ...optional(view, 'policyLastSeen', path, boolean),
    idleMinutes: idleMinutes(view.idleMinutes, `${path}.idleMinutes`),
    connection: view.connection === null ? null : connection(view.connection, `${path}.connection`),
  };
}

/**
 * The reply as the protocol's schema would return it, or an error naming the first field that does
 * not match (the page shows it as a failure, as it does a schema's refusal).
 */
export function parseSettingsReply<K extends SettingsReplyMessage>(type: K, raw: unknown): MessageReply<K> {
  try {
    const reply = object(raw, '');
    if (reply.ok === true) return { ok: true, value: settingsView(reply.value, 'value') } as MessageReply<K>;
    if (reply.ok === false) return { ok: false, error: userError(reply.error, 'error') } as MessageReply<K>;
    throw new Mismatch('ok is neither true nor false');
  } catch (error) {
    if (!(error instanceof Mismatch)) throw error;
    throw new Error(`The background's answer to "${type}" does not match the protocol: ${error.message}.`);
  }
}

/** The settings view in `value` as the schema would return it, or undefined when it does not match. */
export function readSettingsView(value: unknown): SettingsView | undefined {
  try {
    return settingsView(value, 'view');
  } catch (error) {
    if (error instanceof Mismatch) return undefined;
    throw error;
  }
}

export function isSettingsReplyMessage(type: string): type is SettingsReplyMessage {
  return (SETTINGS_REPLY_MESSAGES as readonly string[]).includes(type);
}
