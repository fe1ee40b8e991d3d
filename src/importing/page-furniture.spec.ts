import type { LanguageCode } from '../languages/language.catalogue';
import { classifyArticleLine } from './article-line.classifier';
import { parseArticleText, type ParsedArticle, type ParseOutcome } from './article-text.parser';

/**
 * Per-language tables, written from each language's own wording: the forms
 * CLDR prints (Intl.RelativeTimeFormat, Intl.NumberFormat units) and the
 * forms TRT Afrika / TRT World / BBC pages print.
 */

function article(outcome: ParseOutcome): ParsedArticle {
  if (!outcome.ok) throw new Error(`expected ok, got line ${outcome.line}: ${outcome.reason}`);
  return outcome.article;
}

const READING_TIME: Record<LanguageCode, [string, number][]> = {
  sw: [['2 DK KUSOMA', 2], ['dk 2 kusoma', 2], ['Dakika 3 kusoma', 3], ['5 DAKIKA ZA KUSOMA', 5], ['dakika 4', 4], ['DK KUSOMA 6', 6]],
  ha: [['minti 2', 2], ['Minti 3 karatu', 3], ['MINTI 4', 4], ['mintoci 5', 5], ['mnt 6', 6], ['Karatun minti 7', 7], ['mintuna 8 karatu', 8]],
  am: [['3 ደቂቃ', 3], ['4 ደቂቃዎች', 4], ['5 ደቂቃ ንባብ', 5], ['2 ደቂ', 2]],
  so: [['2 daqiiqo', 2], ['3 DAQIIQO AKHRIS', 3], ['1 daqiiqad', 1], ['4 dqqd', 4]],
  fr: [['2 min de lecture', 2], ['5 MINUTES DE LECTURE', 5], ['4 min', 4], ['3 minutes', 3], ['6 MIN DE LECTURE', 6]],
  en: [['2 min read', 2], ['5 MINS READ', 5], ['3 minutes', 3], ['1 MINUTE READ', 1], ['4 min', 4]],
};

const RELATIVE_DATES: Record<LanguageCode, string[]> = {
  sw: ['saa 9 zilizopita', 'Saa 1 iliyopita', 'dakika 30 zilizopita', 'siku 2 zilizopita', 'saa moja iliyopita', 'Sekunde 5 zilizopita', 'mwezi 1 uliopita', 'miaka 2 iliyopita', 'jana'],
  ha: ['awa 9 da suka wuce', "sa'o'i 9 da suka gabata", 'sa’o’i 3 da suka gabata', 'awanni 2 da suka gabata', 'mintuna 5 da suka gabata', 'awa daya da ta wuce', 'kwanaki 2 da suka gabata', 'shekara 1 da ta gabata', 'jiya'],
  am: ['ከ9 ሰዓታት በፊት', 'ከ 9 ሰዓቶች በፊት', 'ከ2 ቀናት በፊት', 'ከ30 ደቂቃዎች በፊት', 'ከ1 ሳምንት በፊት', 'ትናንት'],
  so: ['9 saacadood kahor', '2 maalmood kahor', '30 daqiiqadood kahor', '1 saacad ka hor', '3 scd khr', 'Shalay'],
  fr: ['il y a 9 heures', 'Il y a 2 jours', 'il y a une heure', 'il y a 30 min', 'il y a 9 h', 'il y a 3 sem.', 'hier'],
  en: ['9 hours ago', '2 days ago', 'an hour ago', '9 hr. ago', '9h ago', '30 mins ago', 'yesterday'],
};

describe.each(Object.keys(READING_TIME) as LanguageCode[])('page furniture in %s', (language) => {
  it.each(READING_TIME[language])('reading time %j is %i minutes', (line, minutes) => {
    expect(classifyArticleLine(line)).toMatchObject({ kind: 'readingTime', minutes });
  });

  it.each(RELATIVE_DATES[language])('%j is a relative date of this language', (line) => {
    const c = classifyArticleLine(line);
    expect(c).toMatchObject({ kind: 'relativeDate' });
    expect(c.kind === 'relativeDate' && c.languages).toContain(language);
  });
});

