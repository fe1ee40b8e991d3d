import type { LanguageCode } from '../languages/language.catalogue';

/** Every word of the reader's own interface, per language. Article text comes from the API. */
export interface ReaderStrings {
  tagline: string;
  latest: string;
  categories: string;
  search: string;
  searchLabel: string;
  searchHint: string;
  results: (count: number) => string;
  noResults: string;
  readMore: string;
  related: string;
  next: string;
  previous: string;
  source: string;
  photo: string;
  older: string;
  moreIn: string;
  languages: string;
  newArticle: string;
  notFoundTitle: string;
  notFoundBody: string;
  errorTitle: string;
  errorBody: string;
  skipToContent: string;
}

export const READER_STRINGS: Readonly<Record<LanguageCode, ReaderStrings>> = Object.freeze({
  sw: {
    tagline: 'Habari za hivi punde kwa Kiswahili',
    latest: 'Habari mpya',
    categories: 'Sehemu',
    search: 'Tafuta',
    searchLabel: 'Tafuta habari',
    searchHint: 'Andika maneno machache ya kutafuta.',
    results: (n) => `Matokeo ${n}`,
    noResults: 'Hakuna habari zinazolingana na maneno haya.',
    readMore: 'Soma zaidi',
    related: 'Habari zinazohusiana',
    next: 'Inayofuata',
    previous: 'Iliyotangulia',
    source: 'Chanzo',
    photo: 'Picha',
    older: 'Habari za zamani zaidi',
    moreIn: 'Zaidi',
    languages: 'Lugha',
    newArticle: 'Habari mpya imechapishwa:',
    notFoundTitle: 'Ukurasa haupatikani',
    notFoundBody: 'Hatukupata ukurasa huu. Huenda umeondolewa au anwani si sahihi.',
    errorTitle: 'Hitilafu',
    errorBody: 'Kuna tatizo upande wetu. Tafadhali jaribu tena baadaye.',
    skipToContent: 'Ruka hadi maudhui',
  },
  ha: {
    tagline: 'Sabbin labarai cikin Hausa',
    latest: 'Sabbin labarai',
    categories: 'Sassa',
    search: 'Bincika',
    searchLabel: 'Bincika labarai',
    searchHint: "Rubuta 'yan kalmomi don bincike.",
    results: (n) => `Sakamako ${n}`,
    noResults: 'Babu labarin da ya dace da waɗannan kalmomi.',
    readMore: 'Ƙara karantawa',
    related: 'Labarai masu alaƙa',
    next: 'Na gaba',
    previous: 'Na baya',
    source: 'Majiya',
    photo: 'Hoto',
    older: 'Tsofaffin labarai',
    moreIn: 'Ƙari',
    languages: 'Harsuna',
    newArticle: 'Sabon labari:',
    notFoundTitle: 'Ba a sami shafin ba',
    notFoundBody: 'Ba mu sami wannan shafi ba. Wataƙila an cire shi ko adireshin ba daidai ba ne.',
    errorTitle: 'Kuskure',
    errorBody: 'An sami matsala a ɓangarenmu. Da fatan za a sake gwadawa daga baya.',
    skipToContent: 'Tsallaka zuwa abin da ke ciki',
  },
  am: {
    tagline: 'የቅርብ ጊዜ ዜናዎች በአማርኛ',
    latest: 'የቅርብ ጊዜ ዜናዎች',
    categories: 'ክፍሎች',
    search: 'ፈልግ',
    searchLabel: 'ዜና ፈልግ',
    searchHint: 'ለመፈለግ ጥቂት ቃላት ይጻፉ።',
    results: (n) => `${n} ውጤቶች`,
    noResults: 'ከእነዚህ ቃላት ጋር የሚዛመድ ዜና አልተገኘም።',
    readMore: 'ተጨማሪ ያንብቡ',
    related: 'ተዛማጅ ዜናዎች',
    next: 'ቀጣይ',
    previous: 'ቀዳሚ',
    source: 'ምንጭ',
    photo: 'ፎቶ',
    older: 'የቆዩ ዜናዎች',
    moreIn: 'ተጨማሪ',
    languages: 'ቋንቋዎች',
    newArticle: 'አዲስ ዜና ወጥቷል፦',
    notFoundTitle: 'ገጹ አልተገኘም',
    notFoundBody: 'ይህን ገጽ ማግኘት አልቻልንም። ተወግዶ ወይም አድራሻው ትክክል ላይሆን ይችላል።',
    errorTitle: 'ስህተት',
    errorBody: 'በእኛ በኩል ችግር ተፈጥሯል። እባክዎ ቆይተው እንደገና ይሞክሩ።',
    skipToContent: 'ወደ ይዘቱ ዝለል',
  },
  so: {
    tagline: 'Wararkii ugu dambeeyay ee Af-Soomaali',
    latest: 'Wararkii ugu dambeeyay',
    categories: 'Qaybaha',
    search: 'Raadi',
    searchLabel: 'Raadi warar',
    searchHint: 'Qor dhowr erey si aad u raadiso.',
    results: (n) => `${n} natiijo`,
    noResults: 'Ma jiro war la mid ah erayadan.',
    readMore: 'Wax badan akhri',
    related: 'Warar la xiriira',
    next: 'Kan xiga',
    previous: 'Kii hore',
    source: 'Isha',
    photo: 'Sawir',
    older: 'Warar hore',
    moreIn: 'Wax kale',
    languages: 'Luqadaha',
    newArticle: 'War cusub ayaa la daabacay:',
    notFoundTitle: 'Bogga lama helin',
    notFoundBody: 'Boggan ma aanan helin. Waxaa laga yaabaa in la saaray ama cinwaanku khalad yahay.',
    errorTitle: 'Khalad',
    errorBody: 'Dhibaato ayaa dhinaceena ka dhacday. Fadlan mar kale isku day.',
    skipToContent: 'U gudub waxa ku jira',
  },
  fr: {
    tagline: 'Les dernières nouvelles en français',
    latest: 'Dernières nouvelles',
    categories: 'Rubriques',
    search: 'Rechercher',
    searchLabel: 'Rechercher des articles',
    searchHint: 'Saisissez quelques mots à rechercher.',
    results: (n) => `${n} résultat${n === 1 ? '' : 's'}`,
    noResults: 'Aucun article ne correspond à ces mots.',
    readMore: 'À lire aussi',
    related: 'Articles liés',
    next: 'Suivant',
    previous: 'Précédent',
    source: 'Source',
    photo: 'Photo',
    older: 'Articles plus anciens',
    moreIn: 'Plus',
    languages: 'Langues',
    newArticle: 'Nouvel article publié :',
    notFoundTitle: 'Page introuvable',
    notFoundBody: "Cette page n'existe pas ou a été retirée. Vérifiez l'adresse.",
    errorTitle: 'Erreur',
    errorBody: 'Un problème est survenu de notre côté. Réessayez plus tard.',
    skipToContent: 'Aller au contenu',
  },
  en: {
    tagline: 'The latest news in English',
    latest: 'Latest news',
    categories: 'Sections',
    search: 'Search',
    searchLabel: 'Search articles',
    searchHint: 'Type a few words to search for.',
    results: (n) => `${n} result${n === 1 ? '' : 's'}`,
    noResults: 'No article matches these words.',
    readMore: 'Read more',
    related: 'Related',
    next: 'Next',
    previous: 'Previous',
    source: 'Source',
    photo: 'Photo',
    older: 'Older articles',
    moreIn: 'More',
    languages: 'Languages',
    newArticle: 'New article published:',
    notFoundTitle: 'Page not found',
    notFoundBody: 'We could not find this page. It may have been taken down, or the address is wrong.',
    errorTitle: 'Error',
    errorBody: 'Something went wrong on our side. Please try again later.',
    skipToContent: 'Skip to content',
  },
});
