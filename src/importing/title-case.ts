import type { LanguageCode } from '../languages/language.catalogue';
import { ARTICLE_TEXT_MARKERS } from './article-text.markers';

/**
 * Lower-cases with the language's rules, then drops the combining dot that
 * Unicode's default mapping keeps on "İ" ("İ" -> "i" + U+0307): outside
 * Turkish and Azeri, a lower-case i already has its dot, and "Türki̇ye"
 * would look and sort wrong.
 */
function lower(text: string, language: LanguageCode): string {
  return text.toLocaleLowerCase(language).replace(/([ij])\u0307/g, '$1');
}

function capitalise(word: string, language: LanguageCode): string {
  const [first = '', ...rest] = Array.from(word);
  return first.toLocaleUpperCase(language) + rest.join('');
}

function titleCaseWord(word: string, isFirst: boolean, language: LanguageCode): string {
  const { titleCaseMinorWords, titleCaseElisions } = ARTICLE_TEXT_MARKERS[language];
  const lowered = lower(word, language);
  if (!isFirst && titleCaseMinorWords.includes(lowered)) return lowered;
  const elision = titleCaseElisions.find((prefix) => lowered.replace(/[’ʼ]/g, "'").startsWith(prefix));
  if (elision && lowered.length > elision.length) {
    const prefix = lowered.slice(0, elision.length);
    const rest = capitalise(lowered.slice(elision.length), language);
    return (isFirst ? capitalise(prefix, language) : prefix) + rest;
  }
  return capitalise(lowered, language);
}

/**
 * Turns a category label printed in capitals into a name: "UTURUKI" ->
 * "Uturuki", "AFRIKA MASHARIKI" -> "Afrika Mashariki", "SAYANSI NA
 * TEKNOLOJIA" -> "Sayansi na Teknolojia". A label that already mixes upper
 * and lower case was written by a person and is kept as it is.
 */
export function toTitleCase(label: string, language: LanguageCode): string {
  const text = label.replace(/\s+/g, ' ').trim();
  if (/\p{Lu}/u.test(text) && /\p{Ll}/u.test(text)) return text;
  let seenWord = false;
  return text
    .split(/([\s-]+)/)
    .map((part) => {
      if (part === '' || /^[\s-]+$/.test(part)) return part;
      const word = titleCaseWord(part, !seenWord, language);
      seenWord = true;
      return word;
    })
    .join('');
}
