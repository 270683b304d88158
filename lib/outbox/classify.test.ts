import { describe, expect, it } from 'vitest';
import { CertCentralError } from '../certcentral/errors';
import { classifyPostError, messagesOf } from './classify';

const http = (status: number, errors: { code: string; message: string }[] = []) =>
  new CertCentralError({ kind: 'http', status, errors, unsafeMethod: true, message: `HTTP ${status}` });

describe('classifyPostError', () => {
  it.each([
    ['a timeout', new CertCentralError({ kind: 'timeout', message: 't', unsafeMethod: true }), 'unknown'],
    [
      'a dropped connection',
      new CertCentralError({ kind: 'network', message: 'n', unsafeMethod: true }),
      'unknown',
    ],
    [
      'an unreadable 201',
      new CertCentralError({ kind: 'invalid-response', status: 201, message: 'x', unsafeMethod: true }),
      'unknown',
    ],
    ['a 500', http(500), 'unknown'],
    ['a 503', http(503), 'unknown'],
    ['a 429', http(429, [{ code: 'request_limit_exceeded', message: 'slow down' }]), 'unknown'],
    ['not our error at all', new TypeError('bug'), 'unknown'],
    [
      'the sandbox unique-id code',
      http(400, [{ code: 'duplicate_alternative_order_id', message: 'taken' }]),
      'already-placed',
    ],
    [
      'a unique-id message',
      http(409, [{ code: 'invalid', message: 'Alternative order ID must be unique' }]),
      'already-placed',
    ],
    [
      'an "already exists" message',
      http(400, [{ code: 'x', message: 'alternative_order_id already exists' }]),
      'already-placed',
    ],
    ['a refused field', http(400, [{ code: 'invalid_csr', message: 'The CSR is invalid' }]), 'refused'],
    [
      'a bad alternative id format',
      http(400, [{ code: 'invalid_alternative_order_id', message: 'too long' }]),
      'refused',
    ],
    ['a refused key', http(401, [{ code: 'invalid_api_key', message: 'no' }]), 'refused'],
  ])('%s → %s', (_name, err, outcome) => {
    expect(classifyPostError(err)).toBe(outcome);
  });

  it('keeps every {code, message}, and names a fault without a body', () => {
    const two = [
      { code: 'a', message: 'A' },
      { code: 'b', message: 'B' },
    ];
    expect(messagesOf(http(400, two))).toEqual(two);
    expect(messagesOf(http(502))).toEqual([{ code: 'http_502', message: 'HTTP 502' }]);
  });
});
