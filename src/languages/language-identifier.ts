import type { francAll as FrancAll } from 'franc-min' with { 'resolution-mode': 'import' };
import { LANGUAGES, SUPPORTED_LANGUAGES, type LanguageCode } from './language.catalogue';

// franc-min is ESM-only; Node 20.20 require()s it natively (the built CLI), and
// jest.config.js compiles it to CommonJS for the tests. A static import would
// make tsc (Node16, CommonJS output) refuse it. Loaded on first use (~0.1 s of
// CPU), so serving and TSV imports never pay for it.
let francAll: typeof FrancAll | null = null;
function loadFranc(): typeof FrancAll {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  francAll ??= (require('franc-min') as { francAll: typeof FrancAll }).francAll;
  return francAll;
}

export interface LanguageIdentification {
  language: LanguageCode;
  /**
   * How far ahead of the runner-up the language is, 0..1 (franc's normalized
   * trigram distance). Small even when right: 0.01-0.05 is common on whole
   * articles; it says how close the call was, not the chance of being right.
   */
  margin: number;
  runnerUp: LanguageCode | null;
}

/**
 * Below this many Latin letters the identifier is right too rarely to act on
 * (MasakhaNEWS dev, first 20 characters: 55-86% by language; 60: 84-100%).
 */
export const MIN_IDENTIFIABLE_LETTERS = 40;

const BY_ISO = new Map<string, LanguageCode>(SUPPORTED_LANGUAGES.map((code) => [LANGUAGES[code].iso6393, code]));

/**
 * The language the text is written in, among ours (or `candidates`), from
 * its character trigrams (franc-min, UDHR-trained models; Amharic by its
 * script). null when the text is too short to tell, or none fits.
 */
export function identifyLanguage(text: string, candidates: readonly LanguageCode[] = SUPPORTED_LANGUAGES): LanguageIdentification | null {
  if (candidates.length === 0) return null;
  // Ge'ez script alone says Amharic among ours, however short the text; Latin letters need trigrams enough.
  const ethiopic = text.match(/\p{Script=Ethiopic}/gu)?.length ?? 0;
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  if (ethiopic <= latin && latin < MIN_IDENTIFIABLE_LETTERS) return null;
  const ranked = loadFranc()(text, { only: candidates.map((code) => LANGUAGES[code].iso6393), minLength: 1 })
    .map(([iso, score]) => [BY_ISO.get(iso), score] as const)
    .filter((entry): entry is readonly [LanguageCode, number] => entry[0] !== undefined);
  if (ranked.length === 0) return null;
  const [best, second] = ranked;
  return { language: best[0], margin: second ? Number((best[1] - second[1]).toFixed(3)) : 1, runnerUp: second?.[0] ?? null };
}
