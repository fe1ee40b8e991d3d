import { LANGUAGES, SUPPORTED_LANGUAGES, type LanguageCode } from '../languages/language.catalogue';
import type { ClassifiedLine } from './article-line.classifier';

export interface LanguageGuess {
  /** null when no marker, month name or script points to any language. */
  language: LanguageCode | null;
  /** Other languages with the same evidence; the caller should say the guess was a toss-up. */
  alsoPossible: LanguageCode[];
}

// Enough letters to tell Ge'ez from Latin script without walking a huge paste.
const SCRIPT_SAMPLE_CHARS = 20_000;

function dominantScript(texts: readonly string[]): 'Latn' | 'Ethi' | null {
  const sample = texts.join(' ').slice(0, SCRIPT_SAMPLE_CHARS);
  const ethiopic = sample.match(/\p{Script=Ethiopic}/gu)?.length ?? 0;
  const latin = sample.match(/\p{Script=Latin}/gu)?.length ?? 0;
  if (ethiopic === 0 && latin === 0) return null;
  return ethiopic > latin ? 'Ethi' : 'Latn';
}

/**
 * Guesses the article's language the way an editor would: from the furniture
 * the page prints ("DK KUSOMA", "Picha:", "CHANZO:"), the month name in the
 * date, and the script. Each marker line is one vote for every language that
 * prints it; the script rules out languages written in another one.
 */
export function inferArticleLanguage(lines: readonly ClassifiedLine[], texts: readonly string[]): LanguageGuess {
  const script = dominantScript(texts);
  const candidates = SUPPORTED_LANGUAGES.filter((code) => script === null || LANGUAGES[code].script === script);
  const votes = new Map<LanguageCode, number>(candidates.map((code) => [code, 0]));
  for (const line of lines) {
    if (!('languages' in line)) continue;
    for (const code of line.languages) {
      const current = votes.get(code);
      if (current !== undefined) votes.set(code, current + 1);
    }
  }
  const best = Math.max(...votes.values());
  if (best === 0) {
    return candidates.length === 1 ? { language: candidates[0], alsoPossible: [] } : { language: null, alsoPossible: [] };
  }
  const leaders = candidates.filter((code) => votes.get(code) === best);
  return { language: leaders[0], alsoPossible: leaders.slice(1) };
}
