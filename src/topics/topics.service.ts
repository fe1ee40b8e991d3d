import type { Article } from '../articles/article.entity';
import type { Category } from '../categories/category.entity';
import { Errors } from '../errors/error.catalogue';
import type { TermWeight, TopicsOf } from '../related/related.types';
import { decodeTopicModel, encodeTopicModel } from './topics.codec';
import { assembleTopicModel, learnableGroups, TOPIC_MODEL, topicDistribution, TopicMass, type TopicModel, type TopicModelSettings } from './topics.model';
import { chunked } from '../db/sql';
import type { TopicRepository } from './topics.repository';
import { topicsFromModels, type RankingTopicModel } from './topics.ranking';

export const MAX_SUGGESTIONS = 10;
/** A model learns from at most this many of the language's latest categorized articles (bounded training time). */
export const MAX_TRAINING_EXAMPLES = 50_000;
/** Profiles read at once while training (about 100 terms each). */
const TRAINING_PAGE = 1_000;
/** Retrain when the language's categorized articles have grown (or shrunk) by this share since the last training. */
export const RETRAIN_CHANGE = 0.1;

export interface CategorySuggestion {
  category: Category;
  confidence: number;
}

export interface TrainingSummary {
  language: string;
  /** Null when the archive holds too few categorized articles for a model (any old one is removed). */
  topics: number | null;
  examples: number;
  ms: number;
}

/** What suggestions need from the rest of the app, per request (the GraphQL loaders fit). */
export interface SuggestionReads {
  category: { loadMany(ids: readonly number[]): Promise<Array<Category | null | Error>> };
  articleBody: { load(id: number): Promise<{ bodyText: string } | null> };
}

interface LoadedModel extends RankingTopicModel {
  version: number;
}

/**
 * Topic models per language: trained from the archive's categorized articles,
 * stored (topic_models), and held in memory by every process that ranks.
 * `topicsOf` is the related ranking's topic input; `retrainStale` is what the
 * background loop runs. Suggestions are only ever suggestions: nothing here
 * assigns a category.
 */
export class TopicService {
  private readonly loaded = new Map<string, LoadedModel>();
  /** Languages that had too little to learn from, with their labelled count then: retried only when it changes enough. */
  private readonly untrainable = new Map<string, number>();
  private readonly clock: () => Date;
  private readonly settings: TopicModelSettings;

  constructor(
    private readonly topics: TopicRepository,
    /** The article's related profile: stored when indexed, computed as the indexer would otherwise. */
    private readonly profileOf: (article: Article, reads: Pick<SuggestionReads, 'articleBody'>) => Promise<readonly TermWeight[]>,
    options: { clock?: () => Date; settings?: TopicModelSettings } = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.settings = options.settings ?? TOPIC_MODEL;
  }

  /** The ranking's topic input (topicsFromModels over the loaded models). */
  readonly topicsOf: TopicsOf = topicsFromModels(this.loaded);

  /** The loaded model of a language, for a ranking worker thread (related.ranking-pool.ts). */
  readonly rankingModel = (language: string): RankingTopicModel | null => {
    const loaded = this.loaded.get(language);
    return loaded ? { model: loaded.model, labels: loaded.labels } : null;
  };

  /** Loads the models stored since this process last looked (another process may have trained them). */
  async refresh(): Promise<void> {
    const versions = await this.topics.modelVersions();
    for (const language of this.loaded.keys()) if (!versions.has(language)) this.loaded.delete(language);
    const stale = [...versions].filter(([language, { version }]) => this.loaded.get(language)?.version !== version).map(([language]) => language);
    for (const stored of await this.topics.loadModels(stale)) {
      this.loaded.set(stored.language, { version: stored.version, ...decodeTopicModel(stored.model) });
    }
  }

  /**
   * Trains the languages whose categorized archive changed by RETRAIN_CHANGE
   * or more (or that have no model yet). Counting the labelled articles reads
   * every article's index entry (2-3 s at 1,000,000 articles, and on SQLite
   * the server's one thread waits), so it is skipped while nothing that
   * moves the counts has happened since the last check: no article written
   * (the outbox's last id) and the related queue as it was (articles become
   * labelled once indexed). Models other processes trained still load. The
   * counts are stored with the marker (topic_checks), so a process that
   * starts on an archive nothing moved in since reuses them.
   */
  async retrainStale(): Promise<TrainingSummary[]> {
    const marker = await this.topics.changeMarker();
    if (marker === this.checkedAt) {
      await this.refresh();
      return [];
    }
    const stored = await this.topics.lastCheck();
    const counts = stored?.marker === marker ? stored.labelled : await this.topics.labelledCounts();
    const summaries = await this.retrainDue(counts);
    // Only after a check that went through: a failed one is retried on the next tick.
    await this.topics.saveCheck(marker, counts, this.clock().getTime());
    this.checkedAt = marker;
    return summaries;
  }

