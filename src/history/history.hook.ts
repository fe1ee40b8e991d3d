import type { ArticleChangeHook } from '../articles/article-write.service';
import { historyKindOf } from './history.kind';

/**
 * One history row per write made with a key, in the write's own transaction:
 * who (the key), when, what kind of change, and the version it made.
 * Writes without a key (`habari import`) record none, so bulk imports pay nothing.
 */
export function historyHook(): ArticleChangeHook {
  return async (tx, change) => {
    if (!tx.actor) return;
    const kind = historyKindOf(change);
    if (!kind) return;
    await tx.appendHistory(change.article.id, change.article.version, kind, change.article.updatedAt ?? new Date());
  };
}
