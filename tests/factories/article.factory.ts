import type { ArticleDraft } from '../../src/articles/article.draft';
import { ArticleStatus } from '../../src/articles/article.enums';
import type { ArticleChange } from '../../src/articles/article-write.service';
import type { Core } from '../../src/composition-root';

let sequence = 0;

/** A valid published Swahili article; every field can be overridden. */
export function articleDraft(overrides: Partial<ArticleDraft> = {}): ArticleDraft {
  sequence += 1;
  return {
    language: 'sw',
    title: `Habari ya majaribio nambari ${sequence}`,
    standfirst: 'Muhtasari wa habari.',
    body: [
      { type: 'PARAGRAPH', text: `Aya ya kwanza ya habari ${sequence} kuhusu mambo ya leo.` },
      { type: 'SUBHEADING', text: 'Kichwa kidogo' },
      { type: 'PARAGRAPH', text: 'Aya ya pili yenye maelezo zaidi.' },
    ],
    status: ArticleStatus.PUBLISHED,
    publishedAt: new Date(Date.UTC(2024, 0, 1) + sequence * 60_000),
    category: { name: 'Siasa' },
    source: { name: 'BBC Swahili', url: 'https://www.bbc.com/swahili' },
    leadImage: { url: `https://example.org/${sequence}.jpg`, caption: 'Picha ya habari', credit: 'AA' },
    tags: [],
    ...overrides,
  };
}

/** Writes drafts through the real write service, in one transaction. */
export async function createArticles(target: Pick<Core, 'repositories' | 'services'>, drafts: ArticleDraft[]): Promise<ArticleChange[]> {
  const writer = target.services.writer;
  return target.repositories.writes.transaction(async (tx) => {
    const changes: ArticleChange[] = [];
    for (const draft of drafts) changes.push(await writer.upsert(tx, draft));
    return changes;
  });
}
