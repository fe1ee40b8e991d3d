import { Errors } from '../errors/error.catalogue';
import { countWords } from '../languages/reading-time';
import { searchDocumentOf, type SearchDocument } from '../search/search.document';
import { bodyToText, contentHashOfNormalized, draftFingerprint, normalizeSpace, type ArticleDraft } from './article.draft';
import { assertLanguage } from '../languages/language.catalogue';
import { safeHttpUrl } from './safe-url';

const MAX_TAGS = 50;

/**
 * A draft checked and measured, ready to write: everything about a write
 * that needs no database. Pure and structured-clone safe, so bulk import can
 * prepare drafts on a worker thread while the main thread writes.
 */
export interface PreparedDraft {
  draft: ArticleDraft;
  bodyText: string;
  contentHash: string;
  fingerprint: string;
  wordCount: number;
  /** The body as stored (JSON): serialized here so the thread that writes does not. */
  bodyJson: string;
  /** Worked out ahead only when asked: a re-import of unchanged articles never needs it. */
  searchDocument?: SearchDocument;
}

/** Throws BAD_USER_INPUT (naming the field) for a draft that cannot be written. */
export function prepareDraft(draft: ArticleDraft, options: { withSearchDocument?: boolean } = {}): PreparedDraft {
  const clean = validateDraft(draft);
  const bodyText = bodyToText(clean.body);
  const prepared: PreparedDraft = {
    draft: clean,
    bodyText,
    contentHash: contentHashOfNormalized(clean.title, clean.body),
    fingerprint: draftFingerprint(clean),
    wordCount: countWords(bodyText, clean.language),
    bodyJson: JSON.stringify(clean.body),
  };
  if (options.withSearchDocument) {
    prepared.searchDocument = searchDocumentOf({ title: clean.title, standfirst: clean.standfirst ?? null, bodyText, language: clean.language });
  }
  return prepared;
}

/** Trims and checks a draft; every problem is a BAD_USER_INPUT that names the field. */
export function validateDraft(draft: ArticleDraft): ArticleDraft {
  assertLanguage(draft.language);
  const title = normalizeSpace(draft.title ?? '');
  if (!title) throw Errors.invalidArgument('title', 'is empty: an article needs a title.');
  if (title.length > 500) throw Errors.invalidArgument('title', `is ${title.length} characters; keep it under 500.`);
  const body = draft.body
    .map((block) => ({ type: block.type, text: normalizeSpace(block.text) }))
    .filter((block) => block.text.length > 0);
  if (!body.some((block) => block.type === 'PARAGRAPH')) throw Errors.invalidArgument('body', 'has no paragraph: an article needs body text.');
  let canonicalUrl = draft.canonicalUrl?.trim() || null;
  if (canonicalUrl) {
    canonicalUrl = safeHttpUrl(canonicalUrl);
    if (!canonicalUrl) throw Errors.invalidArgument('canonicalUrl', `"${draft.canonicalUrl}" is not an absolute http(s) URL.`);
  }
  // The backstop for every way in: no URL but http(s) is ever stored.
  const checkUrl = (field: string, url: string | null | undefined) => {
    if (url && !safeHttpUrl(url)) throw Errors.invalidArgument(field, `"${url}" is not an absolute http(s) URL.`);
  };
  checkUrl('leadImage.url', draft.leadImage?.url);
  draft.inlineImages?.forEach((image, index) => checkUrl(`inlineImages[${index}].url`, image.url));
  checkUrl('source.url', draft.source?.url);
  const tags = [...new Set((draft.tags ?? []).map((tag) => normalizeSpace(tag).toLowerCase()).filter(Boolean))];
  if (tags.length > MAX_TAGS) throw Errors.invalidArgument('tags', `has ${tags.length} tags; at most ${MAX_TAGS} are allowed.`);
  if (tags.some((tag) => tag.length > 100)) throw Errors.invalidArgument('tags', 'has a tag over 100 characters.');
  const minutes = draft.readingTimeMinutes;
  if (minutes != null && (!Number.isInteger(minutes) || minutes < 1 || minutes > 600)) {
    throw Errors.invalidArgument('readingTimeMinutes', 'must be a whole number of minutes from 1 to 600.');
  }
  const standfirst = draft.standfirst == null ? null : normalizeSpace(draft.standfirst) || null;
  const category = draft.category && normalizeSpace(draft.category.name) ? { name: normalizeSpace(draft.category.name), slug: draft.category.slug ?? null } : null;
  const source = draft.source && normalizeSpace(draft.source.name) ? { name: normalizeSpace(draft.source.name), url: draft.source.url ?? null } : null;
  return { ...draft, title, body, canonicalUrl, tags, standfirst, category, source };
}
