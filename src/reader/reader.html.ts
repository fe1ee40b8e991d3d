/**
 * A tiny safe templating helper for the reader's pages. `html\`...\`` escapes
 * every interpolated value unless it is itself an Html (another template, or
 * markup this codebase produced and vouches for through trustedHtml). Arrays
 * are joined; null, undefined and false render nothing, so `cond && html\`\``
 * works. There is no other way to put a string into a page.
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = Html | string | number | null | undefined | false | readonly HtmlValue[];

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0];
  for (let i = 0; i < values.length; i += 1) out += render(values[i]) + strings[i + 1];
  return new Html(out);
}

/**
 * Markup that is already safe, e.g. a search snippet the API escaped itself
 * before wrapping matches in <mark>. Use only for such documented sources.
 */
export function trustedHtml(markup: string): Html {
  return new Html(markup);
}

/** JSON inside <script type="application/json">: `<` escaped so no value can close the element. */
export function jsonScriptContent(value: unknown): Html {
  return new Html(JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029'));
}
