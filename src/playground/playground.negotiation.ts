/**
 * Whether an Accept-style header (Accept, Accept-Encoding) lists `token`, or
 * else `wildcard`, with a quality above zero. An explicit entry wins over the
 * wildcard, so `gzip;q=0, *` refuses gzip. A missing header accepts nothing:
 * we only switch representation when the client asked for it.
 */
export function headerAccepts(header: string | undefined, token: string, wildcard?: string): boolean {
  if (!header) return false;
  let wildcardQuality: number | undefined;
  for (const entry of header.split(',')) {
    const [value, ...params] = entry.split(';');
    const name = value.trim().toLowerCase();
    if (name === token) return quality(params) > 0;
    if (wildcard !== undefined && name === wildcard) wildcardQuality = quality(params);
  }
  return wildcardQuality !== undefined && wildcardQuality > 0;
}

function quality(params: string[]): number {
  for (const param of params) {
    const match = /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(param);
    if (match) return Number(match[1]) || 0;
  }
  return 1;
}
