import type DataLoader from 'dataloader';
import type { Article } from '../articles/article.entity';
import { Errors } from '../errors/error.catalogue';
import type { LanguageCode } from '../languages/language.catalogue';
import type { RelatedArticle, RelatedSignal } from './related.gql-types';
import { rankAgainstIndex } from './related.live-ranking';
import { tokensOf } from './related.terms';
import type { RelatedLoaders } from './related.loaders';
import { buildTermProfile } from './related.profile';
import { inputFields, type RelatedRepository, type StoredRelated } from './related.repository';
import type { RelatedInput, TermWeight, TopicsOf } from './related.types';

export const MAX_RELATED = 20;

/** The per-request loaders related reads go through (see graphql/context). */
export interface RelatedReads extends RelatedLoaders {
  articleBody: DataLoader<number, { bodyText: string } | null>;
  /** The request's one loader of published article summaries (graphql/context): links of every kind share it. */
  articleSummary: DataLoader<number, Article | null>;
  /** Lists of articles the indexer has not reached yet, ranked together per request (rankUnindexed). */
  unindexedRanking: DataLoader<Article, StoredRelated[], number>;
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
    const entries = (await reads.relatedList.load(article.id)) ?? (await reads.unindexedRanking.load(article));
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

  /**
   * Articles the indexer has not reached yet (a fresh import): ranked as the
   * indexer will, each counting itself in df. A list of them costs a few
   * statements in all, not a few per article: bodies, document frequencies
   * (per language), candidates (per 20 articles) and candidate profiles each load together.
   * The request's `unindexedRanking` loader batches the calls (graphql/context).
   */
  async rankUnindexed(articles: readonly Article[], reads: Pick<RelatedReads, 'articleBody'>): Promise<StoredRelated[][]> {
    // A bulk build of most of the archive is under way (its term index comes back when it ends): lists come with it.
    if (!(await this.related.termIndexReady())) return articles.map(() => []);
    const bodies = await reads.articleBody.loadMany(articles.filter((article) => article.bodyText == null).map((article) => article.id));
    let next = 0;
    const tokens = articles.map((article) => {
      let bodyText = article.bodyText;
      if (bodyText == null) {
        const body = bodies[next++];
        bodyText = body && !(body instanceof Error) ? body.bodyText : '';
      }
      return tokensOf({ title: article.title, standfirst: article.standfirst, bodyText, language: article.language });
    });
    const languages = [...new Set(articles.map((article) => article.language))].sort();
    const df = new Map<string, Map<string, number>>();
    for (const language of languages) {
      const terms = new Set(articles.flatMap((article, index) => (article.language === language ? tokens[index] : [])));
      df.set(language, await this.related.termFrequencies(language, [...terms]));
    }
    const docs = await this.related.languageDocs(languages);
    const targets = new Map<number, RelatedInput>();
    articles.forEach((article, index) => {
      const frequencies = df.get(article.language)!;
      const profile = buildTermProfile(tokens[index], (term) => (frequencies.get(term) ?? 0) + 1, (docs.get(article.language) ?? 0) + 1);
      targets.set(article.id, { ...inputFields(article), profile });
    });
    const ranked = await rankAgainstIndex(this.related, targets, this.topicsOf);
    return articles.map((article) => ranked.get(article.id)!.map(({ id, score, reasons }) => ({ relatedId: id, score, reasons })));
  }
}
