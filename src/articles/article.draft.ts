import { createHash } from 'node:crypto';
import type { ArticleStatus } from './article.enums';
import type { BodyBlockData } from './body-block';

export interface ImageDraft {
  url?: string | null;
  caption?: string | null;
  credit?: string | null;
  alt?: string | null;
  width?: number | null;
  height?: number | null;
}

/** Everything needed to write one article with its category, source and images. */
export interface ArticleDraft {
  language: string;
  title: string;
  standfirst?: string | null;
  body: BodyBlockData[];
  status: ArticleStatus;
  publishedAt?: Date | null;
  readingTimeMinutes?: number | null;
  canonicalUrl?: string | null;
  tags?: string[];
  slug?: string | null;
  category?: { name: string; slug?: string | null } | null;
  source?: { name: string; url?: string | null } | null;
  leadImage?: ImageDraft | null;
  inlineImages?: ImageDraft[];
}

// Runs of whitespace, and single whitespace other than a plain space (tab, newline,
// U+00A0): a lone space, most of any text, is left alone rather than rewritten.
const SPACE_TO_FOLD = /\s{2,}|[^\S ]/g;

/** Whitespace folded (incl. U+00A0) and NFC, so invisible differences do not make "new" articles. */
export function normalizeSpace(text: string): string {
  return text.normalize('NFC').replace(SPACE_TO_FOLD, ' ').trim();
}

export function bodyToText(body: readonly BodyBlockData[]): string {
  return body.map((block) => block.text).join('\n\n');
}

/** The identity of a story when it has no canonical URL: same title and body text, same story. */
export function contentHashOf(title: string, bodyText: string): string {
  return sha256(`${normalizeSpace(title).toLowerCase()}\n${normalizeSpace(bodyText).toLowerCase()}`);
}

/**
 * contentHashOf for a checked draft (validateDraft), whose title and blocks
 * are normalized already: the same hash, without folding the whole body a
 * second time (blocks joined by "\n\n" fold to blocks joined by " ").
 */
export function contentHashOfNormalized(title: string, body: readonly BodyBlockData[]): string {
  return sha256(`${title.toLowerCase()}\n${body.map((block) => block.text).join(' ').toLowerCase()}`);
}

/** A fingerprint of every field the draft sets: equal fingerprints mean re-importing changes nothing. */
export function draftFingerprint(draft: ArticleDraft): string {
  return sha256(
    JSON.stringify([
      draft.language,
      draft.title,
      draft.standfirst ?? null,
      draft.body,
      draft.status,
      draft.publishedAt?.getTime() ?? null,
      draft.readingTimeMinutes ?? null,
      draft.canonicalUrl ?? null,
      [...(draft.tags ?? [])].sort(),
      draft.category ?? null,
      draft.source ?? null,
      draft.leadImage ?? null,
      draft.inlineImages ?? [],
    ]),
  );
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