describe('promotion lines of each publisher are left out', () => {
  it.each([
    'Pata habari zaidi kupitia Whatsapp channels',
    'Jiunge na chaneli yetu ya WhatsApp',
    'Ku samu ƙarin labarai ta WhatsApp',
    'Ku samu karin labarai ta tasharmu ta WhatsApp',
    'Akhriso sidoo kale: Muqdisho oo lagu qabtay shir ganacsi',
    'ተጨማሪ ያንብቡ',
    'Recevez plus d’actualités sur notre chaîne WhatsApp',
    'Rejoignez notre chaîne WhatsApp',
    'Get more news on our WhatsApp channel',
  ])('%j', (line) => {
    expect(classifyArticleLine(line).kind).toBe('promo');
  });
});

describe('lines that only look like furniture stay text', () => {
  it.each([
    'Wanafunzi 2 kusoma vitabu vingi kila siku ya wiki.',
    "Minti 3 bayan haka, 'ya'yan kungiyar sun iso wurin taron da aka shirya.",
    'il y a des heures difficiles',
    'Two hours ago the minister arrived in Nairobi to meet the delegation from Kampala.',
    '2024 / 2025',
  ])('%j', (line) => {
    expect(classifyArticleLine(line).kind).toBe('text');
  });
});

// Each language's caption, credit marker, credit and a page around them.
const PAGES: Record<LanguageCode, { title: string; standfirst: string; caption: string; marker: string; credit: string; date: string; body: [string, string] }> = {
  sw: {
    title: 'Bunge lapitisha bajeti mpya ya elimu',
    standfirst: 'Wabunge wameidhinisha ongezeko la fedha kwa shule za msingi.',
    caption: 'Wabunge wakipiga kura mjini Dodoma.',
    marker: 'Picha:',
    credit: 'Jalada la AA',
    date: '5 Machi 2024',
    body: ['Bunge la Tanzania limepitisha bajeti mpya ya elimu siku ya Jumanne.', 'Waziri wa elimu alisema fedha hizo zitasaidia walimu na wanafunzi wa shule za msingi.'],
  },
  ha: {
    title: 'Gwamnati ta kaddamar da sabon shirin noma',
    standfirst: 'Shirin zai taimaka wa manoma a jihohin arewa.',
    caption: 'Manoma a gonar shinkafa a Kano.',
    marker: 'Hoto:',
    credit: 'AA',
    date: '5 Maris, 2024',
    body: ['Gwamnatin tarayya ta kaddamar da sabon shirin noma a ranar Talata.', 'Ministan noma ya ce shirin zai fara aiki nan take a dukkan jihohin kasar.'],
  },
  am: {
    title: 'አዲስ የባቡር መስመር ተከፈተ',
    standfirst: 'መስመሩ አዲስ አበባን ከጅቡቲ ጋር ያገናኛል።',
    caption: 'ባቡር በአዲስ አበባ ጣቢያ።',
    marker: 'ፎቶ:',
    credit: 'AA',
    date: '5 ማርች 2024',
    body: ['የኢትዮጵያ መንግስት አዲስ የባቡር መስመር ከፈተ።', 'ባለስልጣናቱ የመንገደኞች አገልግሎት በቅርቡ እንደሚጀምር ተናግረዋል።'],
  },
  so: {
    title: 'Dowladda oo furtay waddo cusub',
    standfirst: 'Waddada ayaa isku xiraysa Muqdisho iyo Afgooye.',
    caption: 'Baabuur mara waddada cusub.',
    marker: 'Sawir:',
    credit: 'AA',
    date: 'Maarso 5, 2024',
    body: ['Dowladda federaalka ayaa furtay waddo cusub oo isku xirta labada magaalo.', 'Wasiirka ayaa sheegay in waddada ay yareyn doonto waqtiga safarka.'],
  },
  fr: {
    title: 'Le Sénégal inaugure un nouveau port à Ndayane',
    standfirst: 'Le chantier doit désengorger le port de Dakar.',
    caption: 'Des grues sur le chantier du port.',
    marker: 'Photo :',
    credit: 'AA',
    date: '5 mars 2024',
    body: ['Le président a inauguré mardi le premier quai du nouveau port.', 'Les travaux dureront encore trois ans selon le ministère des Transports.'],
  },
  en: {
    title: 'Kenya opens new rail link to Uganda',
    standfirst: 'The line cuts freight times between Mombasa and Kampala by half.',
    caption: 'A cargo train leaves Nairobi station.',
    marker: 'Photo:',
    credit: 'AA',
    date: 'March 5, 2024',
    body: ['Kenya has opened a new rail link to its western neighbour on Tuesday.', 'Officials said passenger services would follow early next year.'],
  },
};

