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
  /**
   * Printed beside the minutes figure, on a line of its own: "2 DK KUSOMA",
   * "Minti 3". An entry with "{n}" puts the figure there ("MINTI {n} KARATU");
   * one without takes it before or after. CLDR's plain minutes ("dakika 2",
   * "mnt 2", "2 ደቂቃ") are added from Intl (cldr-phrases.ts).
   */
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
  /**
   * A date printed relative to when the page was viewed, in the publishers'
   * own words; it cannot become publishedAt. CLDR's forms ("saa 9
   * zilizopita", "ከ9 ሰዓታት በፊት") are added from Intl (cldr-phrases.ts).
   */
  relativeDate: readonly RegExp[];
  /** Short words a title-cased label keeps in lower case unless they come first. */
  titleCaseMinorWords: readonly string[];
  /** Elided articles written onto the next word: "AFRIQUE DE L'OUEST" -> "Afrique de l'Ouest". */
  titleCaseElisions: readonly string[];
}

export const ARTICLE_TEXT_MARKERS: Readonly<Record<LanguageCode, ArticleTextMarkers>> = Object.freeze({
  sw: {
    readingTime: ['DK KUSOMA', 'DAKIKA KUSOMA', 'DAKIKA ZA KUSOMA', 'DK {n} KUSOMA', 'DAKIKA {n} KUSOMA', 'DAKIKA {n} ZA KUSOMA', 'DAK {n} KUSOMA'],
    photoCredit: ['Picha:'],
    imageSourceLabels: ['Chanzo cha picha'],
    imageCaptionLabels: ['Maelezo ya picha'],
    source: ['CHANZO:'],
    author: ['Na', 'Imeandikwa na', 'Mwandishi:'],
    promo: ['Pata habari zaidi', 'Soma pia', 'Soma zaidi', 'Habari zaidi', 'Tufuate', 'Jiunge na chaneli yetu'],
    relativeDate: [
      /(?<![\p{L}\p{N}])(?:sekunde|dakika|dk|dak|saa|siku|wiki|mwezi|miezi|mwaka|miaka)\s+(?:\d+|moja|mmoja)\s+(?:iliyopita|zilizopita|uliopita|iliopita)(?![\p{L}\p{N}])/iu,
      /(?<![\p{L}\p{N}])\d+\s+(?:saa|dakika|dk|siku|wiki)\s+(?:iliyopita|zilizopita)(?![\p{L}\p{N}])/iu,
      /^(?:jana|leo|sasa hivi)$/iu,
    ],
    titleCaseMinorWords: ['na', 'ya', 'wa', 'za', 'la', 'kwa', 'cha', 'vya', 'katika'],
    titleCaseElisions: [],
  },
  ha: {
    readingTime: ['MINTI', 'MINTUNA', 'MINTOCI', 'MINTI {n} KARATU', 'MINTUNA {n} KARATU', 'MINTOCI {n} KARATU', 'KARATUN MINTI {n}'],
    photoCredit: ['Hoto:'],
    imageSourceLabels: ['Asalin hoton'],
    imageCaptionLabels: ['Bayanan hoto'],
    source: ['MAJIYA:'],
    author: ['Daga', 'Marubuci:'],
    // Hooked letters are their own letters ("ƙ" is not "k" with a mark): both spellings are printed.
    promo: ['Karanta kuma', 'Karanta wannan', 'Ku samu karin labarai', 'Ku samu ƙarin labarai', 'Karin labarai', 'Ƙarin labarai', 'Ku biyo mu'],
    // "awa 9 da suka wuce", "sa'o'i 9 da suka gabata", "awa daya da ta wuce"; apostrophes straight or curly.
    relativeDate: [
      /(?<![\p{L}\p{N}])(?:dakika|dakiku|minti|mintuna|mintoci|awa|awanni|sa['’ʼ]?o['’ʼ]?i|sa['’ʼ]?a|kwana|kwanaki|mako|makonni|wata|watanni|shekara|shekaru)\s+(?:\d+|daya)\s+da\s+(?:ya|ta|suka)\s+(?:wuce|gabata)(?![\p{L}\p{N}])/iu,
      /(?<![\p{L}\p{N}])\d+\s+(?:minti|mintuna|mintoci|awa|awanni|sa['’ʼ]?o['’ʼ]?i|kwana|kwanaki)\s+da\s+(?:ya|ta|suka)\s+(?:wuce|gabata)(?![\p{L}\p{N}])/iu,
      /^(?:jiya|yau)$/iu,
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
      /(?:^|\s)(?:ከ\s*)?\d+\s*(?:ሰከንዶች|ሰከንድ|ደቂቃዎች|ደቂቃ|ሰዓታት|ሰዓቶች|ሰዓት|ሰአታት|ሰአት|ቀናት|ቀኖች|ቀን|ሳምንታት|ሳምንት|ወራት|ወር|ዓመታት|ዓመት)\s*በፊት/,
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
      /(?<![\p{L}\p{N}])\d+\s*(?:ilbiriqsi|daqiiqo|daqiiqad|daqiiqadood|saac|saacad|saacadood|maalin|maalmood|toddobaad|todobaad|bil|bilood|sano|sannad|sannadood)\s+ka\s*hor(?![\p{L}\p{N}])/iu,
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
    promo: ['À lire aussi', 'A lire aussi', 'Lire aussi', 'Lire la suite', 'Recommandé', 'Suivez-nous', "Plus d'actualités", 'Abonnez-vous', 'Rejoignez notre chaîne', "Recevez plus d'actualités"],
    relativeDate: [
      /(?<![\p{L}\p{N}])il\s+y\s+a\s+(?:\d+|une?)\s*(?:s|secondes?|min|minutes?|h|heures?|jours?|semaines?|mois|ans?)(?![\p{L}\p{N}])/iu,
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
      /(?<![\p{L}\p{N}])(?:\d+|an?|one)\s*(?:secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|weeks?|months?|years?)\s+ago(?![\p{L}\p{N}])/iu,
      /^(?:yesterday|today|just now)$/i,
    ],
    titleCaseMinorWords: ['a', 'an', 'and', 'as', 'at', 'but', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'vs'],
    titleCaseElisions: [],
  },
});
