import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES, SUPPORTED_LANGUAGES, type LanguageCode } from '../languages/language.catalogue';
import { parseArticleText, type ParsedArticle, type ParseOutcome } from './article-text.parser';

const SEED = join(__dirname, '..', '..', 'corpus', 'seed-article-sw.txt');

function article(outcome: ParseOutcome): ParsedArticle {
  if (!outcome.ok) throw new Error(`expected ok, got line ${outcome.line}: ${outcome.reason}`);
  return outcome.article;
}

const text = (...lines: string[]) => lines.join('\n');
const paragraphs = (a: ParsedArticle) => a.body.filter((b) => b.type === 'PARAGRAPH').map((b) => b.text);

describe('parseArticleText on the seed article', () => {
  const outcome = parseArticleText(readFileSync(SEED, 'utf8'));
  const a = article(outcome);

  it('reads the header', () => {
    expect(a.language).toBe('sw');
    expect(a.categoryName).toBe('Uturuki');
    expect(a.readingTimeMinutes).toBe(2);
    expect(a.title).toBe('Hamas ina matumaini juu ya kusitisha mapigano, Israeli inahujumu - Kalin');
    expect(a.standfirst).toBe(
      'Shirika hilo linajishughulisha na juhudi kubwa za kidiplomasia na Hamas, Israel, Misri, Qatar na Marekani kuendeleza mchakato wa amani.',
    );
    expect(a.leadImage).toEqual({
      url: null,
      caption:
        'Katika mkutano huo, Kalin na viongozi wa Hamas walizungumzia haja ya kusitishwa kwa mapigano kwa kudumu huko Gaza, ambayo imekumbwa na mzozo wa kibinadamu.',
      credit: 'Jalada la AA / Others',
    });
    expect(a.inlineImages).toEqual([]);
    expect(a.publishedAt?.toISOString()).toBe('2024-09-13T00:00:00.000Z');
    expect(a.author).toBeNull();
    expect(a.sourceName).toBe('TRT World');
    expect(outcome.ok && outcome.warnings).toEqual([]);
  });

  it('reads the body: 9 paragraphs with one subheading between the 4th and 5th', () => {
    expect(a.body).toHaveLength(10);
    expect(a.body.filter((b) => b.type === 'PARAGRAPH')).toHaveLength(9);
    expect(a.body[4]).toEqual({ type: 'SUBHEADING', text: 'Israel inatatiza mchakato wa kusitisha mapigano' });
    expect(a.body.map((b) => b.type).filter((t) => t === 'SUBHEADING')).toHaveLength(1);
    expect(a.body[0].text).toMatch(/^Mkuu wa Shirika la Kitaifa/);
    expect(a.body[9].text).toMatch(/^Mwezi Juni, Kalin/);
  });

  it('keeps page furniture out of the body', () => {
    const all = a.body.map((b) => b.text).join('\n');
    expect(all).not.toMatch(/Pata habari zaidi|CHANZO|DK KUSOMA|13 Septemba 2024|Picha:/);
  });
});

// A small Swahili page in the seed's layout; variants below change one thing each.
const SW = {
  category: 'SIASA',
  reading: '3 DK KUSOMA',
  title: 'Bunge lapitisha bajeti mpya ya elimu',
  standfirst: 'Wabunge wameidhinisha ongezeko la fedha kwa shule za msingi.',
  caption: 'Wabunge wakipiga kura mjini Dodoma. / Picha: Reuters',
  date: '5 Machi 2024',
  p1: 'Bunge la Tanzania limepitisha bajeti mpya ya elimu siku ya Jumanne.',
  p2: 'Waziri wa elimu alisema fedha hizo zitasaidia walimu na wanafunzi.',
  promo: 'Pata habari zaidi kupitia Whatsapp channels',
  source: 'CHANZO:TRT Afrika',
};

