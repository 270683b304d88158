import { describe, expect, it, vi } from 'vitest';
import { restrictStorageToExtension } from './access';

const closable = (result: Promise<void> = Promise.resolve()) => ({ setAccessLevel: vi.fn(() => result) });

describe('closing extension storage to content scripts', () => {
  it('asks every area that has the switch for trusted contexts only (Chromium)', () => {
    const areas = { local: closable(), sync: closable(), session: closable() };
    expect(restrictStorageToExtension(areas)).toEqual(['local', 'sync', 'session']);
    for (const area of Object.values(areas))
      expect(area.setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
  });

  it('skips an area without it (Firefox: storage.local), or without the area at all', () => {
    const session = closable();
    expect(restrictStorageToExtension({ local: {}, session })).toEqual(['session']);
    expect(restrictStorageToExtension({})).toEqual([]);
  });

  it('warns, naming the area only, when the browser refuses', async () => {
    const warn = vi.fn();
    restrictStorageToExtension({ local: closable(Promise.reject(new Error('nope'))) }, warn);
    await vi.waitFor(() =>
      expect(warn).toHaveBeenCalledWith('storage.local could not be closed to content scripts.'),
    );
  });
});
