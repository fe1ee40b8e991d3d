import { BodyBlockKind } from '../articles/article.enums';
import { Problems, checkArticleFields, checkSlug, checkText } from './editorial.validation';

const fieldsOf = (input: Record<string, unknown>, creating = true) => {
  const problems = new Problems();
  const values = checkArticleFields(problems, input as never, creating);
  return { fields: problems.list.map((p) => p.field), values };
};
const paragraph = [{ type: BodyBlockKind.PARAGRAPH, text: ' Aya  ya kwanza. ' }];

describe('editorial validation', () => {
  it.each([
    ['bunge-lapitisha-bajeti', 'bunge-lapitisha-bajeti'],
    ['ምርጫ-2024', 'ምርጫ-2024'],
    ['cote-d-ivoire', 'cote-d-ivoire'],
    ['Bunge', undefined],
    ['a--b', undefined],
    ['-a', undefined],
    ['a b', undefined],
    ['<script>', undefined],
    ['x'.repeat(101), undefined],
  ])('slug %p -> %p', (slug, expected) => {
    expect(checkSlug(new Problems(), 'slug', slug)).toBe(expected);
  });

  it.each([
    ['  two  spaces\u00a0here ', 'two spaces here'],
    ['<script>alert(1)</script>', '<script>alert(1)</script>'],
    ['nul\u0000byte', undefined],
    ['bell\u0007', undefined],
    ['lone \ud800 surrogate', undefined],
    ['x'.repeat(101), undefined],
  ])('text %p -> %p', (text, expected) => {
    expect(checkText(new Problems(), 'title', text, 100)).toBe(expected);
  });

  it('needs title and body to create, not to update', () => {
    expect(fieldsOf({}).fields).toEqual(['title', 'body']);
    expect(fieldsOf({}, false).fields).toEqual([]);
    expect(fieldsOf({ title: null }, false).fields).toEqual(['title']);
  });

  it('cleans what it accepts and keeps absent fields absent', () => {
    const { fields, values } = fieldsOf({ title: ' Kichwa ', body: paragraph, tags: ['Siasa', 'siasa ', 'Uchumi'], standfirst: null });
    expect(fields).toEqual([]);
    expect(values).toMatchObject({ title: 'Kichwa', body: [{ type: 'PARAGRAPH', text: 'Aya ya kwanza.' }], tags: ['siasa', 'uchumi'], standfirst: null });
    expect('canonicalUrl' in values && values.canonicalUrl !== undefined).toBe(false);
  });

  it('reports one problem per bad field, all at once', () => {
    const { fields } = fieldsOf({
      title: '',
      body: [{ type: BodyBlockKind.QUOTE, text: 'Nukuu tu' }],
      canonicalUrl: 'vbscript:msgbox(1)',
      readingTimeMinutes: 601,
      leadImage: { url: 'file:///etc/passwd', caption: 'ok', width: 0, height: 30_000 },
      inlineImages: [{ url: 'https://example.org/a.jpg' }, { url: ' data:image/png;base64,AAAA' }],
      tags: Array.from({ length: 51 }, (_, i) => `t${i}`),
    });
    expect(fields).toEqual(['title', 'canonicalUrl', 'readingTimeMinutes', 'body', 'tags', 'leadImage.url', 'leadImage.width', 'leadImage.height', 'inlineImages[1].url']);
  });
});
