import type { LanguageCode } from '../languages/language.catalogue';

/**
 * How each language's news pages print the furniture around an article. This
 * is the ONE place the importer knows per-language words: the reader has no
 * per-language code paths, it only looks things up here. Month names are not
 * typed here: they come from CLDR through Intl (see month-names.ts).
 *
 * Matching is case-insensitive. In entries that end with a colon, the colon
 * may be printed with or without a space before it ("Photo:" / "Photo :") and
 * as an Ethiopic colon ("፦").
 */
export interface ArticleTextMarkers {
  /** Printed beside the minutes figure, on a line of its own: "2 DK KUSOMA", "Minti 3". */
  readingTime: readonly string[];
  /** Introduce the credit at the end of a caption: "... / Picha: Jalada la AA". */
  photoCredit: readonly string[];
  /** Label lines of World Service pages: "Image source, Getty Images". */
  imageSourceLabels: readonly string[];
  /** "Image caption, The minister in Nairobi". */
  imageCaptionLabels: readonly string[];
  /** The syndication source line at the foot of the page: "CHANZO:TRT World". */
  source: readonly string[];
  /** Byline openers. Entries without a colon need a capitalised name after them. */
  author: readonly string[];
  /** Lines that start like this are promotion or links to other stories, not the article. */
  promo: readonly string[];
  /** A date printed relative to when the page was viewed; it cannot become publishedAt. */
  relativeDate: readonly RegExp[];
  /** Short words a title-cased label keeps in lower case unless they come first. */
  titleCaseMinorWords: readonly string[];
  /** Elided articles written onto the next word: "AFRIQUE DE L'OUEST" -> "Afrique de l'Ouest". */
  titleCaseElisions: readonly string[];
}

