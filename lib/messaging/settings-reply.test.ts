import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { protocol } from './protocol';
import { isSettingsReplyMessage, parseSettingsReply, SETTINGS_REPLY_MESSAGES } from './settings-reply';

/** What the protocol's schema makes of `raw`: its output, or that it refused it. */
function bySchema(type: (typeof SETTINGS_REPLY_MESSAGES)[number], raw: unknown) {
  const parsed = protocol[type].reply.safeParse(raw);
  return parsed.success ? { value: parsed.data } : { refused: true };
}

function byHand(type: (typeof SETTINGS_REPLY_MESSAGES)[number], raw: unknown) {
  try {
    return { value: parseSettingsReply(type, raw) };
  } catch (error) {
    expect((error as Error).message).toMatch(/does not match the protocol/);
    return { refused: true };
  }
}

const connected = {
  state: 'connected',
  checkedAt: '2026-12-03T10:00:00.000Z',
  region: 'us',
  user: { id: 7, name: 'Ada Admin', username: 'ada', email: 'ada@example.com', extra: 1 },
  accountId: 5,
  container: { id: 1, name: 'Main' },
  roles: [{ id: 1, name: 'Administrator' }],
  orderingBlocked: 'View Only',
};
const view = {
  apiKey: { state: 'saved', hint: '…abcd', savedAt: '2026-12-01T00:00:00.000Z', protected: true },
  region: 'eu',
  idleMinutes: 15,
  connection: connected,
};

/** Values as the background sends them, and each way one can be wrong. */
const FIXTURES: unknown[] = [
  { ok: true, value: view },
  { ok: true, value: { ...view, connection: null, apiKey: { state: 'missing' } } },
  { ok: true, value: { ...view, apiKey: { state: 'locked', hint: 'x', savedAt: 'y', protected: true } } },
  { ok: true, value: { ...view, apiKey: { state: 'unreadable', reason: 'damaged' } } },
  {
    ok: true,
    value: {
      ...view,
      connection: {
        state: 'failed',
        checkedAt: 'now',
        region: 'us',
        error: { title: 'Refused', detail: 'd', code: 'access_denied', status: 403 },
      },
    },
  },
  { ok: true, value: { ...view, connection: { ...connected, accountId: undefined, container: undefined } } },
  { ok: true, value: { ...view, surplus: 'dropped' } },
  { ok: false, error: { title: 'No answer' } },
  { ok: false, error: { title: 'No answer', status: 0, more: true } },
  // Refused:
  undefined,
  null,
  [],
  { ok: 'yes', value: view },
  { ok: false },
  { ok: false, error: { detail: 'no title' } },
  { ok: true, value: { ...view, region: 'ca' } },
  { ok: true, value: { ...view, idleMinutes: 0 } },
  { ok: true, value: { ...view, idleMinutes: 1441 } },
  { ok: true, value: { ...view, idleMinutes: 2.5 } },
  { ok: true, value: { ...view, idleMinutes: Number.NaN } },
  { ok: true, value: { ...view, connection: undefined } },
  { ok: true, value: { ...view, apiKey: { state: 'saved', hint: 'x' } } },
  { ok: true, value: { ...view, apiKey: { state: 'gone' } } },
  { ok: true, value: { ...view, connection: { ...connected, roles: [{ id: '1', name: 'x' }] } } },
  { ok: true, value: { ...view, connection: { ...connected, roles: undefined } } },
  { ok: true, value: { ...view, connection: { ...connected, user: { ...connected.user, email: null } } } },
  { ok: true, value: { ...view, connection: { ...connected, accountId: Number.POSITIVE_INFINITY } } },
  { ok: true, value: { ...view, connection: { ...connected, container: null } } },
  { ok: true, value: { ...view, connection: { ...connected, state: 'unknown' } } },
  { ok: true, value: { ...view, connection: { state: 'failed', checkedAt: 'now', region: 'us' } } },
];

/** A value at `path` of `base` replaced by `value` (a copy; `base` is left as it is). */
function replaced(base: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string, ...string[]];
  const copy: Record<string, unknown> = Array.isArray(base)
    ? ([...base] as unknown as Record<string, unknown>)
    : { ...(base as Record<string, unknown>) };
  copy[head] = replaced(copy[head], rest, value);
  return copy;
}