function page(language: LanguageCode, captionLines: string[], date?: string): string {
  const p = PAGES[language];
  return [p.title, p.standfirst, ...captionLines, date ?? p.date, '', p.body[0], '', p.body[1]].join('\n');
}

describe.each(Object.keys(PAGES) as LanguageCode[])('captions and credits in %s', (language) => {
  const { caption, marker, credit } = PAGES[language];
  const bare = caption.replace(/[.።]$/, '');
  it.each([
    ['"… / credit"', [`${caption} / ${credit}`], caption, credit],
    ['"… / credit" without a full stop', [`${bare} / ${credit}`], bare, credit],
    ['"… /" with the credit missing', [`${caption} /`], caption, null],
    ['"… /" without a full stop', [`${bare} /`], bare, null],
    ['"… / / credit"', [`${caption} / / ${credit}`], caption, credit],
    ['"… / marker credit"', [`${caption} / ${marker} ${credit}`], caption, credit],
    ['"… /marker credit" without spaces', [`${caption} /${marker.replace(/\s+/g, '')}${credit}`], caption, credit],
    ['"… / / marker credit"', [`${caption} / / ${marker} ${credit}`], caption, credit],
    ['"…. marker credit" after the full stop, no slash', [`${caption} ${marker} ${credit}`], caption, credit],
    ['credit line under the caption', [caption, `${marker} ${credit}`], caption, credit],
    ['"Photo: AA" under the caption', [caption, `Photo: ${credit}`], caption, credit],
    ['no credit at all', [caption], caption, null],
  ] as [string, string[], string, string | null][])('%s', (_name, lines, expectedCaption, expectedCredit) => {
    const a = article(parseArticleText(page(language, lines), { language }));
    expect(a.leadImage).toEqual({ url: null, caption: expectedCaption, credit: expectedCredit });
    expect(a.standfirst).toBe(PAGES[language].standfirst);
    expect(a.body.map((b) => b.text)).toEqual(PAGES[language].body);
  });

  it('a credit line with no caption (under the repeated title) is a credit-only image', () => {
    const a = article(parseArticleText(page(language, [PAGES[language].title, `${marker} ${credit}`]), { language }));
    expect(a.leadImage).toEqual({ url: null, caption: null, credit });
  });
});

describe.each(Object.keys(PAGES) as LanguageCode[])('language of a %s page', (language) => {
  it('comes from the text when no marker names it, and the result says so', () => {
    const p = PAGES[language];
    const outcome = parseArticleText([p.title, '', p.standfirst, '', ...p.body].join('\n'));
    expect(article(outcome).language).toBe(language);
    expect(outcome.ok && outcome.warnings).toContainEqual(expect.stringMatching(new RegExp(`^language ${language} \\(\\w+\\) identified from the (text|script)`)));
  });

  it('the language option still wins', () => {
    const p = PAGES[language];
    const other: LanguageCode = language === 'en' ? 'fr' : 'en';
    const outcome = parseArticleText([p.title, '', ...p.body].join('\n'), { language: other });
    expect(article(outcome).language).toBe(other);
    expect(outcome.ok && outcome.warnings.filter((w) => w.startsWith('language'))).toEqual([]);
  });

  it.each(RELATIVE_DATES[language])('the relative date %j is never the publication date, and the result says so', (relative) => {
    const outcome = parseArticleText(page(language, [`${PAGES[language].caption} / ${PAGES[language].credit}`], relative), { language });
    expect(article(outcome).publishedAt).toBeNull();
    expect(outcome.ok && outcome.warnings).toContainEqual(`line 4: "${relative}" is relative to when the page was read, not a calendar date; publishedAt left empty`);
  });

  it('a printed date after a relative one is the publication date', () => {
    const p = PAGES[language];
    const outcome = parseArticleText(page(language, [`${p.caption} / ${p.credit}`], `${RELATIVE_DATES[language][0]}\n${p.date}`), { language });
    expect(article(outcome).publishedAt).toEqual(new Date('2024-03-05T00:00:00Z'));
    expect(outcome.ok && outcome.warnings).toContainEqual(expect.stringMatching(/is relative to when the page was read, not a calendar date; publishedAt taken from line 5$/));
  });
});
