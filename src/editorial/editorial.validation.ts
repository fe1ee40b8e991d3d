import type { ImageDraft } from '../articles/article.draft';
import { normalizeSpace } from '../articles/article.draft';
import type { BodyBlockData } from '../articles/body-block';
import { Errors } from '../errors/error.catalogue';
import { safeHttpUrl } from '../articles/safe-url';
import type { ArticleFieldsInput, ImageInput } from './editorial.inputs';

export interface FieldProblem {
  field: string;
  problem: string;
}

/** Collects one problem per field, then refuses the whole input at once (BAD_USER_INPUT / INVALID_INPUT). */
export class Problems {
  readonly list: FieldProblem[] = [];

  add(field: string, problem: string): void {
    if (!this.list.some((p) => p.field === field)) this.list.push({ field, problem });
  }

  has(field: string): boolean {
    return this.list.some((p) => p.field === field);
  }

  throwIfAny(): void {
    if (this.list.length) throw Errors.invalidInput(this.list);
  }
}

export const LIMITS = Object.freeze({
  title: 500,
  standfirst: 2_000,
  blockText: 20_000,
  blocks: 1_000,
  slug: 100,
  url: 2_048,
  tags: 50,
  tag: 100,
  caption: 1_000,
  credit: 500,
  alt: 1_000,
  inlineImages: 50,
  imageSide: 20_000,
  name: 200,
});

// C0 and C1 controls other than tab, line feed and carriage return, and lone surrogates:
// never meaningful in an article, and PostgreSQL refuses NUL outright.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\p{Cs}/u;
const SLUG = /^[\p{Ll}\p{Lo}\p{Lm}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{Lm}\p{N}]+)*$/u;

/** Plain text: whitespace folded, no control characters, within `max`. Undefined stays undefined (absent). */
export function checkText(problems: Problems, field: string, value: string | null | undefined, max: number, required = false): string | null | undefined {
  if (value === undefined) return required ? missing(problems, field) : undefined;
  if (value === null) return required ? missing(problems, field) : null;
  if (CONTROL.test(value)) return invalid(problems, field, 'contains control characters or broken Unicode: send plain text.');
  const text = normalizeSpace(value);
  if (!text) return required ? missing(problems, field) : null;
  if (text.length > max) return invalid(problems, field, `is ${text.length} characters; keep it to ${max}.`);
  return text;
}

export function checkSlug(problems: Problems, field: string, value: string | null | undefined): string | null | undefined {
  if (value == null) return value;
  const slug = value.trim();
  if (!slug) return null;
  if (slug.length > LIMITS.slug || !SLUG.test(slug)) {
    return invalid(problems, field, `"${clip(value)}" is not a slug: use lower-case letters and digits joined by single "-", at most ${LIMITS.slug} characters (e.g. bunge-lapitisha-bajeti).`);
  }
  return slug;
}

export function checkUrl(problems: Problems, field: string, value: string | null | undefined): string | null | undefined {
  if (value == null) return value;
  if (!value.trim()) return null;
  const url = safeHttpUrl(value);
  if (!url) return invalid(problems, field, `is not an absolute http(s) URL such as https://example.org/page (at most ${LIMITS.url} characters).`);
  return url;
}

export function checkImage(problems: Problems, field: string, image: ImageInput): ImageDraft {
  const side = (name: 'width' | 'height') => {
    const value = image[name];
    if (value == null) return null;
    if (!Number.isInteger(value) || value < 1 || value > LIMITS.imageSide) return invalid(problems, `${field}.${name}`, `must be 1 to ${LIMITS.imageSide} pixels.`) ?? null;
    return value;
  };
  return {
    url: checkUrl(problems, `${field}.url`, image.url) ?? null,
    caption: checkText(problems, `${field}.caption`, image.caption, LIMITS.caption) ?? null,
    credit: checkText(problems, `${field}.credit`, image.credit, LIMITS.credit) ?? null,
    alt: checkText(problems, `${field}.alt`, image.alt, LIMITS.alt) ?? null,
    width: side('width'),
    height: side('height'),
  };
}

/** The article fields an editor sent, checked and cleaned; undefined = not sent, null = cleared. */
export interface ArticleFieldValues {
  title?: string | null;
  standfirst?: string | null;
  body?: BodyBlockData[] | null;
  slug?: string | null;
  publishedAt?: Date | null;
  readingTimeMinutes?: number | null;
  canonicalUrl?: string | null;
  tags?: string[] | null;
  categorySlug?: string | null;
  sourceSlug?: string | null;
  leadImage?: ImageDraft | null;
  inlineImages?: ImageDraft[] | null;
}

