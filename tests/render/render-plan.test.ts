import { expect, test } from 'vitest';
import { outputFiles, planRender, type Collection } from '../../lib/render/render-plan.ts';
import { articleLink } from '../../lib/site/article-view.ts';
import { buildSiteModel } from '../../lib/site/site-model.ts';
import { handMadeArticles, testConfig } from '../site/hand-made-articles.ts';

const modelOf = (articles = handMadeArticles(40)) => buildSiteModel({ articles, config: testConfig, pathPrefix: '/', mode: 'build' });

/** Every file the plan's pages are written to: an output holding all of them. */
const written = (plan: ReturnType<typeof planRender>) => new Set(Object.values(plan.manifest.pages).flatMap((page) => page.files));

const rendered = (plan: ReturnType<typeof planRender>) =>
  Object.fromEntries(Object.entries(plan.render).flatMap(([collection, items]: [string, unknown[]]) => (items.length > 0 ? [[collection as Collection, items.length]] : [])));

test('an article whose links changed is rendered again, and the listings that show it are not', () => {
  const model = modelOf();
  const first = planRender(model, '', undefined, new Set());
  const view = model.articles[10]!;
  // What a new article does to older ones: it joins their related articles.
  view.related = [articleLink(model.articles[0]!), ...view.related];
  const second = planRender(model, '', first.manifest, written(first));
  expect(rendered(second)).toEqual({ articles: 1 });
  expect(second.render.articles).toEqual([view]);
  expect(second.reuse).not.toContain(outputFiles(view)[0]);
});

test('an article whose own fields changed is rendered again with every listing and feed that shows it', () => {
  const articles = handMadeArticles(40);
  const first = planRender(modelOf(articles), '', undefined, new Set());
  const edited = articles.map((article, index) => (index === 10 ? { ...article, data: { ...article.data, title: `${article.data.title} (updated)` } } : article));
  const model = modelOf(edited);
  const second = planRender(model, '', first.manifest, written(first));
  const view = model.articles.find((candidate) => candidate.title.endsWith('(updated)'))!;
  expect(second.render.articles).toContain(view);
  expect(second.render.days.map((day) => day.url)).toContain(view.dayUrl);
  expect(second.render.feeds.length).toBeGreaterThan(0);
  expect(second.render.homePages.length).toBeGreaterThan(0);
});