const PATHS = [
  [],
  ['ok'],
  ['value'],
  ['error'],
  ['error', 'title'],
  ['error', 'status'],
  ['value', 'apiKey'],
  ['value', 'apiKey', 'state'],
  ['value', 'apiKey', 'hint'],
  ['value', 'apiKey', 'protected'],
  ['value', 'region'],
  ['value', 'idleMinutes'],
  ['value', 'connection'],
  ['value', 'connection', 'state'],
  ['value', 'connection', 'region'],
  ['value', 'connection', 'user'],
  ['value', 'connection', 'user', 'id'],
  ['value', 'connection', 'accountId'],
  ['value', 'connection', 'container'],
  ['value', 'connection', 'container', 'name'],
  ['value', 'connection', 'roles'],
  ['value', 'connection', 'roles', '0'],
  ['value', 'connection', 'roles', '0', 'id'],
  ['value', 'connection', 'orderingBlocked'],
  ['value', 'connection', 'error'],
  ['value', 'connection', 'error', 'code'],
];

const anyValue = fc.oneof(
  fc.anything(),
  fc.constantFrom('us', 'eu', 'missing', 'saved', 'locked', 'unreadable', 'connected', 'failed'),
  fc.constantFrom(true, false, null, undefined, 0, 1, 1440, 1441, -1, 2.5, Number.NaN, 2 ** 53),
  fc.integer(),
  fc.double(),
);

const apiKeyArb = fc.oneof(
  fc.constant({ state: 'missing' }),
  fc.record(
    { state: fc.constant('saved'), hint: fc.string(), savedAt: fc.string(), protected: fc.boolean() },
    { requiredKeys: ['state', 'hint', 'savedAt'] },
  ),
  fc.record({ state: fc.constant('locked'), hint: fc.string(), savedAt: fc.string() }),
  fc.record({ state: fc.constant('unreadable'), reason: fc.string() }),
);
const idName = fc.record({ id: fc.integer(), name: fc.string() });
const userErrorArb = fc.record(
  { title: fc.string(), detail: fc.string(), code: fc.string(), status: fc.integer() },
  { requiredKeys: ['title'] },
);
const connectionArb = fc.oneof(
  fc.constant(null),
  fc.record(
    {
      state: fc.constant('connected'),
      checkedAt: fc.string(),
      region: fc.constantFrom('us', 'eu'),
      user: fc.record({ id: fc.integer(), name: fc.string(), username: fc.string(), email: fc.string() }),
      accountId: fc.integer(),
      container: idName,
      roles: fc.array(idName, { maxLength: 3 }),
      orderingBlocked: fc.string(),
    },
    { requiredKeys: ['state', 'checkedAt', 'region', 'user', 'roles'] },
  ),
  fc.record({
    state: fc.constant('failed'),
    checkedAt: fc.string(),
    region: fc.constantFrom('us', 'eu'),
    error: userErrorArb,
  }),
);
const replyArb = fc.oneof(
  fc.record({
    ok: fc.constant(true),
    value: fc.record({
      apiKey: apiKeyArb,
      region: fc.constantFrom('us', 'eu'),
      idleMinutes: fc.integer({ min: 1, max: 1440 }),
      connection: connectionArb,
    }),
  }),
  fc.record({ ok: fc.constant(false), error: userErrorArb }),
);

describe('parseSettingsReply', () => {
  it('is used only for messages whose reply is the settings view', () => {
    const expected = bySchema('getSettings', { ok: true, value: view });
    for (const type of SETTINGS_REPLY_MESSAGES) {
      expect(bySchema(type, { ok: true, value: view })).toEqual(expected);
      expect(bySchema(type, { ok: true, value: { ...view, idleMinutes: 0 } })).toEqual({ refused: true });
    }
    expect(isSettingsReplyMessage('getSettings')).toBe(true);
    expect(isSettingsReplyMessage('testConnection')).toBe(false);
  });

  it.each(FIXTURES.map((raw, i) => [i, raw]))('agrees with the schema on fixture %i', (_, raw) => {
    for (const type of SETTINGS_REPLY_MESSAGES) expect(byHand(type, raw)).toEqual(bySchema(type, raw));
  });

  it('agrees with the schema on generated replies, each with one value replaced', () => {
    fc.assert(
      fc.property(
        replyArb,
        fc.constantFrom(...PATHS),
        anyValue,
        fc.boolean(),
        fc.constantFrom(...SETTINGS_REPLY_MESSAGES),
        (reply, path, value, change, type) => {
          const raw = change ? replaced(reply, path, value) : reply;
          expect(byHand(type, raw)).toEqual(bySchema(type, raw));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('names the field that does not match', () => {
    expect(() => parseSettingsReply('getSettings', { ok: true, value: { ...view, region: 'ca' } })).toThrow(
      'The background\'s answer to "getSettings" does not match the protocol: value.region is not a region.',
    );
  });
});