/**
 * Checks every field an editor sent and reports every bad one (one problem per
 * field). `creating`: title and body are required.
 */
export function checkArticleFields(problems: Problems, input: ArticleFieldsInput, creating: boolean): ArticleFieldValues {
  const values: ArticleFieldValues = {
    title: checkText(problems, 'title', input.title, LIMITS.title, creating || input.title !== undefined),
    standfirst: checkText(problems, 'standfirst', input.standfirst, LIMITS.standfirst),
    slug: checkSlug(problems, 'slug', input.slug),
    canonicalUrl: checkUrl(problems, 'canonicalUrl', input.canonicalUrl),
    categorySlug: checkSlug(problems, 'categorySlug', input.categorySlug),
    sourceSlug: checkSlug(problems, 'sourceSlug', input.sourceSlug),
  };
  if (input.publishedAt !== undefined) {
    const at = input.publishedAt;
    if (at != null && (!(at instanceof Date) || Number.isNaN(at.getTime()))) invalid(problems, 'publishedAt', 'is not a date.');
    else values.publishedAt = at;
  }
  if (input.readingTimeMinutes !== undefined) {
    const minutes = input.readingTimeMinutes;
    if (minutes != null && (!Number.isInteger(minutes) || minutes < 1 || minutes > 600)) invalid(problems, 'readingTimeMinutes', 'must be a whole number of minutes from 1 to 600.');
    else values.readingTimeMinutes = minutes;
  }
  if (input.body === undefined && creating) missing(problems, 'body');
  if (input.body !== undefined) values.body = checkBody(problems, input.body);
  if (input.tags !== undefined) values.tags = checkTags(problems, input.tags);
  if (input.leadImage !== undefined) values.leadImage = input.leadImage === null ? null : checkImage(problems, 'leadImage', input.leadImage);
  if (input.inlineImages !== undefined) {
    const images = input.inlineImages ?? [];
    if (images.length > LIMITS.inlineImages) invalid(problems, 'inlineImages', `has ${images.length} images; at most ${LIMITS.inlineImages}.`);
    else values.inlineImages = images.map((image, index) => checkImage(problems, `inlineImages[${index}]`, image));
  }
  return values;
}

function checkBody(problems: Problems, body: ReadonlyArray<{ type: string; text: string }> | null): BodyBlockData[] | null {
  if (body == null) return missing(problems, 'body') ?? null;
  if (body.length > LIMITS.blocks) return invalid(problems, 'body', `has ${body.length} blocks; at most ${LIMITS.blocks}.`) ?? null;
  const blocks: BodyBlockData[] = [];
  for (const [index, block] of body.entries()) {
    if (block.type !== 'PARAGRAPH' && block.type !== 'SUBHEADING' && block.type !== 'QUOTE') {
      return invalid(problems, `body[${index}].type`, 'must be PARAGRAPH, SUBHEADING or QUOTE.') ?? null;
    }
    const text = checkText(problems, `body[${index}].text`, block.text, LIMITS.blockText);
    if (text) blocks.push({ type: block.type, text });
  }
  if (!blocks.some((block) => block.type === 'PARAGRAPH') && !problems.list.some((p) => p.field.startsWith('body'))) {
    return invalid(problems, 'body', 'has no paragraph with text: an article needs body text.') ?? null;
  }
  return blocks;
}

function checkTags(problems: Problems, tags: readonly string[] | null): string[] | null {
  if (tags == null) return [];
  const clean: string[] = [];
  for (const [index, tag] of tags.entries()) {
    const text = checkText(problems, `tags[${index}]`, tag, LIMITS.tag);
    if (text) clean.push(text.toLowerCase());
  }
  const unique = [...new Set(clean)];
  if (unique.length > LIMITS.tags) return invalid(problems, 'tags', `has ${unique.length} tags; at most ${LIMITS.tags}.`) ?? null;
  return unique;
}

function missing(problems: Problems, field: string): undefined {
  problems.add(field, 'is required.');
  return undefined;
}

function invalid(problems: Problems, field: string, problem: string): undefined {
  problems.add(field, problem);
  return undefined;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
