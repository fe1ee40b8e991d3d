import { contentHashOf } from './article.draft';
import { ArticleStatus } from './article.enums';
import { prepareDraft } from './article.prepare';

describe('prepareDraft', () => {
  const draft = (title: string, paragraphs: string[]) => ({
    language: 'sw',
    title,
    body: paragraphs.map((text) => ({ type: 'PARAGRAPH' as const, text })),
    status: ArticleStatus.PUBLISHED,
  });

  // The content hash is an article's identity when it has no URL: the shortcut
  // must give exactly the hash of the title and body text as written.
  it.each([
    ['plain text', draft('Rais wa Kenya', ['Aya ya kwanza.', 'Aya ya pili.'])],
    ['spaces, tabs, no-break spaces and line breaks', draft('  Rais\u00A0wa \tKenya ', ['Aya  ya\nkwanza. ', '\u00A0Aya ya pili'])],
    ['decomposed accents and capitals', draft('L’E\u0301TAT', ['Le\u0301 MONDE', 'Ça va'])],
    ['an empty paragraph is dropped', draft('Habari', ['Aya', '   ', 'Nyingine'])],
    ['Ge’ez text', draft('ሰላም ለዓለም', ['ኢትዮጵያ፡ አዲስ አበባ።'])],
  ])('hashes %s as contentHashOf does', (_case, input) => {
    const prepared = prepareDraft(input);
    expect(prepared.contentHash).toBe(contentHashOf(input.title, input.body.map((block) => block.text).join('\n\n')));
  });

  it('counts words and tokenizes for search only when asked', () => {
    const prepared = prepareDraft(draft('Rais wa Kenya', ['Rais amesema leo.']), { withSearchDocument: true });
    expect(prepared.wordCount).toBe(3);
    expect(prepared.searchDocument).toEqual({ title: 'rais wa kenya', standfirst: '', body: 'rais amesema leo' });
    expect(prepareDraft(draft('Rais', ['Aya.'])).searchDocument).toBeUndefined();
  });

  it('refuses a draft without body text, naming the field', () => {
    expect(() => prepareDraft(draft('Habari', ['  ']))).toThrow(/body/);
  });
});
