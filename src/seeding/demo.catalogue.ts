import type { LanguageCode } from '../languages/language.catalogue';

/**
 * The demo sample shipped in corpus/ (see corpus/README.md for credit):
 * MasakhaNEWS validation splits, published by BBC News in each language.
 */
export interface DemoFile {
  file: string;
  language: LanguageCode;
  sourceName: string;
  urlBase: string;
}

export const DEMO_SEED_ARTICLE = 'seed-article-sw.txt';

export const DEMO_FILES: readonly DemoFile[] = [
  { file: 'masakhanews-swa-dev.tsv', language: 'sw', sourceName: 'BBC Swahili', urlBase: 'https://www.bbc.com' },
  { file: 'masakhanews-eng-dev.tsv', language: 'en', sourceName: 'BBC News', urlBase: 'https://www.bbc.com' },
  { file: 'masakhanews-hau-dev.tsv', language: 'ha', sourceName: 'BBC Hausa', urlBase: 'https://www.bbc.com' },
  { file: 'masakhanews-amh-dev.tsv', language: 'am', sourceName: 'BBC Amharic', urlBase: 'https://www.bbc.com' },
  { file: 'masakhanews-fra-dev.tsv', language: 'fr', sourceName: 'BBC Afrique', urlBase: 'https://www.bbc.com' },
  { file: 'masakhanews-som-dev.tsv', language: 'so', sourceName: 'BBC Somali', urlBase: 'https://www.bbc.com' },
];

/** MasakhaNEWS topic labels as each language's newsroom names its sections. */
export const TOPIC_NAMES: Readonly<Record<LanguageCode, Readonly<Record<string, string>>>> = {
  sw: { business: 'Biashara', entertainment: 'Burudani', health: 'Afya', politics: 'Siasa', religion: 'Dini', sports: 'Michezo', technology: 'Teknolojia' },
  ha: { business: 'Kasuwanci', entertainment: 'Nishaɗi', health: 'Lafiya', politics: 'Siyasa', religion: 'Addini', sports: 'Wasanni', technology: 'Fasaha' },
  am: { business: 'ንግድ', entertainment: 'መዝናኛ', health: 'ጤና', politics: 'ፖለቲካ', religion: 'ሃይማኖት', sports: 'ስፖርት', technology: 'ቴክኖሎጂ' },
  so: { business: 'Ganacsi', entertainment: 'Madadaalo', health: 'Caafimaad', politics: 'Siyaasad', religion: 'Diin', sports: 'Ciyaaraha', technology: 'Tiknoolajiyad' },
  fr: { business: 'Économie', entertainment: 'Divertissement', health: 'Santé', politics: 'Politique', religion: 'Religion', sports: 'Sport', technology: 'Technologie' },
  en: { business: 'Business', entertainment: 'Entertainment', health: 'Health', politics: 'Politics', religion: 'Religion', sports: 'Sport', technology: 'Technology' },
};