function swPage(overrides: Partial<Record<keyof typeof SW, string | null>> = {}, extraBody: string[] = []): string {
  const v = { ...SW, ...overrides };
  const header = [v.category, v.reading, v.title, v.standfirst, v.title, v.caption, v.date];
  return [...header.filter((l): l is string => l !== null), '', v.p1!, '', ...extraBody.flatMap((l) => [l, '']), v.p2!, '', v.promo ?? '', '', v.source ?? ''].join('\n');
}

const BASE_EXPECTED = {
  language: 'sw',
  categoryName: 'Siasa',
  readingTimeMinutes: 3,
  title: SW.title,
  standfirst: SW.standfirst,
  leadImage: { url: null, caption: 'Wabunge wakipiga kura mjini Dodoma.', credit: 'Reuters' },
  inlineImages: [],
  publishedAt: new Date('2024-03-05T00:00:00Z'),
  author: null,
  body: [
    { type: 'PARAGRAPH', text: SW.p1 },
    { type: 'PARAGRAPH', text: SW.p2 },
  ],
  sourceName: 'TRT Afrika',
};

describe('parseArticleText on variations of the Swahili layout', () => {
  const cases: { name: string; page: string; expected: Partial<ParsedArticle> }[] = [
    { name: 'the layout as in the seed', page: swPage(), expected: {} },
    { name: 'reading-time line missing', page: swPage({ reading: null }), expected: { readingTimeMinutes: null } },
    { name: 'reading time in lower case', page: swPage({ reading: '3 dk kusoma' }), expected: {} },
    {
      name: 'repeated title missing',
      page: text(SW.category, SW.reading, SW.title, SW.standfirst, SW.caption, SW.date, '', SW.p1, '', SW.p2),
      expected: { sourceName: null },
    },
    {
      name: 'repeated title in capitals',
      page: text(SW.category, SW.reading, SW.title, SW.standfirst, SW.title.toUpperCase(), SW.caption, SW.date, '', SW.p1, '', SW.p2),
      expected: { sourceName: null },
    },
    { name: 'credit after "/Picha:" without a space', page: swPage({ caption: 'Wabunge wakipiga kura mjini Dodoma. /Picha: Reuters' }), expected: {} },
    { name: 'credit after "/ Photo:"', page: swPage({ caption: 'Wabunge wakipiga kura mjini Dodoma. / Photo: Reuters' }), expected: {} },
    {
      name: 'credit as a bare "/ AA"',
      page: swPage({ caption: 'Wabunge wakipiga kura mjini Dodoma. / AA' }),
      expected: { leadImage: { url: null, caption: 'Wabunge wakipiga kura mjini Dodoma.', credit: 'AA' } },
    },
    {
      name: 'caption without a credit',
      page: swPage({ caption: 'Wabunge wakipiga kura mjini Dodoma.' }),
      expected: { leadImage: { url: null, caption: 'Wabunge wakipiga kura mjini Dodoma.', credit: null } },
    },
    {
      name: 'caption without a final full stop',
      page: swPage({ caption: 'Wabunge wakipiga kura mjini Dodoma / Picha: Reuters' }),
      expected: { leadImage: { url: null, caption: 'Wabunge wakipiga kura mjini Dodoma', credit: 'Reuters' } },
    },
    {
      name: 'caption without a full stop and a bare credit',
      page: swPage({ caption: 'Wabunge wakipiga kura mjini Dodoma / AA' }),
      expected: { leadImage: { url: null, caption: 'Wabunge wakipiga kura mjini Dodoma', credit: 'AA' } },
    },
    {
      name: 'credit on its own line under the caption',
      page: swPage({ caption: 'Wabunge wakipiga kura mjini Dodoma.\nPicha: Reuters' }),
      expected: {},
    },
    { name: 'no image', page: swPage({ caption: null }), expected: { leadImage: null } },
    {
      name: 'no standfirst',
      page: text(SW.category, SW.reading, SW.title, SW.title, SW.caption, SW.date, '', SW.p1, '', SW.p2, '', SW.source),
      expected: { standfirst: null },
    },
    {
      name: 'no standfirst, no image, no repeated title',
      page: text(SW.category, SW.reading, SW.title, SW.date, '', SW.p1, '', SW.p2, '', SW.source),
      expected: { standfirst: null, leadImage: null },
    },
    {
      name: 'title then body with no header at all',
      page: text(SW.title, '', SW.p1, '', SW.p2, '', SW.source),
      expected: { standfirst: null, leadImage: null, categoryName: null, readingTimeMinutes: null, publishedAt: null },
    },
    {
      name: 'several images: a credited caption inside the body is an inline image',
      page: swPage({}, ['Walimu wakiandamana Arusha. / Picha: AFP']),
      expected: { inlineImages: [{ url: null, caption: 'Walimu wakiandamana Arusha.', credit: 'AFP' }] },
    },
    {
      name: 'BBC-style image labels inside the body',
      page: swPage({}, ['Chanzo cha picha, Getty Images', 'Maelezo ya picha, Walimu wakiandamana Arusha']),
      expected: { inlineImages: [{ url: null, caption: 'Walimu wakiandamana Arusha', credit: 'Getty Images' }] },
    },
    {
      name: 'an image URL line joins the caption under it',
      page: swPage({ caption: 'https://cdn.example.org/bunge.jpg\nWabunge wakipiga kura mjini Dodoma. / Picha: Reuters' }),
      expected: { leadImage: { url: 'https://cdn.example.org/bunge.jpg', caption: 'Wabunge wakipiga kura mjini Dodoma.', credit: 'Reuters' } },
    },
    { name: 'author line under the date', page: swPage({ date: `${SW.date}\nNa Amina Yusuf` }), expected: { author: 'Amina Yusuf' } },
    { name: '"Soma pia" line inside the body', page: swPage({}, ['Soma pia: Rais ahutubia taifa kuhusu elimu']), expected: {} },
    { name: '"Soma pia" alone, then the linked headline', page: swPage({}, ['Soma pia', 'Rais ahutubia taifa kuhusu elimu']), expected: {} },
    { name: 'no promo and no source line', page: swPage({ promo: null, source: null }), expected: { sourceName: null } },
    {
      name: 'relative date',
      page: swPage({ date: 'saa 9 zilizopita' }),
      expected: { publishedAt: null },
    },
    { name: 'date with a weekday and time', page: swPage({ date: 'Jumanne, 5 Machi 2024 10:30' }), expected: {} },
    { name: 'date in lower case', page: swPage({ date: '5 machi 2024' }), expected: {} },
    { name: 'Windows line endings', page: swPage().replace(/\n/g, '\r\n'), expected: {} },
    { name: 'non-breaking spaces', page: swPage().replace(/ /g, (_, i: number) => (i % 3 === 0 ? '\u00A0' : ' ')), expected: {} },
    { name: 'trailing spaces and tabs', page: swPage().replace(/\n/g, '  \t\n'), expected: {} },
    { name: 'byte order mark', page: `\uFEFF${swPage()}`, expected: {} },
    {
      name: 'hard-wrapped paragraph lines are joined',
      page: swPage({ p1: 'Bunge la Tanzania limepitisha bajeti mpya\nya elimu siku ya Jumanne.' }),
      expected: {},
    },
    {
      name: 'category already in mixed case before the reading time',
      page: swPage({ category: 'Afrika Mashariki' }),
      expected: { categoryName: 'Afrika Mashariki' },
    },
    { name: 'category label in capitals, two words', page: swPage({ category: 'AFRIKA MASHARIKI' }), expected: { categoryName: 'Afrika Mashariki' } },
  ];

  it.each(cases)('$name', ({ page, expected }) => {
    expect(article(parseArticleText(page))).toEqual({ ...BASE_EXPECTED, ...expected });
  });

  it('warns when the date is relative, and leaves publishedAt empty rather than guess', () => {
    const outcome = parseArticleText(swPage({ date: 'saa 9 zilizopita' }));
    expect(outcome.ok && outcome.warnings).toEqual([expect.stringMatching(/line 7: "saa 9 zilizopita" is relative/)]);
  });

  it('warns about an impossible printed date instead of rolling it over', () => {
    const outcome = parseArticleText(swPage({ date: '31 Februari 2024' }));
    expect(article(outcome).publishedAt).toBeNull();
    expect(outcome.ok && outcome.warnings).toEqual([expect.stringMatching(/not a real calendar date/)]);
  });

  it('warns when text follows the source line, and leaves it out', () => {
    const outcome = parseArticleText(`${swPage()}\n\nMakala hii ilihaririwa na wahariri wetu.`);
    expect(paragraphs(article(outcome))).toEqual([SW.p1, SW.p2]);
    expect(outcome.ok && outcome.warnings).toEqual([expect.stringMatching(/^line 17 after the source line \(line 15\) left out/)]);
  });
});

