import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALERT_MESSAGE_KEYS, say, sayCount, text } from './messages';

const sources = readdirSync(__dirname)
  .filter((name) => /\.ts$/.test(name) && !/\.test\.ts$/.test(name) && name !== 'messages.ts')
  .map((name) => readFileSync(join(__dirname, name), 'utf8'))
  .join('\n');

describe('the alerts’ message keys', () => {
  it('are each used by the alerts (the list is what the catalogue must hold, no more)', () => {
    expect(ALERT_MESSAGE_KEYS.filter((key) => !sources.includes(`'${key}'`))).toEqual([]);
  });

  it('are unique, in the catalogue’s form, and come in plural pairs', () => {
    expect(new Set(ALERT_MESSAGE_KEYS).size).toBe(ALERT_MESSAGE_KEYS.length);
    for (const key of ALERT_MESSAGE_KEYS) {
      expect(key).toMatch(/^alerts_[a-z0-9_]+$/);
      const pair = /_one$/.test(key)
        ? key.replace(/_one$/, '_other')
        : /_other$/.test(key)
          ? key.replace(/_other$/, '_one')
          : key;
      expect(ALERT_MESSAGE_KEYS, key).toContain(pair);
    }
  });

  it('build plain and counted messages', () => {
    expect(say('alerts_issued', text('5'))).toEqual({ key: 'alerts_issued', args: [{ text: '5' }] });
    expect(sayCount(2, 'alerts_stuck_one', 'alerts_stuck_other')).toEqual({
      count: 2,
      one: 'alerts_stuck_one',
      other: 'alerts_stuck_other',
      args: [],
    });
  });
});
