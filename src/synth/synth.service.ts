import type { ArticleWriteRepository } from '../articles/article-write.repository';
import type { ArticleWriteService } from '../articles/article-write.service';
import type { BaseArticle } from './synth.corpus';
import { synthDrafts, type SynthOptions } from './synth.drafts';

export interface SynthSummary {
  created: number;
  updated: number;
  unchanged: number;
  elapsedMs: number;
  articlesPerSecond: number;
}

/** Articles per transaction: large, as a bulk import's chunk, so commits are not the cost. */
export const SYNTH_CHUNK = 2_000;

/**
 * Writes a synthetic archive through the real write path (ArticleWriteService
 * with every hook the server composes: search index, subscription events,
 * related-index queue), so the database is what an import of the same
 * articles would leave; only the per-article savepoints of an import are left
 * out (generated drafts cannot be bad records). Each chunk is one transaction.
 */
export class SynthService {
  constructor(
    private readonly writes: ArticleWriteRepository,
    private readonly writer: ArticleWriteService,
  ) {}

  async generate(bases: readonly BaseArticle[], total: number, options: SynthOptions, onChunk?: (written: number) => void): Promise<SynthSummary> {
    const started = Date.now();
    const summary = { created: 0, updated: 0, unchanged: 0 };
    let chunk: ReturnType<typeof synthDrafts> extends Generator<infer T> ? T[] : never = [];
    let written = 0;
    const flush = async () => {
      const batch = chunk;
      chunk = [];
      await this.writes.transaction(async (tx) => {
        for (const draft of batch) {
          const { outcome } = await this.writer.upsert(tx, draft);
          // upsert never deletes; 'deleted' is the outcome of deleteArticle alone.
          if (outcome !== 'deleted') summary[outcome] += 1;
        }
      });
      written += batch.length;
      onChunk?.(written);
    };
    for (const draft of synthDrafts(bases, total, options)) {
      chunk.push(draft);
      if (chunk.length >= SYNTH_CHUNK) await flush();
    }
    if (chunk.length) await flush();
    const elapsedMs = Date.now() - started;
    return { ...summary, elapsedMs, articlesPerSecond: Math.round((written * 1000) / Math.max(1, elapsedMs)) };
  }
}
