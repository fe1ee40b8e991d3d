import { escapeHtml, html, jsonScriptContent, trustedHtml } from './reader.html';

describe('html templates', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['" onload="x', '&quot; onload=&quot;x'],
    ["'single'", '&#39;single&#39;'],
    ['Tom & Jerry', 'Tom &amp; Jerry'],
    ['&amp;', '&amp;amp;'],
    ['ሰላም ዓለም', 'ሰላም ዓለም'],
  ])('escapes %j', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
    expect(html`<p title="${input}">${input}</p>`.value).toBe(`<p title="${expected}">${expected}</p>`);
  });

  it('nests templates without escaping them twice, and joins arrays', () => {
    const items = ['a<b', 'c'].map((x) => html`<li>${x}</li>`);
    expect(html`<ul>${items}</ul>`.value).toBe('<ul><li>a&lt;b</li><li>c</li></ul>');
  });

  it('renders nothing for null, undefined and false, and numbers as text', () => {
    expect(html`[${null}${undefined}${false}${0}${12}]`.value).toBe('[012]');
  });

  it('passes trusted markup through unchanged', () => {
    expect(html`<p>${trustedHtml('a <mark>b</mark>')}</p>`.value).toBe('<p>a <mark>b</mark></p>');
  });

  it('keeps JSON data blocks closed', () => {
    const json = jsonScriptContent({ title: '</script><script>alert(1)</script>' }).value;
    expect(json).not.toContain('</script');
    expect(JSON.parse(json)).toEqual({ title: '</script><script>alert(1)</script>' });
  });
});
