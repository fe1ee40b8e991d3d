import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { epochMs } from '../db/epoch-ms.transformer';
import type { ArticleEventKind } from './article-event.types';

/**
 * The outbox: one row per public change of an article, written in the same
 * transaction as the change. The id is the event's position (the cursor);
 * language and slugs are copied at event time so filters still apply after
 * the article moves or is unpublished.
 */
@Entity('article_events')
@Index('ix_article_events_kind_id', ['kind', 'id'])
@Index('ix_article_events_kind_language_id', ['kind', 'language', 'id'])
export class ArticleEventRecord {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 16 })
  kind: ArticleEventKind;

  @Column({ name: 'article_id', type: 'integer' })
  articleId: number;

  @Column({ type: 'varchar', length: 35 })
  language: string;

  @Column({ name: 'category_slug', type: 'varchar', length: 200, nullable: true })
  categorySlug: string | null;

  @Column({ name: 'source_slug', type: 'varchar', length: 200, nullable: true })
  sourceSlug: string | null;

  /** Where the article was before this change, when it was public then (UPDATED, UNPUBLISHED). */
  @Column({ name: 'previous_language', type: 'varchar', length: 35, nullable: true })
  previousLanguage: string | null;

  @Column({ name: 'previous_category_slug', type: 'varchar', length: 200, nullable: true })
  previousCategorySlug: string | null;

  @Column({ name: 'previous_source_slug', type: 'varchar', length: 200, nullable: true })
  previousSourceSlug: string | null;

  @Column({ name: 'created_at', type: 'bigint', transformer: epochMs })
  createdAt: Date;
}
