/**
 * An in-memory stand-in for the FTS5 query the search repository runs:
 * every term required, the last one as a prefix, bm25 with column weights
 * (title 10, body 1), k1 1.2, b 0.75, and FTS5's idf ln((N - n + 0.5) / (n + 0.5)).
 */
const K1 = 1.2;
const B = 0.75;
const MIN_IDF = 1e-6; // FTS5 clamps negative idf (terms in over half the rows) the same way

export interface Bm25Document {
  title: readonly string[];
  body: readonly string[];
}

interface Column {
  weight: number;
  tf: Map<string, number>[];
  lengths: number[];
  averageLength: number;
}

export class Bm25Index {
  private readonly columns: Column[];
  private readonly postings = new Map<string, Set<number>>();
  private readonly vocabulary: string[];

  constructor(documents: readonly Bm25Document[], weights = { title: 10, body: 1 }) {
    this.columns = (['title', 'body'] as const).map((name) => {
      const tf = documents.map((document) => {
        const counts = new Map<string, number>();
        for (const token of document[name]) counts.set(token, (counts.get(token) ?? 0) + 1);
        return counts;
      });
      const lengths = documents.map((document) => document[name].length);
      const averageLength = lengths.reduce((sum, length) => sum + length, 0) / Math.max(1, lengths.length);
      return { weight: weights[name], tf, lengths, averageLength };
    });
    documents.forEach((document, index) => {
      for (const token of [...document.title, ...document.body]) {
        const set = this.postings.get(token);
        if (set) set.add(index);
        else this.postings.set(token, new Set([index]));
      }
    });
    this.vocabulary = [...this.postings.keys()].sort();
  }

  /** Indexes of the best `first` documents holding every term, best first. */
  search(terms: readonly string[], first: number): number[] {
    const expanded = terms.map((term, index) => (index === terms.length - 1 ? this.withPrefix(term) : [term]));
    const matching = expanded.map((variants) => {
      const docs = new Set<number>();
      for (const variant of variants) for (const doc of this.postings.get(variant) ?? []) docs.add(doc);
      return docs;
    });
    const total = this.columns[0].lengths.length;
    const [smallest, ...others] = [...matching].sort((a, b) => a.size - b.size);
    const hits = [...(smallest ?? [])].filter((doc) => others.every((docs) => docs.has(doc)));

    return hits
      .map((doc) => {
        let score = 0;
        expanded.forEach((variants, t) => {
          const n = matching[t].size;
          const idf = Math.max(MIN_IDF, Math.log((total - n + 0.5) / (n + 0.5)));
          for (const column of this.columns) {
            const tf = variants.reduce((sum, variant) => sum + (column.tf[doc].get(variant) ?? 0), 0);
            const norm = K1 * (1 - B + (B * column.lengths[doc]) / (column.averageLength || 1));
            score += column.weight * idf * ((tf * (K1 + 1)) / (tf + norm));
          }
        });
        return { doc, score };
      })
      .sort((a, b) => b.score - a.score || a.doc - b.doc)
      .slice(0, first)
      .map(({ doc }) => doc);
  }

  private withPrefix(prefix: string): string[] {
    let low = 0;
    let high = this.vocabulary.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.vocabulary[middle] < prefix) low = middle + 1;
      else high = middle;
    }
    const words: string[] = [];
    for (let i = low; i < this.vocabulary.length && this.vocabulary[i].startsWith(prefix); i++) words.push(this.vocabulary[i]);
    return words;
  }
}
