import { identifyLanguage, MIN_IDENTIFIABLE_LETTERS } from '../languages/language-identifier';
import { LANGUAGES, SUPPORTED_LANGUAGES, type LanguageCode } from '../languages/language.catalogue';
import type { ClassifiedLine } from './article-line.classifier';

export interface LanguageGuess {
  /** null when neither the page's markers nor its text tell the language. */
  language: LanguageCode | null;
  /** For the editor: how the language was chosen when markers did not settle it alone, or why it may be wrong. */
  note: string | null;
}

// Enough letters to tell Ge'ez from Latin script without walking a huge paste.
const SCRIPT_SAMPLE_CHARS = 20_000;
// Below this, the identifier is right 92-100% of the time (MasakhaNEWS dev, 100 characters): too weak to contradict markers.
const MIN_LETTERS_TO_DOUBT_MARKERS = 200;

function dominantScript(texts: readonly string[]): 'Latn' | 'Ethi' | null {
  const sample = texts.join(' ').slice(0, SCRIPT_SAMPLE_CHARS);
  const ethiopic = sample.match(/\p{Script=Ethiopic}/gu)?.length ?? 0;
  const latin = sample.match(/\p{Script=Latin}/gu)?.length ?? 0;
  if (ethiopic === 0 && latin === 0) return null;
  return ethiopic > latin ? 'Ethi' : 'Latn';
}

const named = (code: LanguageCode) => `${code} (${LANGUAGES[code].englishName})`;

/**
 * Tells the article's language the way an editor would. First the furniture
 * the page prints ("DK KUSOMA", "Picha:", "CHANZO:"), the month name in the
 * date, and the script: each marker line is one vote for every language that
 * prints it; the script rules out languages written in another one. When
 * that leaves no language or a tie ("Photo:" is French and English), the
 * prose itself decides (title, standfirst and body, see language-identifier.ts).
 */
export function inferArticleLanguage(lines: readonly ClassifiedLine[], texts: readonly string[], prose: string): LanguageGuess {
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
  if (candidates.length === 1) {
    const note = best === 0 ? `language ${named(candidates[0])} identified from the script: the only one of ours written in ${script === 'Ethi' ? "Ge'ez" : 'it'}` : null;
    return { language: candidates[0], note };
  }
  const leaders = best === 0 ? [] : candidates.filter((code) => votes.get(code) === best);
  const identified = identifyLanguage(prose, candidates);

  if (leaders.length === 1) {
    const letters = prose.match(/\p{L}/gu)?.length ?? 0;
    const doubt =
      identified && identified.language !== leaders[0] && letters >= MIN_LETTERS_TO_DOUBT_MARKERS
        ? `language ${named(leaders[0])} taken from the page's markers, but the text reads as ${named(identified.language)}; pass the language option if it is ${identified.language}`
        : null;
    return { language: leaders[0], note: doubt };
  }
  const markers = leaders.length > 1 ? `the page's markers fit ${leaders.join(', ')} equally` : 'no page marker names it';
  if (identified) {
    const runnerUp = identified.runnerUp ? ` (next: ${identified.runnerUp}, margin ${identified.margin.toFixed(3)})` : '';
    return { language: identified.language, note: `language ${named(identified.language)} identified from the text${runnerUp}: ${markers}` };
  }
  if (leaders.length > 1) {
    return {
      language: leaders[0],
      note: `language guessed as ${leaders[0]}, but ${markers} and the text is too short to tell (fewer than ${MIN_IDENTIFIABLE_LETTERS} letters); pass the language option to be sure`,
    };
  }
  return { language: null, note: null };
}
