/**
 * The one text normalisation for search and relatedness. Indexing and querying,
 * on SQLite and on PostgreSQL, all go through this function, so a word matches
 * itself no matter how it was typed, and neither database's own folding rules
 * (unicode61's remove_diacritics, PostgreSQL's parser) get a say.
 */

// Apostrophe look-alikes (typographic quotes, modifier letters, primes, acute and
// grave accents used as apostrophes). They become a word break, not a joiner:
// French elision needs it (l'État -> "l etat" finds "etat"), English possessives
// need it (Nigeria's -> "nigeria s"), Hausa 'yan -> "yan" then equals ƴan -> "yan",
// and FTS5 and PostgreSQL would split on an ASCII apostrophe anyway. Somali and
// Hausa glottal stops (la'aan, ma'aikata) split into two words on both sides alike.
const APOSTROPHES = /['`\u00B4\u02B9\u02BB\u02BC\u02BD\u02BE\u02BF\u02C8\u2018\u2019\u201A\u201B\u2032\u2035\uA78B\uA78C\uFF07]/g;

// Ethiopic wordspace (፡) separates words exactly like a space does; making it
// one means every tokenizer downstream agrees.
const ETHIOPIC_WORDSPACE = /\u1361/g;

// Letters that are not decomposable in Unicode, so stripping combining marks
// cannot fold them. Hausa hooked letters are written plain on most keyboards.
const LETTER_FOLDS: Readonly<Record<string, string>> = {
  'ƙ': 'k', 'ɗ': 'd', 'ɓ': 'b', 'ƴ': 'y',
  'œ': 'oe', 'æ': 'ae', 'ß': 'ss', 'ø': 'o', 'đ': 'd', 'ð': 'd', 'ł': 'l', 'ı': 'i', 'ħ': 'h',
};
const FOLDABLE_LETTERS = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'gu');

// The zero-width space is a format character, but CMSs use it as a soft word
// break, so it must become a space before other format characters are removed.
const ZERO_WIDTH_SPACE = /\u200B/g;
// Controls (NUL, tabs, newlines) and every Unicode space separator.
const SPACES = /[\p{Cc}\p{Z}]+/gu;
// Other invisible format characters (soft hyphen, ZWJ/ZWNJ, BOM, word joiner)
// sit inside words; removing them keeps the word whole.
const FORMAT_CHARACTERS = /\p{Cf}/gu;
const COMBINING_MARKS = /\p{M}/gu;
const ASCII_ONLY = /^[\x00-\x7F]*$/;
const ASCII_APOSTROPHES = /['`]/g;
const ASCII_SPACES = /[\x00-\x20\x7F]+/g;

/**
 * NFKC, lower-case, fold diacritics and hooked letters, make apostrophes and the
 * Ethiopic wordspace into spaces, collapse whitespace. Ge'ez syllables have no
 * decomposition, so they pass through untouched. Idempotent.
 */
export function normalizeText(input: string): string {
  // Plain ASCII (most English and much Swahili text) has nothing to fold or
  // decompose: skip the Unicode passes, which cost most of indexing time.
  if (ASCII_ONLY.test(input)) {
    return input.toLowerCase().replace(ASCII_APOSTROPHES, ' ').replace(ASCII_SPACES, ' ').trim();
  }
  return foldCharacters(input).replace(SPACES, ' ').trim();
}

/**
 * normalizeText without collapsing or trimming spaces: what one character
 * becomes ("É" -> "e", "’" -> " ", a soft hyphen -> ""). The tokenizer folds
 * text a character at a time with it (see tokenize).
 */
export function foldCharacters(input: string): string {
  return input
    .normalize('NFKC') // full-width forms, ligatures (ﬁ), U+00A0/U+202F -> space
    .toLowerCase()
    .replace(APOSTROPHES, ' ')
    .replace(ETHIOPIC_WORDSPACE, ' ')
    .replace(ZERO_WIDTH_SPACE, ' ')
    .replace(FOLDABLE_LETTERS, (letter) => LETTER_FOLDS[letter] ?? letter)
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(FORMAT_CHARACTERS, '')
    // NFD split Hangul syllables into jamo, which are letters, not marks.
    .normalize('NFC');
}
