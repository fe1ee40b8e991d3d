import type { DataSource, EntityManager } from 'typeorm';
import type { Article } from '../articles/article.entity';
import { ArticleStatus } from '../articles/article.enums';
import { ArticleRepository } from '../articles/article.repository';
import { backgroundTransaction } from '../db/background-transaction';
import { backgroundSql } from '../db/statement-counter';
import { CONFLICT_REPLAYS, WriterLock } from '../db/writer-locks';
import { marks, runSql } from '../db/sql';
import { readStoredProfiles, relatedQueueLength } from '../related/related.repository';
import type { TermWeight } from '../related/related.types';

export interface StoredTopicModel {
  language: string;
  version: number;
  trainedAt: number;
  /** Categorized, indexed articles the language had when it was trained. */
  labelled: number;
  examples: number;
  /** JSON, see topics.codec.ts. */
  model: string;
}

/**
 * Topic models and what they learn from: the only code that touches
 * topic_models. Examples are the stored related profiles (article_terms) of
 * published, categorized, indexed articles.
 */
export class TopicRepository {
  private readonly articles: ArticleRepository;

  constructor(private readonly db: DataSource) {
    this.articles = new ArticleRepository(db);
  }

  /**
   * Changes whenever the labelled counts may have: an article written (the
   * article_events outbox's last id; every write appends one) or the related
   * queue moved (articles are labelled once indexed). Two index lookups and
   * a count of the queue, which is short but during a bulk load.
   */
  async changeMarker(): Promise<string> {
    const [events] = await runSql<{ last: number | null }>(this.db, backgroundSql('SELECT MAX(id) AS last FROM article_events'));
    return `${events?.last ?? 0}/${await relatedQueueLength(this.db)}`;
  }

  /** What the last completed check (of any process) counted, with the marker it saw; null before the first. */
  async lastCheck(): Promise<{ marker: string; labelled: Map<string, number> } | null> {
    const [row] = await runSql<{ marker: string; labelled: string }>(this.db, backgroundSql('SELECT marker, labelled FROM topic_checks WHERE id = 1'));
    return row ? { marker: row.marker, labelled: new Map(Object.entries(JSON.parse(row.labelled) as Record<string, number>)) } : null;
  }

  async saveCheck(marker: string, labelled: ReadonlyMap<string, number>, now: number): Promise<void> {
    await runSql(
      this.db,
      backgroundSql(
        `INSERT INTO topic_checks (id, marker, labelled, checked_at) VALUES (1, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET marker = excluded.marker, labelled = excluded.labelled, checked_at = excluded.checked_at`,
      ),
      [marker, JSON.stringify(Object.fromEntries(labelled)), now],
    );
  }

  /** Per language, how many published articles with a category have a profile. */
  labelledCounts(): Promise<Map<string, number>> {
    return this.articles.countLabelledByLanguage();
  }

  /** The `limit` most recently published categorized, indexed articles of the language, latest first. */
  trainingSet(language: string, limit: number): Promise<Array<{ id: number; categoryId: number }>> {
    return this.articles.findLabelled(language, limit);
  }

  /** The stored related profiles of `ids` (an article without one is absent). */
  profilesOf(ids: readonly number[]): Promise<Map<number, TermWeight[]>> {
    return readStoredProfiles(this.db, ids, true);
  }

  /** Articles (with their text) without a category written (created or changed) at or after `since` (epoch ms): what an import reports suggestions for. */
  uncategorizedWrittenSince(since: number, limit: number): Promise<Article[]> {
    return this.articles.findUncategorizedWrittenSince(since, limit);
  }

  async categoryNames(ids: readonly number[]): Promise<Map<number, string>> {
    if (!ids.length) return new Map();
    const rows = await runSql<{ id: number; name: string }>(this.db, backgroundSql(`SELECT id, name FROM categories WHERE id IN (${marks(ids.length)})`), [...ids]);
    return new Map(rows.map((row) => [Number(row.id), row.name]));
  }

  /** Replaces the language's model; its version moves on by one. */
  async saveModel(model: Omit<StoredTopicModel, 'version'>): Promise<number> {
    const [row] = await runSql<{ version: number }>(
      this.db,
      backgroundSql(
        `INSERT INTO topic_models (language, version, trained_at, labelled, examples, model) VALUES (?, 1, ?, ?, ?, ?)
         ON CONFLICT (language) DO UPDATE SET version = topic_models.version + 1, trained_at = excluded.trained_at,
           labelled = excluded.labelled, examples = excluded.examples, model = excluded.model
         RETURNING version`,
      ),
      [model.language, model.trainedAt, model.labelled, model.examples, model.model],
    );
    return Number(row.version);
  }

  /**
   * Queues the language's published articles without a category for the
   * related indexer to rank again (not to re-profile: no cascade), so their
   * lists use a newly trained model. Articles already queued stay as queued.
   */
  async queueUncategorized(language: string, now: number): Promise<void> {
    // A related_queue writer like the indexers: it takes their turn (its rows would otherwise
    // wait on an indexer's claimed rows while the indexer waits on its own).
    const queue = (manager: EntityManager) =>
      runSql(
        manager,
        `INSERT INTO related_queue (article_id, cascade_neighbours, enqueued_at)
         SELECT a.id, FALSE, CAST(? AS BIGINT) FROM articles a JOIN related_index ri ON ri.article_id = a.id
         WHERE a.language = ? AND a.status = ? AND a.category_id IS NULL
         ON CONFLICT (article_id) DO NOTHING`,
        [now, language, ArticleStatus.PUBLISHED],
      );
    await backgroundTransaction(this.db, queue, { lock: WriterLock.relatedIndex, retries: CONFLICT_REPLAYS });
  }

  async deleteModel(language: string): Promise<void> {
    await runSql(this.db, backgroundSql('DELETE FROM topic_models WHERE language = ?'), [language]);
  }

  /** Every language's model version and labelled count, without the models (a cheap poll). */
  async modelVersions(): Promise<Map<string, { version: number; labelled: number }>> {
    const rows = await runSql<{ language: string; version: number; labelled: number }>(this.db, backgroundSql('SELECT language, version, labelled FROM topic_models'));
    return new Map(rows.map((row) => [row.language, { version: Number(row.version), labelled: Number(row.labelled) }]));
  }

  async loadModels(languages: readonly string[]): Promise<StoredTopicModel[]> {
    if (!languages.length) return [];
    const rows = await runSql(this.db, backgroundSql(`SELECT language, version, trained_at, labelled, examples, model FROM topic_models WHERE language IN (${marks(languages.length)})`), [...languages]);
    return rows.map((row) => ({
      language: String(row.language),
      version: Number(row.version),
      trainedAt: Number(row.trained_at),
      labelled: Number(row.labelled),
      examples: Number(row.examples),
      model: String(row.model),
    }));
  }
}
