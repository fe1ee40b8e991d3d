import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../graphql/node.interface';
import { epochMs } from '../db/epoch-ms.transformer';
import { ArticleStatus, BodyBlockKind } from './article.enums';
import type { BodyBlockData } from './body-block';

@ObjectType({ description: 'A block of the article body, in reading order.' })
export class BodyBlock {
  @Field(() => BodyBlockKind)
  type: BodyBlockKind;

  @Field()
  text: string;
}

/**
 * Indexes match the public lists: every list filters on status and sorts by
 * (published_at, id), optionally narrowed by language, category or source.
 */
@Entity('articles')
@Index('uq_articles_language_slug', ['language', 'slug'], { unique: true })
@Index('ix_articles_status_published', ['status', 'publishedAt', 'id'])
@Index('ix_articles_language_status_published', ['language', 'status', 'publishedAt', 'id'])
@Index('ix_articles_category_status_published', ['categoryId', 'status', 'publishedAt', 'id'])
@Index('ix_articles_source_status_published', ['sourceId', 'status', 'publishedAt', 'id'])
@Index('ix_articles_status_updated', ['status', 'updatedAt', 'id'])
@Index('ix_articles_content_hash', ['contentHash'])
@ObjectType({ implements: Node, description: 'A news article in one language.' })
export class Article extends Node {
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: 'URL-safe name, unique within the language.' })
  @Column({ type: 'varchar', length: 200 })
  slug: string;

  @Field({ description: 'BCP 47 language code, e.g. sw.' })
  @Column({ type: 'varchar', length: 35 })
  language: string;

  @Field()
  @Column({ type: 'text' })
  title: string;

  @Field(() => String, { nullable: true, description: 'The summary printed under the title.' })
  @Column({ type: 'text', nullable: true })
  standfirst: string | null;

  @Field(() => [BodyBlock])
  @Column({ type: 'simple-json' })
  body: BodyBlockData[];

  @Field({ description: 'The body as plain text, paragraphs separated by blank lines.' })
  @Column({ name: 'body_text', type: 'text' })
  bodyText: string;

  @Field(() => ArticleStatus)
  @Column({ type: 'varchar', length: 16 })
  status: ArticleStatus;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'published_at', type: 'bigint', nullable: true, transformer: epochMs })
  publishedAt: Date | null;

  @Field(() => Date)
  @Column({ name: 'created_at', type: 'bigint', transformer: epochMs })
  createdAt: Date;

  @Field(() => Date)
  @Column({ name: 'updated_at', type: 'bigint', transformer: epochMs })
  updatedAt: Date;

  @Field(() => Int, { description: 'Minutes, as printed by the newsroom or derived from the word count.' })
  @Column({ name: 'reading_time_minutes', type: 'integer' })
  readingTimeMinutes: number;

  @Field(() => Int)
  @Column({ name: 'word_count', type: 'integer' })
  wordCount: number;

  @Field(() => String, { nullable: true, description: 'Where the story was first published, when known.' })
  @Column({ name: 'canonical_url', type: 'varchar', length: 2048, nullable: true, unique: true })
  canonicalUrl: string | null;

  @Field({ description: 'SHA-256 of the normalized title and body: equal for identical text.' })
  @Column({ name: 'content_hash', type: 'varchar', length: 64 })
  contentHash: string;

  /** Fingerprint of the last write's input: re-importing the same input is "unchanged". */
  @Column({ name: 'draft_fingerprint', type: 'varchar', length: 64, nullable: true })
  draftFingerprint: string | null;

  @Field(() => [String])
  @Column({ type: 'simple-json' })
  tags: string[];

  @Field(() => Int, { description: 'Increases on every change; use it for optimistic concurrency.' })
  @VersionColumn()
  version: number;

  @Column({ name: 'category_id', type: 'integer', nullable: true })
  categoryId: number | null;

  @Column({ name: 'source_id', type: 'integer', nullable: true })
  sourceId: number | null;

  @Column({ name: 'lead_image_id', type: 'integer', nullable: true })
  leadImageId: number | null;

  /** The name of the key behind the last write; null for the command line. Read on demand (see ArticleWriteRepository). */
  @Column({ name: 'updated_by', type: 'varchar', length: 100, nullable: true })
  updatedBy?: string | null;
}