describe('parseArticleText in other languages', () => {
  const cases: { name: string; page: string; expected: Partial<ParsedArticle>; body: string[] }[] = [
    {
      name: 'English, with a byline, a relative date and a "Read also" line',
      page: text(
        'AFRICA',
        '4 MIN READ',
        'Kenya opens new rail link to Uganda',
        'The line cuts freight times between Mombasa and Kampala by half.',
        'Kenya opens new rail link to Uganda',
        'A cargo train leaves Nairobi station. / Photo: Reuters',
        '9 hours ago',
        'By John Kamau',
        '',
        'Kenya has opened a new rail link to its western neighbour.',
        '',
        'Read also: Uganda signs power deal with Tanzania',
        '',
        'What comes next',
        '',
        'Officials said passenger services would follow next year.',
        '',
        'Get more news on our WhatsApp channel',
        '',
        'SOURCE: TRT Afrika',
      ),
      expected: {
        language: 'en',
        categoryName: 'Africa',
        readingTimeMinutes: 4,
        standfirst: 'The line cuts freight times between Mombasa and Kampala by half.',
        leadImage: { url: null, caption: 'A cargo train leaves Nairobi station.', credit: 'Reuters' },
        publishedAt: null,
        author: 'John Kamau',
        sourceName: 'TRT Afrika',
      },
      body: ['P:Kenya has opened a new rail link to its western neighbour.', 'S:What comes next', 'P:Officials said passenger services would follow next year.'],
    },
    {
      name: 'English, "Recommended" block and an inline image',
      page: text(
        'BUSINESS',
        'Cocoa prices hit a record high',
        'March 5, 2024',
        '',
        'Cocoa prices rose again on Tuesday as harvests in Ghana fell.',
        '',
        'Recommended',
        'Ghana farmers count the cost of swollen shoot disease',
        '',
        'Farmers dry cocoa beans near Kumasi. / Photo: AFP',
        '',
        'Traders expect prices to stay high until the next season.',
      ),
      expected: {
        language: 'en',
        categoryName: 'Business',
        standfirst: null,
        leadImage: null,
        inlineImages: [{ url: null, caption: 'Farmers dry cocoa beans near Kumasi.', credit: 'AFP' }],
        publishedAt: new Date('2024-03-05T00:00:00Z'),
      },
      body: ['P:Cocoa prices rose again on Tuesday as harvests in Ghana fell.', 'P:Traders expect prices to stay high until the next season.'],
    },
    {
      name: 'French, with "Photo :" and "À lire aussi"',
      page: text(
        'AFRIQUE DE L’OUEST',
        '5 MIN DE LECTURE',
        'Le Sénégal inaugure un nouveau port à Ndayane',
        'Le chantier doit désengorger le port de Dakar.',
        'Des grues sur le chantier du port. / Photo : AFP',
        '5 mars 2024',
        'Par Awa Ndiaye',
        '',
        'Le président a inauguré mardi le premier quai du port.',
        '',
        'À lire aussi : Dakar accueille un sommet sur le climat',
        '',
        'Les travaux dureront encore trois ans.',
        '',
        'SOURCE : TRT Afrika',
      ),
      expected: {
        language: 'fr',
        categoryName: 'Afrique de l’Ouest',
        readingTimeMinutes: 5,
        standfirst: 'Le chantier doit désengorger le port de Dakar.',
        leadImage: { url: null, caption: 'Des grues sur le chantier du port.', credit: 'AFP' },
        publishedAt: new Date('2024-03-05T00:00:00Z'),
        author: 'Awa Ndiaye',
        sourceName: 'TRT Afrika',
      },
      body: ['P:Le président a inauguré mardi le premier quai du port.', 'P:Les travaux dureront encore trois ans.'],
    },
    {
      name: 'French relative date',
      page: text('Le Sénégal inaugure un nouveau port', 'il y a 9 heures', '', 'Le président a inauguré mardi le premier quai du port.'),
      expected: { language: 'fr', publishedAt: null, standfirst: null },
      body: ['P:Le président a inauguré mardi le premier quai du port.'],
    },
    {
      name: 'Hausa, with "Hoto:", "Daga" and "Karanta kuma"',
      page: text(
        'NAJERIYA',
        'MINTI 2',
        'Gwamnati ta kaddamar da sabon shirin noma',
        'Shirin zai taimaka wa manoma a jihohin arewa.',
        'Manoma a gonar shinkafa a Kano. / Hoto: Reuters',
        '5 Maris, 2024',
        'Daga Aminu Abdullahi',
        '',
        'Gwamnatin tarayya ta kaddamar da sabon shirin noma a ranar Talata.',
        '',
        'Karanta kuma: Farashin abinci ya tashi a kasuwannin Kano',
        '',
        'Ministan noma ya ce shirin zai fara aiki nan take.',
        '',
        'MAJIYA: TRT Afrika',
      ),
      expected: {
        language: 'ha',
        categoryName: 'Najeriya',
        readingTimeMinutes: 2,
        leadImage: { url: null, caption: 'Manoma a gonar shinkafa a Kano.', credit: 'Reuters' },
        publishedAt: new Date('2024-03-05T00:00:00Z'),
        author: 'Aminu Abdullahi',
        sourceName: 'TRT Afrika',
      },
      body: ['P:Gwamnatin tarayya ta kaddamar da sabon shirin noma a ranar Talata.', 'P:Ministan noma ya ce shirin zai fara aiki nan take.'],
    },
    {
      name: 'Amharic, with "ፎቶ:", "ምንጭ:" and Ethiopic full stops',
      page: text(
        'ኢትዮጵያ',
        '3 ደቂቃ',
        'አዲስ የባቡር መስመር ተከፈተ',
        'መስመሩ አዲስ አበባን ከጅቡቲ ጋር ያገናኛል።',
        'ባቡር በአዲስ አበባ ጣቢያ። / ፎቶ: ሮይተርስ',
        '5 ማርች 2024',
        '',
        'የኢትዮጵያ መንግስት አዲስ የባቡር መስመር ከፈተ።',
        '',
        'ቀጣዩ ምዕራፍ',
        '',
        'ባለስልጣናቱ የመንገደኞች አገልግሎት በቅርቡ እንደሚጀምር ተናግረዋል።',
        '',
        'ምንጭ: TRT Afrika',
      ),
      expected: {
        language: 'am',
        categoryName: 'ኢትዮጵያ',
        readingTimeMinutes: 3,
        standfirst: 'መስመሩ አዲስ አበባን ከጅቡቲ ጋር ያገናኛል።',
        leadImage: { url: null, caption: 'ባቡር በአዲስ አበባ ጣቢያ።', credit: 'ሮይተርስ' },
        publishedAt: new Date('2024-03-05T00:00:00Z'),
        sourceName: 'TRT Afrika',
      },
      body: ['P:የኢትዮጵያ መንግስት አዲስ የባቡር መስመር ከፈተ።', 'S:ቀጣዩ ምዕራፍ', 'P:ባለስልጣናቱ የመንገደኞች አገልግሎት በቅርቡ እንደሚጀምር ተናግረዋል።'],
    },
    {
      name: 'Amharic relative date',
      page: text('አዲስ የባቡር መስመር ተከፈተ', 'ከ 9 ሰዓታት በፊት', '', 'የኢትዮጵያ መንግስት አዲስ የባቡር መስመር ከፈተ።'),
      expected: { language: 'am', publishedAt: null },
      body: ['P:የኢትዮጵያ መንግስት አዲስ የባቡር መስመር ከፈተ።'],
    },
    {
      name: 'Somali, with "Sawir:" and a month-first date',
      page: text(
        'Dowladda oo furtay waddo cusub',
        'Waddada ayaa isku xiraysa Muqdisho iyo Afgooye.',
        'Baabuur mara waddada cusub. / Sawir: Reuters',
        'Maarso 5, 2024',
        '',
        'Dowladda federaalka ayaa furtay waddo cusub maanta.',
      ),
      expected: { language: 'so', publishedAt: new Date('2024-03-05T00:00:00Z'), leadImage: { url: null, caption: 'Baabuur mara waddada cusub.', credit: 'Reuters' } },
      body: ['P:Dowladda federaalka ayaa furtay waddo cusub maanta.'],
    },
  ];

  it.each(cases)('$name', ({ page, expected, body }) => {
    const a = article(parseArticleText(page));
    expect(a).toMatchObject(expected);
    expect(a.body.map((b) => `${b.type[0]}:${b.text}`)).toEqual(body);
  });

  it('lets the text decide when the markers fit two languages equally, and says so', () => {
    const outcome = parseArticleText(
      text('Cocoa prices hit a record high', 'Farmers dry beans near Kumasi. / Photo: AFP', '', 'Prices rose again on Tuesday as the harvest in Ghana fell short.'),
    );
    expect(article(outcome).language).toBe('en');
    expect(outcome.ok && outcome.warnings).toContainEqual(expect.stringMatching(/^language en \(English\) identified from the text .*: the page's markers fit fr, en equally$/));
  });

  it('falls back to the first of the tied languages when the text is too short to identify', () => {
    const outcome = parseArticleText(text('Cocoa prices', 'Farmers. / Photo: AFP', '', 'Prices rose.'));
    expect(article(outcome).language).toBe('fr');
    expect(outcome.ok && outcome.warnings).toContainEqual(expect.stringMatching(/^language guessed as fr, but the page's markers fit fr, en equally and the text is too short/));
  });

  it('joins BBC-style image labels printed caption first', () => {
    const a = article(parseArticleText(swPage({}, ['Maelezo ya picha, Walimu wakiandamana Arusha', 'Chanzo cha picha, Getty Images'])));
    expect(a.inlineImages).toEqual([{ url: null, caption: 'Walimu wakiandamana Arusha', credit: 'Getty Images' }]);
    expect(paragraphs(a)).toEqual([SW.p1, SW.p2]);
  });

  it('uses the language option over the markers', () => {
    expect(article(parseArticleText(swPage(), { language: 'ha' })).language).toBe('ha');
  });

  it('recognises each catalogue reading-time template', () => {
    for (const code of SUPPORTED_LANGUAGES) {
      const template = LANGUAGES[code].readingTimeTemplate;
      if (!template) continue;
      const page = text(template.replace('{n}', '7'), 'Headline of the story', '', 'A first paragraph of the story.');
      expect({ code, minutes: article(parseArticleText(page, { language: code })).readingTimeMinutes }).toEqual({ code, minutes: 7 });
    }
  });
});

describe('parseArticleText on text that is not an article', () => {
  const cases: { name: string; page: string; line: number; reason: RegExp; language?: LanguageCode }[] = [
    { name: 'empty', page: '', line: 1, reason: /empty/ },
    { name: 'only blank lines and spaces', page: ' \n\u00A0\r\n\t\n', line: 1, reason: /empty/ },
    { name: 'only furniture', page: text('UTURUKI', '2 DK KUSOMA', '13 Septemba 2024'), line: 3, reason: /no title/ },
    {
      name: 'a paragraph where the title should be',
      page: text(
        'UTURUKI',
        '',
        'Mkuu wa Shirika la Kitaifa la Ujasusi la Uturuki Ibrahim Kalin na viongozi wa ofisi ya kisiasa ya Hamas wa kundi la Palestina wamejadili maendeleo ya hivi karibuni zaidi huko Gaza leo mjini Ankara.',
        '',
        'Pia walijadili hatua zaidi.',
      ),
      line: 3,
      reason: /no title: line 3 reads like a body paragraph/,
    },
    { name: 'a title and nothing else', page: 'Bunge lapitisha bajeti mpya ya elimu', line: 1, reason: /no body paragraphs/ },
    {
      name: 'a header without a body',
      page: text(SW.category, SW.reading, SW.title, SW.standfirst, SW.caption, SW.date, '', SW.promo, '', SW.source),
      line: 7,
      reason: /no body paragraphs/,
    },
    { name: 'no marker tells the language', page: text('Hello', '', 'A paragraph.'), line: 1, reason: /language/ },
  ];

  it.each(cases)('$name', ({ page, line, reason }) => {
    const outcome = parseArticleText(page);
    expect(outcome).toEqual({ ok: false, line, reason: expect.stringMatching(reason) });
  });

  it('reads marker-less text once the language is given', () => {
    expect(article(parseArticleText(text('Hello', '', 'A paragraph.'), { language: 'en' })).body).toEqual([{ type: 'PARAGRAPH', text: 'A paragraph.' }]);
  });

  it('never throws, whatever it is given', () => {
    // Deterministic pseudo-random text built from pieces that trigger every rule.
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const pieces = [
      '\n', '\r\n', '\r', ' ', '\u00A0', '\uFEFF', '\t', '/', ' / ', 'Picha:', 'Photo :', '(', ')', '.', '።', ':', '"', '“', '’',
      '2 DK KUSOMA', '13 Septemba 2024', '31 Februari 2024', '2024-02-30', 'saa 9 zilizopita', 'CHANZO:', 'SOURCE :', 'Soma pia',
      'Na Amina', 'By', 'İ', 'ሴፕቴምበር', 'https://x.org/a.jpg', 'Image source,', 'Image caption,', '9', '999', 'UTURUKI', 'a', 'Hamas',
      '\u0000', '\uD800', '\u{1F600}', '\u0307', 'ß', 'Ǆ',
    ];
    for (let round = 0; round < 3000; round += 1) {
      const length = Math.floor(random() * 60);
      let input = '';
      for (let i = 0; i < length; i += 1) input += pieces[Math.floor(random() * pieces.length)];
      const lineCount = input.split(/\r\n|\r|\n|\u2028|\u2029/).length;
      const outcome = parseArticleText(input);
      if (outcome.ok) {
        expect(outcome.article.body.some((b) => b.type === 'PARAGRAPH')).toBe(true);
      } else {
        expect(outcome.line).toBeGreaterThanOrEqual(1);
        expect(outcome.line).toBeLessThanOrEqual(lineCount);
        expect(outcome.reason).not.toMatch(/could not read the text/);
      }
    }
    // parseArticleText turns its own bugs into a failure ("could not read the text"), so "does not throw" proves
    // nothing: odd input must get a real answer, a reason that names what is wrong with it.
    for (const odd of [undefined, null, 42, {}, 'x'.repeat(200_000), '/ '.repeat(50_000), '1 '.repeat(50_000)]) {
      const outcome = parseArticleText(odd as unknown as string);
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.reason).not.toMatch(/could not read the text/);
    }
  });
});
