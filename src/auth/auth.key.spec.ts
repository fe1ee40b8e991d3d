import { generateApiKey, hashApiKey, keyDisplayPrefix, keyNameProblem, parseAuthorization } from './auth.key';

describe('API keys', () => {
  it('are hab_ and 43 base64url characters, different every time, and parse back', () => {
    const keys = new Set(Array.from({ length: 50 }, generateApiKey));
    expect(keys.size).toBe(50);
    for (const key of keys) {
      expect(key).toMatch(/^hab_[A-Za-z0-9_-]{43}$/);
      expect(parseAuthorization(`Bearer ${key}`)).toEqual({ kind: 'key', key });
    }
  });

  it('hash to SHA-256 hex', () => {
    // sha256('abc'), FIPS 180-2 test vector
    expect(hashApiKey('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hashApiKey('hab_x')).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiKey('hab_x')).not.toBe(hashApiKey('hab_y'));
    expect(keyDisplayPrefix('hab_abcdefghij')).toBe('hab_abcdef');
  });

  const key = `hab_${'A'.repeat(43)}`;
  it.each([
    [undefined, 'none'],
    ['', 'none'],
    [`Bearer ${key}`, 'key'],
    [`bearer ${key}`, 'key'],
    [`  Bearer   ${key}  `, 'key'],
    [key, 'malformed'],
    [`Basic ${key}`, 'malformed'],
    ['Bearer', 'malformed'],
    ['Bearer hab_short', 'malformed'],
    [`Bearer ${key} extra`, 'malformed'],
    [`Bearer ${key}x`, 'malformed'],
    [['Bearer', key], 'malformed'],
  ])('reads Authorization %p as %s', (header, kind) => {
    expect(parseAuthorization(header).kind).toBe(kind);
  });

  it.each([
    ['web-desk', null],
    ['amina@newsroom', null],
    ['', 'problem'],
    ['-x', 'problem'],
    ['has space', 'problem'],
    ['x'.repeat(101), 'problem'],
  ])('name %p', (name, expected) => {
    expect(keyNameProblem(name) == null ? null : 'problem').toBe(expected);
  });
});
