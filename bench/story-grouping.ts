// What stories, related articles and topics add to a build at scale: `npx tsx bench/story-grouping.ts [size…]`
// (default 50000). Each corpus file goes through the real parse pipeline once; its replicas (the plan a bench
// archive of that size has, bench/generate-archive.ts) share its data and features, at their own times, ids and
// titles. Times the grouping alone, then the whole site model with the features and without them.
import { buildArticle } from '../lib/article/build-article.ts';
import { siteConfigSchema } from '../lib/config/site-config-schema.ts';
import type { Article } from '../lib/schema/article.ts';
import { buildSiteModel } from '../lib/site/site-model.ts';
import { groupStories } from '../lib/stories/group-stories.ts';
import { loadCorpusTemplates } from './corpus-templates.ts';
import { planArchive, rawArticleText } from './generate-archive.ts';
import { midnightIn } from './site-page-path.ts';
import siteConfig from '../site.config.ts';

const sizes = process.argv.slice(2).map(Number);
const config = siteConfigSchema.parse({ ...siteConfig, search: false });
const { templates } = await loadCorpusTemplates();
const parsed = templates.map((template) => {
  const bytes = Buffer.from(rawArticleText({ title: template.title, url: `https://${template.host}/a`, publishedAt: Date.UTC(2020, 5, 1) }, template.body));
  const result = buildArticle({ file: 'a.txt', bytes }, config);
  return result.ok ? result.value : undefined;
});

const best = (runs: number, work: () => void): number => {
  let fastest = Infinity;
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    work();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest / 1000;
};

for (const size of sizes.length > 0 ? sizes : [50_000]) {
  const plan = planArchive(templates, { size, seed: 20200601, firstDay: midnightIn(config.timeZone, 2015, 1, 1) });
  const articles: Article[] = plan
    .flatMap((planned) => {
      const template = parsed[planned.template];
      if (!template) return [];
      const id = planned.serial.toString(16).padStart(12, '0');
      return [{ ...template, data: { ...template.data, id, title: `${template.data.title} · ${planned.serial}`, publishedAt: new Date(planned.publishedAt), file: planned.file } }];
    })
    .reverse();
  const items = articles.map((article) => ({ time: article.data.publishedAt.getTime(), source: article.data.source, features: article.features }));
  let stories = 0;
  const grouping = best(3, () => {
    stories = groupStories(items).stories.length;
  });
  const model = (list: Article[]) => () => void buildSiteModel({ articles: list, config, pathPrefix: '/', mode: 'build' });
  const withFeatures = best(2, model(articles));
  const without = best(2, model(articles.map(({ features: _features, ...article }) => article)));
  console.log(
    `${articles.length} articles: ${stories} stories grouped in ${grouping.toFixed(2)} s; the site model took ${withFeatures.toFixed(2)} s with stories, related articles and topics, ${without.toFixed(2)} s with tags alone (best runs)`,
  );
}
