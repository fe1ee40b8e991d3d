import type { ArticleDraft } from '../../src/articles/article.draft';
import { articleDraft } from './article.factory';

/**
 * Small Swahili newsroom for related-article tests: three stories of three
 * articles each, in three categories, with text that says what they are about.
 */
export const STORIES = {
  bunge: {
    category: 'Siasa',
    articles: [
      {
        title: 'Wetangula achaguliwa kuwa spika wa bunge la Kenya',
        text: 'Moses Wetangula ameshinda uchaguzi wa spika wa bunge la kitaifa la Kenya. Wabunge walipiga kura na Wetangula akapata kura nyingi dhidi ya Kenneth Marende. Spika mpya wa bunge aliahidi kuongoza vikao vya bunge kwa haki.',
      },
      {
        title: 'Marende ajiondoa katika kinyang’anyiro cha spika',
        text: 'Kenneth Marende amejiondoa katika kinyang’anyiro cha spika wa bunge la Kenya. Hatua hiyo ilimwachia Moses Wetangula nafasi ya kuwa spika wa bunge. Wabunge wa muungano wa Azimio walishangazwa na uamuzi wa Marende.',
      },
      {
        title: 'Wabunge wapya waapishwa bungeni Nairobi',
        text: 'Wabunge wapya wa bunge la kitaifa waliapishwa mjini Nairobi mbele ya spika Moses Wetangula. Katibu wa bunge aliongoza shughuli ya kuapishwa kwa wabunge. Spika Wetangula aliwataka wabunge kuheshimu kanuni za bunge.',
      },
    ],
  },
  mpira: {
    category: 'Michezo',
    articles: [
      {
        title: 'Simba yaifunga Yanga katika mechi ya watani',
        text: 'Klabu ya Simba imeifunga Yanga mabao mawili kwa moja katika mechi ya watani wa jadi. Mshambuliaji wa Simba alifunga bao la ushindi dakika za mwisho za mechi. Mashabiki wa Simba walisherehekea ushindi huo uwanjani.',
      },
      {
        title: 'Kocha wa Yanga alaumu waamuzi baada ya kipigo',
        text: 'Kocha wa Yanga amewalaumu waamuzi kwa kipigo cha mabao mawili dhidi ya Simba. Alisema bao la Simba lilikuwa la kuotea na mechi ilichezeshwa vibaya. Mashabiki wa Yanga walitaka uchunguzi wa waamuzi wa mechi.',
      },
      {
        title: 'Ligi kuu: Simba yaongoza msimamo baada ya ushindi',
        text: 'Simba sasa inaongoza msimamo wa ligi kuu baada ya ushindi dhidi ya Yanga. Mabao ya mshambuliaji wa Simba yameipa klabu pointi muhimu. Yanga inashika nafasi ya pili kwenye ligi kuu ya soka.',
      },
    ],
  },
  mvua: {
    category: 'Mazingira',
    articles: [
      {
        title: 'Mafuriko yaathiri maelfu ya wakazi wa pwani',
        text: 'Mvua kubwa imesababisha mafuriko yaliyoathiri maelfu ya wakazi wa pwani. Nyumba nyingi zilisombwa na maji ya mafuriko na barabara zikafungwa. Idara ya hali ya hewa imeonya kuwa mvua kubwa itaendelea.',
      },
      {
        title: 'Serikali yatoa msaada kwa waathiriwa wa mafuriko',
        text: 'Serikali imetoa chakula na mahema kwa waathiriwa wa mafuriko ya mvua kubwa. Maelfu ya wakazi waliokimbia nyumba zao wamepewa hifadhi shuleni. Mafuriko hayo yalisababishwa na mvua kubwa ya siku tano.',
      },
      {
        title: 'Idara ya hali ya hewa yaonya kuhusu mvua zaidi',
        text: 'Idara ya hali ya hewa imeonya kuhusu mvua kubwa zaidi katika maeneo ya pwani. Wakazi wa maeneo ya mabondeni wametakiwa kuhama kuepuka mafuriko. Mvua hizo zinatarajiwa kuendelea wiki nzima.',
      },
    ],
  },
} as const;

export type StoryName = keyof typeof STORIES;

const base = Date.UTC(2024, 5, 1);

/** Drafts of every story's articles, an hour apart, with canonical URLs to update them by. */
export function storyDrafts(): Array<{ story: StoryName; draft: ArticleDraft }> {
  const drafts: Array<{ story: StoryName; draft: ArticleDraft }> = [];
  let hour = 0;
  for (const [story, { category, articles }] of Object.entries(STORIES) as Array<[StoryName, (typeof STORIES)[StoryName]]>) {
    articles.forEach((article, index) => {
      drafts.push({ story, draft: storyDraft(story, index, { title: article.title, category: { name: category }, publishedAt: new Date(base + hour++ * 3_600_000) }) });
    });
  }
  return drafts;
}

export function storyDraft(story: StoryName, index: number, overrides: Partial<ArticleDraft> = {}): ArticleDraft {
  const article = STORIES[story].articles[index];
  return articleDraft({
    title: article.title,
    standfirst: null,
    body: [{ type: 'PARAGRAPH', text: article.text }],
    category: { name: STORIES[story].category },
    canonicalUrl: `https://habari.example/${story}/${index}`,
    leadImage: null,
    ...overrides,
  });
}
