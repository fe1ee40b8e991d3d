import { LanguageFrequencies } from './related.final-frequencies';
import { profileFromCounts } from './related.profile';
import { profileBuilderHere, ProfileTable, profilesOf } from './related.profile-builder';
import { termCountsOf } from './related.terms';

// A language's table: common words (df ≥ 16 are kept in a Map), rarer ones (interned) and terms it lacks (df 1).
const DOCS = 400;
const TABLE: Array<[string, number]> = [
  ['serikali', 180],
  ['rais', 90],
  ['bunge', 40],
  ['bajeti', 12],
  ['ushuru', 3],
  ['mswada', 2],
  ['wakulima', 250],
];
const ARTICLES: Array<[number, string[], number[]]> = [
  [7, ['bajeti', 'bunge', 'mswada', 'rais', 'serikali', 'ushuru', 'wakulima'], [3, 2, 1, 1, 4, 2, 1]],
  [3, ['bajeti', 'kahawa', 'mswada', 'zao'], [1, 5, 1, 2]],
  [11, ['kahawa'], [1]],
  [12, [], []],
];

function expectedProfiles() {
  const frequencies = new LanguageFrequencies(4);
  for (const [term, df] of TABLE) frequencies.add(term, df);
  return new Map(
    ARTICLES.map(([id, terms, counts]) => [
      id,
      profileFromCounts(
        terms.map((term, at) => [term, counts[at]] as const),
        (term) => frequencies.of(term),
        DOCS,
      ),
    ]),
  );
}

describe('ProfileTable', () => {
  const table = new ProfileTable(DOCS, 4);
  table.add(
    TABLE.map(([term]) => term),
    Int32Array.from(TABLE.map(([, df]) => df)),
  );

  it('builds what profileFromCounts builds, from saved JSON or from counts in hand, in the page order', () => {
    const saved = new Map(ARTICLES.map(([id, terms, counts]) => [id, { terms: JSON.stringify(terms), counts: JSON.stringify(counts) }]));
    const inHand = new Map(ARTICLES.map(([id, terms, counts]) => [id, { terms, counts }]));
    for (const counts of [saved, inHand]) {
      const page = table.build(counts);
      expect([...page.ids]).toEqual([7, 3, 11, 12]);
      expect(profilesOf(page)).toEqual(expectedProfiles());
    }
  });

  it('counts the texts of articles saved without counts, as pass 1 counts them', () => {
    const texts = [
      { id: 5, title: 'Bunge lapitisha bajeti', standfirst: null, bodyText: 'Serikali imesema bajeti ya kahawa itapita bungeni.', language: 'sw' },
      { id: 6, title: 'Rais', standfirst: null, bodyText: 'Wakulima wa kahawa.', language: 'sw' },
    ];
    const page = table.build(new Map([[7, { terms: ARTICLES[0][1], counts: ARTICLES[0][2] }]]), texts);
    expect([...page.ids]).toEqual([7, 5, 6]);
    const asCounted = new ProfileTable(DOCS, 4);
    asCounted.add(
      TABLE.map(([term]) => term),
      TABLE.map(([, df]) => df),
    );
    const counted = new Map(texts.map((text) => [text.id, termCountsOf(text)]));
    expect(profilesOf(page).get(5)).toEqual(profilesOf(asCounted.build(counted)).get(5));
    expect(profilesOf(page).get(6)!.length).toBeGreaterThan(0);
  });

  it('answers each term its df as the table holds it, 1 for a term it lacks', () => {
    expect([...table.frequenciesOf(['rais', 'ushuru', 'kahawa', 'wakulima'])]).toEqual([90, 3, 1, 250]);
  });

  it('is what the server builds with on its own thread', async () => {
    const builder = profileBuilderHere();
    await expect(builder.build(new Map(), [])).rejects.toThrow('No language was begun');
    await builder.begin(DOCS, 4);
    await builder.addFrequencies(
      TABLE.map(([term]) => term),
      TABLE.map(([, df]) => df),
    );
    const counts = new Map(ARTICLES.map(([id, terms, counts]) => [id, { terms, counts }]));
    expect(await builder.build(counts, [])).toEqual(expectedProfiles());
    expect([...(await builder.frequencies(['bunge', 'zao']))]).toEqual([40, 1]);
  });
});
