import { clientAddress } from './request-identity';

describe('clientAddress', () => {
  it.each([
    ['the socket address when no proxy is trusted', '203.0.113.9', '198.51.100.1', 0, '203.0.113.9'],
    ['X-Forwarded-For ignored without TRUST_PROXY', '10.0.0.2', '198.51.100.1', 0, '10.0.0.2'],
    ['the entry one proxy appended', '10.0.0.2', '198.51.100.1', 1, '198.51.100.1'],
    ['a forged left entry ignored behind one proxy', '10.0.0.2', '1.2.3.4, 198.51.100.1', 1, '198.51.100.1'],
    ['two proxies: second entry from the right', '10.0.0.2', '1.2.3.4, 198.51.100.1, 10.0.0.7', 2, '198.51.100.1'],
    ['more trusted hops than entries: the leftmost', '10.0.0.2', '198.51.100.1', 3, '198.51.100.1'],
    ['no header behind a trusted proxy: the proxy', '10.0.0.2', undefined, 1, '10.0.0.2'],
    ['IPv4-mapped IPv6 folded', '::ffff:203.0.113.9', undefined, 0, '203.0.113.9'],
    ['IPv6 lower-cased', '2001:DB8::1', undefined, 0, '2001:db8::1'],
    ['repeated headers joined', '10.0.0.2', ['1.2.3.4', '198.51.100.1'], 1, '198.51.100.1'],
  ] as const)('%s', (_, socket, header, trust, expected) => {
    expect(clientAddress(socket, header as string | string[] | undefined, trust)).toBe(expected);
  });
});
