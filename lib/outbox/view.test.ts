import { describe, expect, it } from 'vitest';
import { filterSubmissions } from './filter';
import { entryIn } from './testing/entries';
import { toSubmissionView } from './view';

describe('toSubmissionView', () => {
  it('a just-placed order: waiting, cancelable, linked to the console of its region', () => {
    const view = toSubmissionView({ ...entryIn('placed'), region: 'eu' });
    expect(view).toMatchObject({
      state: 'placed',
      statusWord: 'waiting',
      orderId: 1001,
      productName: 'Secure Site Pro EV SSL',
      canCancel: true,
      canDownload: false,
      canCheckAgain: false,
      attention: false,
    });
    expect(view.consoleUrl).toMatch(/^https:\/\/certcentral\.digicert\.eu\/secure\/orders\/.*1001/);
  });

  it('an issued order offers the certificate and can no longer be canceled', () => {
    const view = toSubmissionView({
      ...entryIn('placed'),
      orderStatus: 'issued',
      certificateId: 77,
      finishedAt: 'x',
    });
    expect(view).toMatchObject({ statusWord: 'done', canDownload: true, canCancel: false });
  });

  it('an unknown entry that stopped trying offers "check again" and needs attention', () => {
    const view = toSubmissionView({ ...entryIn('unknown'), nextAttemptAt: undefined });
    expect(view).toMatchObject({ statusWord: 'unsure', canCheckAgain: true, attention: true });
    expect(view.consoleUrl).toBeUndefined();
  });

  it('a failed entry keeps the API messages and has no order actions', () => {
    const failed = entryIn('failed');
    const view = toSubmissionView(failed);
    expect(view).toMatchObject({
      statusWord: 'failed',
      canCancel: false,
      canDownload: false,
      attention: true,
    });
    expect(view.messages).toEqual(failed.messages);
  });

  it('carries the timeline, oldest first', () => {
    const view = toSubmissionView(entryIn('placed'));
    expect(view.timeline.map((s) => s.state)).toEqual(['queued', 'sending', 'placed']);
  });
});

describe('filterSubmissions', () => {
  const placed = toSubmissionView({ ...entryIn('placed'), commonName: 'shop.example.com' });
  const failed = toSubmissionView({ ...entryIn('failed', { id: 'f' }), commonName: 'api.example.org' });
  const list = [placed, failed];

  it.each([
    [{ text: '', status: 'all' }, ['shop.example.com', 'api.example.org']],
    [{ text: 'shop', status: 'all' }, ['shop.example.com']],
    [{ text: '#1001', status: 'all' }, ['shop.example.com']],
    [{ text: 'EXAMPLE ORG', status: 'all' }, ['api.example.org']],
    [{ text: '', status: 'failed' }, ['api.example.org']],
    [{ text: '', status: 'attention' }, ['api.example.org']],
    [{ text: '', status: 'waiting' }, ['shop.example.com']],
    [{ text: 'shop', status: 'failed' }, []],
  ] as const)('%j → %j', (filter, names) => {
    expect(filterSubmissions(list, filter).map((s) => s.commonName)).toEqual(names);
  });
});
