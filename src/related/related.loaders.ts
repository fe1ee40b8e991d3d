import DataLoader from 'dataloader';
import type { RelatedRepository, StoredRelated } from './related.repository';

export interface RelatedLoaders {
  /** An article's stored related list; null while it waits for the indexer. */
  relatedList: DataLoader<number, StoredRelated[] | null>;
}

export function createRelatedLoaders(related: RelatedRepository): RelatedLoaders {
  return {
    relatedList: new DataLoader(async (ids) => {
      const lists = await related.storedLists(ids);
      return ids.map((id) => lists.get(id) ?? null);
    }),
  };
}
