import DataLoader from 'dataloader';
import type { Article } from '../articles/article.entity';
import { byIdLoader } from '../graphql/by-id.loader';
import type { RelatedRepository, StoredRelated } from './related.repository';

export interface RelatedLoaders {
  /** An article's stored related list; null while it waits for the indexer. */
  relatedList: DataLoader<number, StoredRelated[] | null>;
  /** Published articles without bodies, for lists of links (bodies load on demand: articleBody). */
  articleSummary: DataLoader<number, Article | null>;
}

export function createRelatedLoaders(related: RelatedRepository): RelatedLoaders {
  return {
    relatedList: new DataLoader(async (ids) => {
      const lists = await related.storedLists(ids);
      return ids.map((id) => lists.get(id) ?? null);
    }),
    articleSummary: byIdLoader((ids) => related.publishedSummaries(ids)),
  };
}
