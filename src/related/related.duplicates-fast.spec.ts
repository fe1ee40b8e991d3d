import { join } from 'node:path';
import { loadBaseArticles } from '../synth/synth.corpus';
import { Components, isNearDuplicate, nearDuplicateGroups, uniteAlikeProfiles } from './related.duplicates';
import { buildTermProfile } from './related.profile';
import { profileCosine } from './related.similarity';
import { profileTokens } from './related.terms';
import type { TermWeight } from './related.types';

// The near-duplicate pass decides on a dot product of interned ids and asks
// profileCosine only within rounding of the threshold; these check that
// every decision is still exactly profileCosine(a, b) >= threshold.

const THRESHOLD = 0.9;
const item = (index: number, profile: readonly TermWeight[]) => ({ language: 'sw' as const, title: `title ${index}`, profile });

/** Groups from every pair's exact cosine (union-find, first member as the group's id). */
function exactGroups(profiles: readonly (readonly TermWeight[])[], threshold: number): number[] {
  const group = profiles.map((_, index) => index);
  const find = (i: number): number => (group[i] === i ? i : find(group[i]));
  for (let a = 0; a < profiles.length; a++) {
    for (let b = a + 1; b < profiles.length; b++) {
      if (profileCosine(profiles[a], profiles[b]) < threshold) continue;
      const [ra, rb] = [find(a), find(b)];
      if (ra !== rb) group[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }
  return profiles.map((_, index) => find(index));
}

function expectExactDecisions(profiles: readonly (readonly TermWeight[])[], threshold: number): number {
  let near = 0;
  for (let a = 0; a < profiles.length; a++) {
    for (let b = a + 1; b < profiles.length; b++) {
      const exact = profileCosine(profiles[a], profiles[b]) >= threshold;
      if (exact) near += 1;
      if (isNearDuplicate(item(a, profiles[a]), item(b, profiles[b]), threshold) !== exact) {
        throw new Error(`pair ${a}, ${b}: fast ${!exact}, exact ${exact} (cosine ${profileCosine(profiles[a], profiles[b])})`);
      }
    }
  }
  expect(nearDuplicateGroups(profiles.map((profile, index) => item(index, profile)), threshold)).toEqual(exactGroups(profiles, threshold));
  return near;
}

/**
 * uniteAlikeProfiles as the bulk build calls it (related.memory-ranking.ts):
 * each item's terms by interned id with an order giving their weights'
 * ranking (heaviest first), so each item's sums may stop early.
 */
function unitedInWeightOrder(profiles: readonly (readonly TermWeight[])[], threshold: number): number[] {
  const ids = new Map<string, number>();
  const idOf = (term: string) => ids.get(term) ?? (ids.set(term, ids.size), ids.size - 1);
  const byId = profiles.map((profile) => profile.map(({ term, weight }) => ({ id: idOf(term), weight })).sort((a, b) => a.id - b.id));
  const total = byId.reduce((sum, profile) => sum + profile.length, 0);
  const [terms, weights, order] = [new Int32Array(total), new Float64Array(total), new Uint8Array(total)];
  const [starts, ends] = [new Int32Array(profiles.length), new Int32Array(profiles.length)];
  let at = 0;
  byId.forEach((profile, item) => {
    starts[item] = at;
    profile.forEach(({ id, weight }, place) => ((terms[at + place] = id), (weights[at + place] = weight)));
    const places = profile.map((_, place) => place).sort((a, b) => profile[b].weight - profile[a].weight || a - b);
    places.forEach((place, rank) => (order[at + rank] = place));
    at += profile.length;
    ends[item] = at;
  });
  const groups = new Components(profiles.length);
  uniteAlikeProfiles(groups, profiles.length, starts, ends, terms, weights, threshold, (dot, low, high) => profileCosine(profiles[low], profiles[high]) >= threshold, order);
  return Array.from(groups.groups());
}

const unit = (entries: ReadonlyArray<[string, number]>): TermWeight[] => {
  const length = Math.hypot(...entries.map(([, w]) => w));
  return entries.map(([term, weight]) => ({ term, weight: weight / length }));
};

describe('the fast near-duplicate decision', () => {
  it('equals profileCosine >= threshold on random profiles, many of them just around the threshold', () => {
    let seed = 20261130;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const base = () => unit(Array.from({ length: 5 + Math.floor(random() * 60) }, (_, i) => [`t${Math.floor(random() * 400)}_${i}`, 0.05 + random()]));
    const profiles: TermWeight[][] = [];
    for (let n = 0; n < 120; n++) {
      const a = base();
      profiles.push(a);
      // A re-edit: the same terms, one weight moved so the cosine lands within ±0.002 of 0.9.
      for (const aim of [THRESHOLD - 0.002 + random() * 0.004, THRESHOLD + 1e-12, THRESHOLD - 1e-12]) {
        const lift = Math.sqrt(1 / (aim * aim) - 1);
        const [head, ...rest] = a;
        const tilt = unit(rest.map(({ term }) => [term, 0.1 + random()] as [string, number]));
        const mixed = new Map(a.map(({ term, weight }) => [term, weight]));
        if (rest.length === 0) continue;
        // b = a + lift × (a unit vector orthogonal to a, built from the other terms)
        const along = tilt.reduce((sum, { term, weight }) => sum + weight * (mixed.get(term) ?? 0), 0);
        const orthogonal = tilt.map(({ term, weight }) => [term, weight - along * (mixed.get(term) ?? 0)] as [string, number]);
        orthogonal.push([head.term, -along * head.weight]);
        const size = Math.hypot(...orthogonal.map(([, w]) => w));
        for (const [term, w] of orthogonal) mixed.set(term, (mixed.get(term) ?? 0) + (lift * w) / size);
        profiles.push(unit([...mixed].filter(([, w]) => w > 0)));
      }
    }
    const near = expectExactDecisions(profiles, THRESHOLD);
    expect(near).toBeGreaterThan(100); // the pairs above the threshold were really exercised
    // The bulk build's call: terms by id, summed heaviest first (its order), each item stopping early.
    for (const threshold of [THRESHOLD, 0.5, 0.99]) expect(unitedInWeightOrder(profiles, threshold)).toEqual(exactGroups(profiles, threshold));
  });

  it('equals profileCosine >= threshold on the Swahili sample and light re-edits of it, for several thresholds', () => {
    const articles = loadBaseArticles(join(__dirname, '../../corpus')).filter(({ language }) => language === 'sw');
    const texts = articles.flatMap(({ headline, sentences }, index) => [
      { title: headline, body: sentences.join(' ') },
      // every tenth article again without its last sentence or with its first one twice: near-duplicates of it
      ...(index % 10 === 0 ? [{ title: headline, body: sentences.slice(0, -1).join(' ') }, { title: headline, body: [sentences[0], ...sentences].join(' ') }] : []),
    ]);
    const tokens = texts.map((text) => profileTokens(text, 'sw'));
    const df = new Map<string, number>();
    for (const list of tokens) for (const term of new Set(list)) df.set(term, (df.get(term) ?? 0) + 1);
    const profiles = tokens.map((list) => buildTermProfile(list, (term) => df.get(term) ?? 0, tokens.length));
    for (const threshold of [0.5, 0.8, THRESHOLD, 0.95]) expectExactDecisions(profiles, threshold);
    expect(expectExactDecisions(profiles, THRESHOLD)).toBeGreaterThan(10);
  });

  it('groups as every pair\'s exact cosine does when weights tie, profiles are empty, and the threshold is 0 or below (pairs sharing no term)', () => {
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    // Equal weights: many pairs share the same products, and cosines land exactly on simple fractions.
    const flat = (terms: string[]) => unit(terms.map((term) => [term, 1]));
    const profiles: TermWeight[][] = [];
    for (let n = 0; n < 60; n++) {
      const terms = Array.from({ length: 3 + Math.floor(random() * 60) }, (_, i) => `w${Math.floor(random() * 90)}_${i % 4}`);
      profiles.push(flat([...new Set(terms)]));
      // The same terms with one dropped or one added: cosines on both sides of most thresholds.
      profiles.push(flat([...new Set(terms)].slice(1)));
      profiles.push(flat([...new Set([...terms, `extra${n}`])]));
    }
    profiles.push([], []);
    // A fresh copy of the module: the scratch arrays it reuses across calls start empty, so these calls
    // size them (not the earlier tests').
    let fresh!: typeof nearDuplicateGroups;
    jest.isolateModules(() => ({ nearDuplicateGroups: fresh } = jest.requireActual<typeof import('./related.duplicates')>('./related.duplicates')));
    for (const threshold of [1, THRESHOLD, 0.75, 0.3, 0, -0.5]) {
      expect(fresh(profiles.map((profile, index) => item(index, profile)), threshold)).toEqual(exactGroups(profiles, threshold));
    }
    const folded = new Set(nearDuplicateGroups(profiles.map((profile, index) => item(index, profile)), 0.75));
    expect(folded.size).toBeLessThan(profiles.length); // some pairs really were united
    expect(folded.size).toBeGreaterThan(10); // and not everything
  });
});