  /** What this process's last completed retrainStale saw (TopicRepository.changeMarker). */
  private checkedAt: string | null = null;

  private async retrainDue(counts: ReadonlyMap<string, number>): Promise<TrainingSummary[]> {
    const versions = await this.topics.modelVersions();
    const due = [...new Set([...counts.keys(), ...versions.keys()])].sort().filter((language) => {
      const now = counts.get(language) ?? 0;
      const before = versions.get(language)?.labelled ?? this.untrainable.get(language);
      if (before === undefined) return now >= this.settings.minExamples * this.settings.minTopics;
      return Math.abs(now - before) >= Math.max(1, RETRAIN_CHANGE * before);
    });
    const summaries: TrainingSummary[] = [];
    for (const language of due) summaries.push(await this.train(language, counts.get(language) ?? 0));
    await this.refresh();
    return summaries;
  }

  /** Trains one language now from its latest MAX_TRAINING_EXAMPLES categorized articles. */
  async train(language: string, labelled?: number): Promise<TrainingSummary> {
    const started = Date.now();
    const examples = await this.topics.trainingSet(language, MAX_TRAINING_EXAMPLES);
    const model = await this.learn(examples);
    if (!model) {
      this.untrainable.set(language, labelled ?? examples.length);
      await this.topics.deleteModel(language);
      return { language, topics: null, examples: examples.length, ms: Date.now() - started };
    }
    this.untrainable.delete(language);
    const names = await this.topics.categoryNames(model.topics);
    const labels = model.topics.map((id) => ({ id, name: names.get(id) ?? String(id) }));
    const now = this.clock().getTime();
    await this.topics.saveModel({
      language,
      trainedAt: now,
      labelled: labelled ?? (await this.topics.labelledCounts()).get(language) ?? examples.length,
      examples: model.examples,
      model: encodeTopicModel(model, labels),
    });
    await this.refresh();
    // Categorized articles' topics are their categories; the others' lists were ranked with the old guesses.
    await this.topics.queueUncategorized(language, now);
    return { language, topics: model.topics.length, examples: model.examples, ms: Date.now() - started };
  }

  /** The model of a training set, one topic at a time and a page of profiles at a time (see TopicMass). */
  private async learn(examples: ReadonlyArray<{ id: number; categoryId: number }>): Promise<TopicModel | null> {
    const learnable = learnableGroups(examples, (example) => example.categoryId, this.settings);
    if (!learnable) return null;
    const masses: TopicMass[] = [];
    for (const { members } of learnable) {
      const mass = new TopicMass();
      for (const page of chunked(members, TRAINING_PAGE)) {
        const profiles = await this.topics.profilesOf(page.map(({ id }) => id));
        for (const { id } of page) mass.add(profiles.get(id) ?? []);
      }
      masses.push(mass);
    }
    return assembleTopicModel(
      masses,
      learnable.map(({ topic }) => topic),
      this.settings,
    );
  }

  /** For editors: the likeliest categories of an article that has none, most likely first. */
  async suggestedCategories(article: Article, first: number, reads: SuggestionReads): Promise<CategorySuggestion[]> {
    if (!Number.isInteger(first) || first < 0 || first > MAX_SUGGESTIONS) throw Errors.countOutOfRange('first', MAX_SUGGESTIONS, first, 'suggested categories');
    if (first === 0 || article.categoryId != null) return [];
    const ranked = await this.suggest(article, reads);
    const top = ranked.slice(0, first);
    const categories = await reads.category.loadMany(top.map(({ id }) => id));
    return top.flatMap(({ confidence }, index) => {
      const category = categories[index];
      return category && !(category instanceof Error) ? [{ category, confidence }] : [];
    });
  }

  /**
   * What `habari import --suggest-categories` reports: the uncategorized
   * articles written since `since` (epoch ms), at most `limit`, each with its
   * `first` likeliest categories (none where the language has no model).
   */
  async suggestionsForWrittenSince(since: number, first: number, limit: number): Promise<Array<{ article: Article; suggestions: Array<{ id: number; name: string; confidence: number }> }>> {
    await this.refresh();
    const articles = await this.topics.uncategorizedWrittenSince(since, limit);
    const noLoads = { articleBody: { load: async () => null } };
    const report = [];
    for (const article of articles) report.push({ article, suggestions: (await this.suggest(article, noLoads)).slice(0, first) });
    return report;
  }

  /** Every topic of the article's language with its probability, most likely first; [] without a model. */
  async suggest(article: Article, reads: Pick<SuggestionReads, 'articleBody'>): Promise<Array<{ id: number; name: string; confidence: number }>> {
    const loaded = this.loaded.get(article.language);
    if (!loaded) return [];
    const probabilities = topicDistribution(loaded.model, await this.profileOf(article, reads));
    return loaded.labels
      .map((label, index) => ({ ...label, confidence: probabilities[index] }))
      .sort((a, b) => b.confidence - a.confidence || a.id - b.id);
  }
}
