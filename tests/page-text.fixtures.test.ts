import fs from 'node:fs';
import path from 'node:path';
import { parseArticleText, type ParsedArticle } from '../src/importing/article-text.parser';

/**
 * Whole pages, one per language and layout (TRT Afrika Swahili, Hausa and
 * French; TRT World English; BBC-style Amharic and Somali), written in each
 * language's own wording, read without a language option as a new user
 * imports them. Every field is checked, and what the reader decided alone.
 */
const PAGES = path.join(__dirname, 'fixtures', 'pages');
const P = (text: string) => ({ type: 'PARAGRAPH' as const, text });
const S = (text: string) => ({ type: 'SUBHEADING' as const, text });

const CASES: { file: string; article: ParsedArticle; notes: (string | RegExp)[] }[] = [
  {
    file: 'sw-trt-afrika.txt',
    article: {
      language: 'sw',
      title: 'Kenya na Uganda zakubaliana kujenga reli mpya ya kisasa',
      standfirst: 'Marais wa nchi hizo mbili wamesaini mkataba wa ujenzi wa reli itakayounganisha Nairobi na Kampala.',
      categoryName: 'Afrika Mashariki',
      readingTimeMinutes: 4,
      leadImage: { url: null, caption: 'Marais William Ruto na Yoweri Museveni wakisalimiana baada ya kusaini mkataba mjini Nairobi.', credit: 'AA' },
      inlineImages: [],
      publishedAt: null,
      author: null,
      body: [
        P('Rais wa Kenya William Ruto na mwenzake wa Uganda Yoweri Museveni wamesaini mkataba wa kujenga reli ya kisasa itakayounganisha miji mikuu ya nchi hizo mbili.'),
        P('Kwa mujibu wa taarifa ya ikulu, ujenzi wa reli hiyo utaanza mwaka ujao na unatarajiwa kukamilika baada ya miaka minne.'),
        S('Gharama za mradi'),
        P('Serikali hizo mbili zimesema zitagawana gharama za mradi huo, ambao unakadiriwa kugharimu dola bilioni tatu.'),
        P('Wafanyabiashara wa pande zote mbili wamesema reli hiyo itapunguza gharama za usafirishaji wa mizigo kwa kiasi kikubwa.'),
      ],
      sourceName: 'TRT Afrika',
    },
    notes: ['line 7: "saa 9 zilizopita" is relative to when the page was read, not a calendar date; publishedAt left empty'],
  },
  {
    file: 'ha-trt-afrika.txt',
    article: {
      language: 'ha',
      title: 'Tinubu ya gana da gwamnonin jihohin arewa kan tsaro',
      standfirst: "Shugaban ya ce gwamnatinsa za ta kara yawan jami'an tsaro a yankin.",
      categoryName: 'Najeriya',
      readingTimeMinutes: 3,
      leadImage: { url: null, caption: 'Shugaba Tinubu yayin ganawa da gwamnonin a fadar Aso Rock da ke Abuja.', credit: null },
      inlineImages: [],
      publishedAt: null,
      author: null,
      body: [
        P('Shugaban Najeriya Bola Tinubu ya gana da gwamnonin jihohin arewacin kasar a ranar Litinin domin tattauna matsalar tsaro.'),
        P("Gwamnonin sun bukaci gwamnatin tarayya ta kara tura sojoji zuwa yankunan da 'yan bindiga ke kai hare-hare."),
        S('Matakan da za a dauka'),
        P('Ministan tsaro ya ce za a kafa sabbin sansanonin soji a jihohin Zamfara da Katsina da Sokoto.'),
        P('Gwamnan jihar Kaduna ya ce hadin gwiwa tsakanin jihohi da gwamnatin tarayya ne kawai zai kawo karshen matsalar.'),
      ],
      sourceName: 'TRT Afrika',
    },
    notes: ['line 7: "awa 9 da suka wuce" is relative to when the page was read, not a calendar date; publishedAt left empty'],
  },
  {
    file: 'fr-trt-afrika.txt',
    article: {
      language: 'fr',
      title: 'Le Sénégal inaugure un nouveau port en eau profonde à Ndayane',
      standfirst: 'Le chantier doit désengorger le port autonome de Dakar, saturé depuis des années.',
      categoryName: "Afrique de l'Ouest",
      readingTimeMinutes: 3,
      leadImage: { url: null, caption: 'Des grues sur le chantier du port de Ndayane, au sud de Dakar.', credit: 'AA' },
      inlineImages: [],
      publishedAt: new Date('2024-09-13T00:00:00Z'),
      author: null,
      body: [
        P('Le président sénégalais a inauguré vendredi le premier quai du port en eau profonde de Ndayane, à une cinquantaine de kilomètres de Dakar.'),
        P("Le projet, financé en partie par des investisseurs étrangers, doit permettre d'accueillir les plus grands porte-conteneurs du monde."),
        S('Un chantier de plusieurs années'),
        P('Selon le ministère des Transports, les travaux dureront encore trois ans et emploieront plusieurs milliers de personnes.'),
      ],
      sourceName: 'TRT Afrika',
    },
    notes: ['line 7: "il y a 9 heures" is relative to when the page was read, not a calendar date; publishedAt taken from line 8'],
  },
  {
    file: 'en-trt-world.txt',
    article: {
      language: 'en',
      title: 'Türkiye and Egypt agree to boost trade to $15 billion',
      standfirst: 'The two countries signed agreements on energy, defence and tourism during the visit.',
      categoryName: 'World',
      readingTimeMinutes: 2,
      leadImage: {
        url: null,
        caption: 'Turkish President Recep Tayyip Erdogan and Egyptian President Abdel Fattah el-Sisi hold a joint news conference in Ankara.',
        credit: 'AA',
      },
      inlineImages: [],
      publishedAt: new Date('2024-09-04T00:00:00Z'),
      author: 'Ahmet Kaya',
      body: [
        P('Türkiye and Egypt have agreed to raise their trade volume to $15 billion within five years, the two presidents said on Wednesday.'),
        P('The leaders also discussed the war in Gaza and called for an immediate ceasefire and the unhindered delivery of humanitarian aid.'),
        S('A new chapter'),
        P('It was the first visit by an Egyptian president to Türkiye in more than a decade.'),
        P('Officials from both countries signed 17 agreements covering energy, defence, tourism and education.'),
      ],
      sourceName: 'TRT World',
    },
    notes: [],
  },
  {
    file: 'am-bbc.txt',
    article: {
      language: 'am',
      title: 'የኢትዮጵያ አየር መንገድ አዲስ አውሮፕላኖችን ሊገዛ ነው',
      standfirst: null,
      categoryName: null,
      readingTimeMinutes: null,
      leadImage: { url: null, caption: 'የኢትዮጵያ አየር መንገድ አውሮፕላን በአዲስ አበባ ቦሌ አውሮፕላን ማረፊያ', credit: 'Getty Images' },
      inlineImages: [],
      publishedAt: null,
      author: null,
      body: [
        P('የኢትዮጵያ አየር መንገድ ሃያ አዲስ አውሮፕላኖችን ለመግዛት ስምምነት መፈራረሙን አስታውቋል።'),
        P('አየር መንገዱ አውሮፕላኖቹ በሚቀጥሉት አምስት ዓመታት ውስጥ እንደሚረከብ ገልጿል።'),
        S('የአፍሪካ ትልቁ አየር መንገድ'),
        P('ኢትዮጵያ አየር መንገድ በአፍሪካ ከፍተኛ ቁጥር ያላቸው አውሮፕላኖች ያሉት አየር መንገድ ነው።'),
        P('ስምምነቱ አየር መንገዱ ወደ አዳዲስ መዳረሻዎች በረራ እንዲጀምር ያስችለዋል ተብሏል።'),
      ],
      sourceName: null,
    },
    notes: ['line 2: "ከ9 ሰዓታት በፊት" is relative to when the page was read, not a calendar date; publishedAt left empty'],
  },
  {
    file: 'so-bbc.txt',
    article: {
      language: 'so',
      title: 'Soomaaliya oo dib u furtay garoonka dekedda Kismaayo',
      standfirst: null,
      categoryName: null,
      readingTimeMinutes: null,
      leadImage: { url: null, caption: 'Markab ku xiran dekedda Kismaayo', credit: 'Getty Images' },
      inlineImages: [],
      publishedAt: null,
      author: null,
      body: [
        P('Dowladda federaalka Soomaaliya ayaa sheegtay in dekedda Kismaayo dib loo furay kadib dayactir socday muddo sanad ah.'),
        P('Wasiirka dekedaha ayaa sheegay in dekedda ay hadda qaadi karto maraakiib waaweyn oo xamuul ah.'),
        S('Ganacsatada magaalada'),
        P("Ganacsatada Kismaayo ayaa soo dhaweeyay go'aankan, iyagoo sheegay in uu hoos u dhigi doono qiimaha alaabta."),
        P('Dowladda ayaa qorsheyneysa in ay dayactirto dekedaha kale ee dalka sanadka soo socda.'),
      ],
      sourceName: null,
    },
    notes: ['line 2: "9 saacadood kahor" is relative to when the page was read, not a calendar date; publishedAt left empty'],
  },
];