export const ARTICLE_TEXT_MARKERS: Readonly<Record<LanguageCode, ArticleTextMarkers>> = Object.freeze({
  sw: {
    readingTime: ['DK KUSOMA', 'DAKIKA KUSOMA', 'DAKIKA ZA KUSOMA'],
    photoCredit: ['Picha:'],
    imageSourceLabels: ['Chanzo cha picha'],
    imageCaptionLabels: ['Maelezo ya picha'],
    source: ['CHANZO:'],
    author: ['Na', 'Imeandikwa na', 'Mwandishi:'],
    promo: ['Pata habari zaidi', 'Soma pia', 'Soma zaidi', 'Habari zaidi', 'Tufuate'],
    relativeDate: [
      /\b(?:saa|dakika|siku|wiki|mwezi|miezi|mwaka|miaka)\s+\d+\s+(?:iliyopita|zilizopita|uliopita|iliopita)\b/i,
      /\b\d+\s+(?:saa|dakika|siku|wiki)\s+(?:iliyopita|zilizopita)\b/i,
      /^(?:jana|leo)$/i,
    ],
    titleCaseMinorWords: ['na', 'ya', 'wa', 'za', 'la', 'kwa', 'cha', 'vya', 'katika'],
    titleCaseElisions: [],
  },
  ha: {
    readingTime: ['MINTI', 'MINTUNA'],
    photoCredit: ['Hoto:'],
    imageSourceLabels: ['Asalin hoton'],
    imageCaptionLabels: ['Bayanan hoto'],
    source: ['MAJIYA:'],
    author: ['Daga', 'Marubuci:'],
    promo: ['Karanta kuma', 'Karanta wannan', 'Ku samu karin labarai', 'Karin labarai', 'Ku biyo mu'],
    relativeDate: [
      /\b(?:minti|mintuna|awa|awanni|sa'?o'?i|sa'a|kwana|kwanaki|mako|makonni|wata|watanni|shekara|shekaru)\s+\d+\s+da\s+(?:ya|ta|suka)\s+(?:wuce|gabata)\b/i,
      /\b\d+\s+(?:minti|mintuna|awa|awanni|sa'?o'?i|kwana|kwanaki)\s+da\s+(?:ya|ta|suka)\s+(?:wuce|gabata)\b/i,
      /^(?:jiya|yau)$/i,
    ],
    titleCaseMinorWords: ['a', 'da', 'na', 'ta', 'ga', 'ko'],
    titleCaseElisions: [],
  },
  am: {
    readingTime: ['ደቂቃ ንባብ', 'ደቂቃ'],
    photoCredit: ['ፎቶ:', 'ምስል:'],
    imageSourceLabels: ['የፎቶው ባለመብት', 'የፎቶው ምንጭ'],
    imageCaptionLabels: ['የምስሉ መግለጫ'],
    source: ['ምንጭ:'],
    author: ['ዘጋቢ:', 'ጸሐፊ:', 'አዘጋጅ:'],
    promo: ['ተጨማሪ ያንብቡ', 'ይህንንም ያንብቡ', 'ተዛማጅ ዜና', 'ተጨማሪ ዜናዎች'],
    // No \b: word boundaries only see Latin letters.
    relativeDate: [
      /(?:^|\s)(?:ከ\s*)?\d+\s*(?:ደቂቃዎች|ደቂቃ|ሰዓታት|ሰዓት|ሰአታት|ሰአት|ቀናት|ቀን|ሳምንታት|ሳምንት|ወራት|ወር|ዓመታት|ዓመት)\s*በፊት/,
      /^(?:ትናንት|ዛሬ)$/,
    ],
    titleCaseMinorWords: [],
    titleCaseElisions: [],
  },
  so: {
    readingTime: ['DAQIIQO AKHRIS', 'DAQIIQO'],
    photoCredit: ['Sawir:', 'Sawirka:'],
    imageSourceLabels: ['Sawirka asalkiisa'],
    imageCaptionLabels: ['Qoraalka sawirka'],
    source: ['ISHA:'],
    author: ['Waxaa qoray', 'Qoraa:'],
    promo: ['Akhriso sidoo kale', 'Akhri sidoo kale', 'Warar kale', 'Nagala soco'],
    relativeDate: [
      /\b\d+\s*(?:ilbiriqsi|daqiiqo|daqiiqadood|saac|saacad|saacadood|maalin|maalmood|toddobaad|bil|bilood|sano)\s+ka\s*hor\b/i,
      /^(?:shalay|maanta)$/i,
    ],
    titleCaseMinorWords: ['iyo', 'ee', 'ka', 'ku'],
    titleCaseElisions: [],
  },
  fr: {
    readingTime: ['MIN DE LECTURE', 'MINUTES DE LECTURE', 'MIN'],
    photoCredit: ['Photo :', 'Crédit :', 'Crédits :'],
    imageSourceLabels: ['Crédit photo'],
    imageCaptionLabels: ['Légende image'],
    source: ['SOURCE :'],
    author: ['Par', 'Auteur :'],
    promo: ['À lire aussi', 'A lire aussi', 'Lire aussi', 'Lire la suite', 'Recommandé', 'Suivez-nous', "Plus d'actualités"],
    relativeDate: [
      /\bil\s+y\s+a\s+\d+\s*(?:s|secondes?|min|minutes?|h|heures?|jours?|semaines?|mois|ans?)\b/i,
      /^(?:hier|aujourd'hui|à l'instant)$/i,
    ],
    titleCaseMinorWords: ['à', 'au', 'aux', 'de', 'des', 'du', 'en', 'et', 'la', 'le', 'les', 'ou', 'sur'],
    titleCaseElisions: ["l'", "d'"],
  },
  en: {
    readingTime: ['MIN READ', 'MINS READ', 'MINUTE READ', 'MINUTES READ'],
    photoCredit: ['Photo:', 'Image:', 'Picture:', 'Credit:', 'Photo credit:'],
    imageSourceLabels: ['Image source'],
    imageCaptionLabels: ['Image caption'],
    source: ['SOURCE:'],
    author: ['By', 'Written by', 'Reporter:'],
    promo: ['Get more news', 'Read also', 'Also read', 'Read more', 'Recommended', 'Follow us', 'Subscribe'],
    relativeDate: [
      /\b\d+\s*(?:secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|weeks?|months?|years?)\s+ago\b/i,
      /^(?:yesterday|today|just now)$/i,
    ],
    titleCaseMinorWords: ['a', 'an', 'and', 'as', 'at', 'but', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'vs'],
    titleCaseElisions: [],
  },
});
