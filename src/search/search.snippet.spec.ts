import { buildSnippet } from './search.snippet';

const visible = (html: string) => html.replace(/<\/?mark>/g, '').replace(/&(amp|lt|gt|quot|#39);/g, 'x');

describe('buildSnippet', () => {
  it.each([
    ['marks whole words whatever their case or accents', 'Élection au Kenya', ['election', 'kenya'], '<mark>Élection</mark> au <mark>Kenya</mark>'],
    ['matches the last term as a prefix, like the query', 'Spika wa bunge', ['spik'], '<mark>Spika</mark> wa bunge'],
    ['matches earlier terms only whole', 'Spika wa bunge', ['spik', 'bun'], 'Spika wa <mark>bunge</mark>'],
    ['escapes HTML around the marks', 'a <b>Kenya</b> & "co"', ['kenya'], 'a &lt;b&gt;<mark>Kenya</mark>&lt;/b&gt; &amp; &quot;co&quot;'],
    ['escapes inside a mark', "O'Brien", ['brien'], '<mark>O&#39;Brien</mark>'],
    ['marks a word whose apostrophe part matches', "l'État", ['etat'], '<mark>l&#39;État</mark>'],
    ['marks Hausa hooked letters', 'Ƙasar Najeriya', ['kasar'], '<mark>Ƙasar</mark> Najeriya'],
    ['marks Ge\'ez words', 'የኢትዮጵያ ምርጫ ተካሄደ።', ['ምርጫ'], 'የኢትዮጵያ <mark>ምርጫ</mark> ተካሄደ።'],
    ['collapses whitespace', 'a\n\n  b\u00A0c', ['b'], 'a <mark>b</mark> c'],
    ['returns the text unmarked when nothing matches', 'Habari za leo', ['zzz'], 'Habari za leo'],
    ['returns an empty snippet for an empty text', '', ['a'], ''],
  ])('%s', (_case, text, terms, expected) => {
    expect(buildSnippet(text, terms)).toBe(expected);
  });

  const long = `${'Mwanzo wa habari hii ni mrefu sana. '.repeat(20)}Rais Ruto alihutubia bunge leo. ${'Mwisho wa habari. '.repeat(20)}`;

  it('centres a long text on the match, with ellipses where it was cut', () => {
    const snippet = buildSnippet(long, ['ruto'], 80);
    expect(snippet).toMatch(/^….*<mark>Ruto<\/mark>.*…$/u);
    expect([...visible(snippet)].length).toBeLessThanOrEqual(80);
  });

  it('prefers the window with the most distinct terms', () => {
    const text = `Kenya ${'x '.repeat(100)}Kenya bunge Ruto ${'y '.repeat(100)}`;
    const snippet = buildSnippet(text, ['kenya', 'bunge', 'ruto'], 40);
    expect(snippet).toContain('<mark>bunge</mark> <mark>Ruto</mark>');
  });

  it('starts at the beginning when nothing matches', () => {
    const snippet = buildSnippet(long, ['zzz'], 50);
    expect(snippet.startsWith('Mwanzo')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect([...visible(snippet)].length).toBeLessThanOrEqual(50);
  });

  it('never exceeds maxLength visible characters', () => {
    for (const max of [1, 2, 5, 17, 60, 200]) {
      for (const terms of [['ruto'], ['habari'], ['zzz']]) {
        expect([...visible(buildSnippet(long, terms, max))].length).toBeLessThanOrEqual(max);
      }
    }
  });

  it('cuts at word boundaries', () => {
    expect(buildSnippet(`https://example.org/${'a'.repeat(300)}`, ['zzz'], 20)).toBe('https://example.org…');
  });

  it('cuts a single word longer than maxLength', () => {
    expect(buildSnippet('a'.repeat(300), ['zzz'], 20)).toBe(`${'a'.repeat(19)}…`);
  });

  it('looks for the window only in the first 20,000 characters of a huge body', () => {
    const huge = `Ruto ${'maneno mengi '.repeat(2_000)} bunge mwishoni`;
    expect(buildSnippet(huge, ['ruto'], 30)).toBe('<mark>Ruto</mark> maneno mengi maneno…');
    expect(buildSnippet(huge, ['bunge'], 30)).toBe('Ruto maneno mengi maneno…');
    expect(buildSnippet('🔥'.repeat(30_000), ['x'], 5)).toBe('🔥…'); // no split surrogate pair
  });

  it('gives nothing for a maxLength of zero or less', () => {
    expect(buildSnippet('Kenya', ['kenya'], 0)).toBe('');
  });
});