describe('real-layout pages in every language, imported without a language option', () => {
  it.each(CASES)('$file: every field', ({ file, article, notes }) => {
    const outcome = parseArticleText(fs.readFileSync(path.join(PAGES, file), 'utf8'));
    if (!outcome.ok) throw new Error(`${file}: line ${outcome.line}: ${outcome.reason}`);
    expect(outcome.article).toEqual(article);
    expect(outcome.warnings).toEqual(notes.map((note) => (typeof note === 'string' ? note : expect.stringMatching(note))));
  });

  it('reads the Hausa page the same when every marker is unknown and the text alone tells the language', () => {
    // The case: reading time and relative date in words no table knows. The text decides.
    const text = fs
      .readFileSync(path.join(PAGES, 'ha-trt-afrika.txt'), 'utf8')
      .replace('Minti 3 karatu', '')
      .replace('awa 9 da suka wuce', '')
      .replace(/^Karanta kuma.*$/m, '')
      .replace(/^Ku samu.*$/m, '')
      .replace('MAJIYA: TRT Afrika', '');
    const outcome = parseArticleText(text);
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.article.language).toBe('ha');
    expect(outcome.warnings).toContainEqual(expect.stringMatching(/^language ha \(Hausa\) identified from the text \(next: \w+, margin [\d.]+\): no page marker names it$/));
  });
});
