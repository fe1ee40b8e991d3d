import type DataLoader from 'dataloader';
import type { Article } from '../articles/article.entity';
import { Errors } from '../errors/error.catalogue';
import type { LanguageCode } from '../languages/language.catalogue';
import type { RelatedArticle, RelatedSignal } from './related.gql-types';
import { rankAgainstIndex, tokensOf } from './related.index-batch';
import type { RelatedLoaders } from './related.loaders';
import { buildTermProfile } from './related.profile';
import type { RelatedRepository, StoredRelated } from './related.repository';
import type { TermWeight, TopicsOf } from './related.types';

export const MAX_RELATED = 20;

/** The per-request loaders related reads go through (see graphql/context). */
export interface RelatedReads extends RelatedLoaders {
  articleBody: DataLoader<number, { bodyText: string } | null>;
}

/**
 * Public reads of related articles: the stored list when the indexer has
 * been there, otherwise the same ranking computed in memory. Never writes;
 * targets that are no longer published are left out.
 */
export class RelatedService {
  constructor(
    private readonly related: RelatedRepository,
    /** Topic distributions (src/topics) for the on-the-fly ranking, as the indexer gets them. */
    private readonly topicsOf?: TopicsOf,
  ) {}

  relatedFor(article: Article, first: number, reads: RelatedReads): Promise<RelatedArticle[]> {
    if (!Number.isInteger(first) || first < 0 || first > MAX_RELATED) throw Errors.countOutOfRange('first', MAX_RELATED, first, 'related articles');
    return first === 0 ? Promise.resolve([]) : this.list(article, first, reads);
  }

  /** Up to `limit` related published articles, best first (read more uses it too). */
  async list(article: Article, limit: number, reads: RelatedReads): Promise<RelatedArticle[]> {
    const entries = (await reads.relatedList.load(article.id)) ?? (await this.rankLive(article, reads));
    const targets = await reads.articleSummary.loadMany(entries.map((entry) => entry.relatedId));
    const related: RelatedArticle[] = [];
    entries.forEach((entry, index) => {
      const target = targets[index];
      if (target instanceof Error) throw target;
      if (!target || target.id === article.id || related.length >= limit) return;
      related.push({ article: target, score: entry.score, reasons: entry.reasons.map((reason) => ({ ...reason, signal: reason.signal as RelatedSignal })) });
    });
    return related;
  }

  /**
   * The article's term profile from its current text, as the indexer builds
   * it (counting the article in df): what topic suggestions classify.
   */
  async liveProfile(article: Article, reads: { articleBody: Pick<RelatedReads['articleBody'], 'load'> }): Promise<TermWeight[]> {
    const bodyText = article.bodyText ?? (await reads.articleBody.load(article.id))?.bodyText ?? '';
    const language = article.language as LanguageCode;
    const tokens = tokensOf({ title: article.title, standfirst: article.standfirst, bodyText, language });
    const df = await this.related.termFrequencies(language, [...new Set(tokens)]);
    const docs = (await this.related.languageDocs([language])).get(language) ?? 0;
    return buildTermProfile(tokens, (term) => (df.get(term) ?? 0) + 1, docs + 1);
  }

  /** An article the indexer has not reached yet: ranked as the indexer will, counting it in df. */
  private async rankLive(article: Article, reads: RelatedReads): Promise<StoredRelated[]> {
    const language = article.language as LanguageCode;
    const profile = await this.liveProfile(article, reads);
    const target = {
      id: article.id,
      language,
      categoryId: article.categoryId,
      sourceId: article.sourceId,
      tags: article.tags,
      publishedAt: article.publishedAt,
      contentHash: article.contentHash,
      title: article.title,
      profile,
    };
    const ranked = (await rankAgainstIndex(this.related, new Map([[article.id, target]]), this.topicsOf)).get(article.id)!;
    return ranked.map(({ id, score, reasons }) => ({ relatedId: id, score, reasons }));
  }
}
