// Times story grouping over a replicated archive: `npx tsx bench/story-grouping.ts [size…]` (default 50000).
// Each corpus file goes through the real parse pipeline once; its replicas (bench/generate-archive.ts, the
// same plan a bench archive of that size has) share its features, at their own times and sources.
import { buildArticle } from '../lib/article/build-article.ts';
import { siteConfigSchema } from '../lib/config/site-config-schema.ts';
import type { ArticleFeatures } from '../lib/schema/article.ts';
import { groupStories } from '../lib/stories/group-stories.ts';
import { loadCorpusTemplates } from './corpus-templates.ts';
import { planArchive, rawArticleText } from './generate-archive.ts';
import { midnightIn } from './site-page-path.ts';

const sizes = process.argv.slice(2).map(Number);
const config = siteConfigSchema.parse({ title: 'Bench', url: 'https://example.org', search: false });
const { templates } = await loadCorpusTemplates();
const parsed = templates.map((template) => {
  const bytes = Buffer.from(rawArticleText({ title: template.title, url: `https://${template.host}/a`, publishedAt: Date.UTC(2020, 5, 1) }, template.body));
  const result = buildArticle({ file: 'a.txt', bytes }, config);
  return result.ok ? { source: result.value.data.source, features: result.value.features as ArticleFeatures } : undefined;
});

for (const size of sizes.length > 0 ? sizes : [50_000]) {
  const plan = planArchive(templates, { size, seed: 20200601, firstDay: midnightIn('Asia/Shanghai', 2015, 1, 1) });
  const items = plan.flatMap((article) => {
    const template = parsed[article.template];
    return template ? [{ time: article.publishedAt, source: template.source, features: template.features }] : [];
  });
  const runs: number[] = [];
  let stories = 0;
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    stories = groupStories(items).stories.length;
    runs.push(performance.now() - start);
  }
  const best = Math.min(...runs);
  console.log(`${items.length} articles: grouped into ${stories} stories in ${(best / 1000).toFixed(2)} s (best of ${runs.map((ms) => (ms / 1000).toFixed(2)).join(', ')} s)`);
}
