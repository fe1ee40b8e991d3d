import type { DataSource } from 'typeorm';
import { runSql } from '../db/sql';
import type { HistoryKind } from '../articles/article-write.repository';

export interface HistoryEntry {
  id: number;
  articleId: number;
  version: number;
  kind: HistoryKind;
  keyName: string | null;
  at: Date;
}

/** Reads article_history (rows are written by WriteTx.appendHistory, in each write's transaction). */
export class HistoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest first. */
  async forArticle(articleId: number, limit: number): Promise<HistoryEntry[]> {
    const rows = await runSql(
      this.dataSource,
      'SELECT id, article_id, version, kind, key_name, created_at FROM article_history WHERE article_id = ? ORDER BY id DESC LIMIT ?',
      [articleId, limit],
    );
    return rows.map((row) => ({
      id: Number(row.id),
      articleId: Number(row.article_id),
      version: Number(row.version),
      kind: row.kind as HistoryKind,
      keyName: (row.key_name as string | null) ?? null,
      at: new Date(Number(row.created_at)),
    }));
  }
}
