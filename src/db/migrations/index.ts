import { CoreSchema1732600000000 } from './1732600000000-core-schema';
import { ArticleEvents1764100000000 } from './1764100000000-article-events';
import { SearchAndRelated1764200000000 } from './1764200000000-search-and-related';
import { SearchAutomerge1764300000000 } from './1764300000000-search-automerge';
import { EventRetention1764400000000 } from './1764400000000-event-retention';
import { KeysAndHistory1764500000000 } from './1764500000000-keys-and-history';
import { EventPreviousScope1764600000000 } from './1764600000000-event-previous-scope';
import { TopicModels1764700000000 } from './1764700000000-topic-models';
import { ArticleFilterIndex1764800000000 } from './1764800000000-article-filter-index';
import { TopicChecks1764900000000 } from './1764900000000-topic-checks';
import { CountedTermTallies1765000000000 } from './1765000000000-counted-term-tallies';
import { ClusteredTermTables1765100000000 } from './1765100000000-clustered-term-tables';
import { RelatedIndexByLanguage1765200000000 } from './1765200000000-related-index-by-language';

/** Every migration, oldest first. Listed explicitly so tsc output and ts-jest agree. */
export const migrations = [
  CoreSchema1732600000000,
  ArticleEvents1764100000000,
  SearchAndRelated1764200000000,
  SearchAutomerge1764300000000,
  EventRetention1764400000000,
  KeysAndHistory1764500000000,
  EventPreviousScope1764600000000,
  TopicModels1764700000000,
  ArticleFilterIndex1764800000000,
  TopicChecks1764900000000,
  CountedTermTallies1765000000000,
  ClusteredTermTables1765100000000,
  RelatedIndexByLanguage1765200000000,
];
