import type { IncomingMessage } from 'node:http';
import { assignRequestId, requestIdFrom } from './request-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('requestIdFrom', () => {
  it.each([
    ['a UUID', '3f2c1d9e-8b7a-4c6d-9e0f-1a2b3c4d5e6f', '3f2c1d9e-8b7a-4c6d-9e0f-1a2b3c4d5e6f'],
    ['a trace-style id', 'gw-01:abc.def/42+x=', 'gw-01:abc.def/42+x='],
    ['surrounding spaces', '  req-7  ', 'req-7'],
    ['the first of repeated headers', ['first-id', 'second-id'], 'first-id'],
    ['exactly 128 characters', 'a'.repeat(128), 'a'.repeat(128)],
  ])('keeps %s', (_name, header, expected) => {
    expect(requestIdFrom(header)).toBe(expected);
  });

  it.each([
    ['no header', undefined],
    ['an empty header', ''],
    ['only spaces', '   '],
    ['129 characters', 'a'.repeat(129)],
    ['a newline (log or header injection)', 'ok\nlevel=error'],
    ['quotes and braces', '{"evil":"json"}'],
    ['spaces inside', 'two words'],
    ['non-ASCII', 'habari-ñ'],
  ])('replaces %s with a new UUID', (_name, header) => {
    expect(requestIdFrom(header as string | undefined)).toMatch(UUID);
  });

  it('generates a different id each time', () => {
    expect(requestIdFrom(undefined)).not.toBe(requestIdFrom(undefined));
  });
});

describe('assignRequestId', () => {
  it('gives one request the same id every time it is asked', () => {
    const req = { headers: {} } as IncomingMessage;
    const id = assignRequestId(req);
    expect(id).toMatch(UUID);
    expect(assignRequestId(req)).toBe(id);
  });

  it("keeps the caller's x-request-id", () => {
    expect(assignRequestId({ headers: { 'x-request-id': 'from-the-proxy' } } as unknown as IncomingMessage)).toBe('from-the-proxy');
  });
});
