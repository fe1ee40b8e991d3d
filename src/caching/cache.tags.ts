/**
 * What a cached response depends on, as tags, and which tags a committed
 * article change touches. An entry is dropped when any of its tags is
 * touched; the rules below are the whole contract (README: "Invalidation").
 *
 * Entries are tagged with
 * - every object they show: `article:<id>`, `category:<id>`, `source:<id>`, `image:<id>`;
 * - every list they read, by its scope: `<family>:<language>:<categorySlug>:<sourceSlug>`
 *   with `*` for "any" (families: list, search, changes), `related:<language>`,
 *   `categories:<language|*>`, `sources`;
 * - every lookup that found nothing: `lookup:<language>` (article by slug),
 *   `lookup:node`, `lookup:category`, `lookup:source` (and `article:<id>` for an id).
 *
 * A change touches its article, every list scope that could hold it where it
 * is now and where it was before, and, when it appears, moves or disappears,
 * the category and source lists and the lookups that found nothing.
 */

export interface Scope {
  language?: string | null;
  categorySlug?: string | null;
  sourceSlug?: string | null;
}

export type ScopeFamily = 'list' | 'search' | 'changes';
export const SCOPE_FAMILIES: readonly ScopeFamily[] = ['list', 'search', 'changes'];

/** The one tag of a list read with this filter (`*` where the filter says nothing). */
export function scopeTag(family: ScopeFamily, scope: Scope): string {
  return `${family}:${scope.language || '*'}:${scope.categorySlug || '*'}:${scope.sourceSlug || '*'}`;
}

/** The tags of every filter that an article in this scope could match: each field given or `*`. */
export function scopeTagsCovering(family: ScopeFamily, scope: Scope): string[] {
  const tags: string[] = [];
  for (const language of scope.language ? [scope.language, '*'] : ['*']) {
    for (const category of scope.categorySlug ? [scope.categorySlug, '*'] : ['*']) {
      for (const source of scope.sourceSlug ? [scope.sourceSlug, '*'] : ['*']) tags.push(`${family}:${language}:${category}:${source}`);
    }
  }
  return tags;
}

export type ChangeKind = 'PUBLISHED' | 'UPDATED' | 'UNPUBLISHED';

/** A committed change to what the public sees: an outbox row, or the same facts from the writer in this process. */
export interface ArticleChangeFacts {
  kind: ChangeKind;
  articleId: number;
  /** Where the article is now. */
  scope: Scope;
  /** Where it was before, when it was public then. */
  previous?: Scope | null;
}

const LOOKUPS = ['lookup:node', 'lookup:category', 'lookup:source'];

export function tagsForChange(change: ArticleChangeFacts): string[] {
  const tags = new Set<string>([`article:${change.articleId}`]);
  const scopes = [change.scope];
  if (change.previous) scopes.push(change.previous);
  for (const scope of scopes) {
    for (const family of SCOPE_FAMILIES) for (const tag of scopeTagsCovering(family, scope)) tags.add(tag);
    if (scope.language) tags.add(`related:${scope.language}`);
  }
  const moved = change.previous != null && !sameScope(change.previous, change.scope);
  if (change.kind !== 'UPDATED' || moved) {
    // The article appears in, leaves, or moves between category/source lists ("those with published articles").
    for (const scope of scopes) if (scope.language) tags.add(`categories:${scope.language}`);
    tags.add('categories:*');
    tags.add('sources');
  }
  if (change.kind === 'PUBLISHED' || moved) {
    // Lookups that found nothing may find it now (its slug, its id, its new category or source).
    if (change.scope.language) tags.add(`lookup:${change.scope.language}`);
    for (const tag of LOOKUPS) tags.add(tag);
  }
  return [...tags];
}

function sameScope(a: Scope, b: Scope): boolean {
  return (a.language ?? null) === (b.language ?? null) && (a.categorySlug ?? null) === (b.categorySlug ?? null) && (a.sourceSlug ?? null) === (b.sourceSlug ?? null);
}
