// The search page's script, bundled by esbuild (see ../search-page-script.ts). It folds and tokenises the
// query exactly as the index was, loads every Pagefind bundle the manifest names and merges them,
// and shows results with our own snippets. All text from the index goes in as text nodes, never as HTML.
import { charMap } from '../fold-text.ts';
import { highlightAll, snippet, type Piece } from '../highlight.ts';
import { searchQuery, type SearchQuery } from '../search-query.ts';
import type { SearchManifest } from '../write-search-index.ts';

declare const T2S_PAIRS: string;

interface Strings {
  results: string;
  noResults: string;
  otherScript: string;
  fewerWords: string;
  more: string;
  all: string;
  failed: string;
}

interface PagefindResult {
  id: string;
  data: () => Promise<{ url: string; meta: Record<string, string> }>;
}

interface PagefindSearch {
  results: PagefindResult[];
  /** Results by filter value (`bundle` among them: every bundle's pages carry their bundle's name). */
  filters: Record<string, Record<string, number>>;
  totalFilters?: Record<string, Record<string, number>>;
}

interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  mergeIndex: (path: string, options?: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  search: (term: string, options?: Record<string, unknown>) => Promise<PagefindSearch | null>;
}

const perPage = 10;
const debounceMs = 200;
const map = charMap(T2S_PAIRS);
const base = new URL('./', import.meta.url);

const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const root = byId<HTMLElement>('search');
const strings = JSON.parse(root.dataset.strings ?? '{}') as Strings;
const input = byId<HTMLInputElement>('search-q');
const form = byId<HTMLFormElement>('search-form');
const status = byId<HTMLElement>('search-status');
const list = byId<HTMLOListElement>('search-results');
const more = byId<HTMLButtonElement>('search-more');
const suggestions = byId<HTMLElement>('search-suggestions');
const selects = {
  source: byId<HTMLSelectElement>('search-source'),
  year: byId<HTMLSelectElement>('search-year'),
  language: byId<HTMLSelectElement>('search-language'),
};
const sort = byId<HTMLSelectElement>('search-sort');

let engine: Promise<Pagefind> | undefined;
let shown: PagefindResult[] = [];
let current: SearchQuery | undefined;
let runId = 0;

/**
 * The newest bundle is the primary one; every other is merged into it. Each bundle's pages carry its name as the
 * filter `bundle`, so a search can be kept to the bundles that know every word of the query (see `run`).
 */
function loadEngine(): Promise<Pagefind> {
  engine ??= (async () => {
    const manifest = (await (await fetch(new URL('bundles.json', base))).json()) as SearchManifest;
    const [first, ...rest] = manifest.bundles;
    if (!first) throw new Error('the search index is empty');
    const pagefind = (await import(new URL(`${first.path}pagefind.js`, base).href)) as Pagefind;
    await pagefind.options({ excerptLength: 0, mergeFilter: { bundle: first.name } });
    await Promise.all(rest.map((bundle) => pagefind.mergeIndex(new URL(bundle.path, base).pathname, { mergeFilter: { bundle: bundle.name } })));
    await pagefind.init();
    // Searches count their results by filter value only once the filters are loaded.
    await pagefind.filters();
    return pagefind;
  })();
  return engine;
}

/**
 * The bundles that know every token of the query. A merged search leaves out, bundle by bundle, a word that
 * bundle does not know and answers for the rest, which would list articles holding only some of the words; a
 * bundle that lacks a token holds no article with all of them.
 */
async function bundlesKnowing(pagefind: Pagefind, tokens: readonly string[]): Promise<string[]> {
  const known = await Promise.all(tokens.map(async (token) => new Set(Object.entries((await pagefind.search(token))?.filters.bundle ?? {}).flatMap(([name, count]) => (count > 0 ? [name] : [])))));
  const [first, ...rest] = known;
  return [...(first ?? [])].filter((name) => rest.every((set) => set.has(name)));
}

const fill = (text: string, values: Record<string, string | number>): string => text.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));

function marked(pieces: Piece[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const piece of pieces) {
    if (piece.mark) {
      const mark = document.createElement('mark');
      mark.textContent = piece.text;
      fragment.append(mark);
    } else fragment.append(piece.text);
  }
  return fragment;
}

function resultItem({ url, meta }: { url: string; meta: Record<string, string> }, query: SearchQuery): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'search-result';
  if (meta.lang) item.lang = meta.lang;
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = meta.url ?? url;
  link.append(marked(highlightAll(meta.title ?? '', query.parts, map)));
  heading.append(link);
  const info = document.createElement('p');
  info.className = 'search-result-meta';
  const time = document.createElement('time');
  time.dateTime = meta.datetime ?? '';
  time.textContent = meta.date ?? '';
  info.append(meta.source ?? '', ' · ', time);
  const text = document.createElement('p');
  text.className = 'search-snippet';
  text.append(marked(snippet(meta.text ?? '', query.parts, map)));
  item.append(heading, info, text);
  return item;
}

function fillSelect(select: HTMLSelectElement, counts: Record<string, number> | undefined, newestFirst: boolean): void {
  const chosen = select.value;
  const values = Object.keys(counts ?? {}).filter((value) => (counts?.[value] ?? 0) > 0 || value === chosen);
  values.sort(newestFirst ? (a, b) => b.localeCompare(a) : (a, b) => a.localeCompare(b));
  select.replaceChildren(new Option(strings.all, ''), ...values.map((value) => new Option(`${value} (${counts?.[value] ?? 0})`, value)));
  select.value = values.includes(chosen) ? chosen : '';
  // A filter with a single value (one language, say) is no choice: hidden.
  select.closest<HTMLElement>('.search-filter')!.hidden = values.length < 2 && chosen === '';
}

function suggest(typed: string, query: SearchQuery): void {
  suggestions.replaceChildren();
  const links: { label: string; query: string }[] = [];
  const traditional = new Map<string, string>();
  for (const [from, to] of map) if (!traditional.has(to)) traditional.set(to, from);
  const other = [...typed].map((char) => traditional.get(char) ?? char).join('');
  if (other !== typed) links.push({ label: fill(strings.otherScript, { query: other }), query: other });
  if (query.parts.length > 1) for (const part of query.parts) links.push({ label: fill(strings.fewerWords, { query: part.text }), query: part.text });
  for (const { label, query: next } of links) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = `?q=${encodeURIComponent(next)}`;
    link.textContent = label;
    item.append(link);
    suggestions.append(item);
  }
}

async function showMore(query: SearchQuery, id: number): Promise<void> {
  const next = shown.slice(list.children.length, list.children.length + perPage);
  const records = await Promise.all(next.map((result) => result.data()));
  if (id !== runId) return;
  for (const record of records) list.append(resultItem(record, query));
  more.hidden = list.children.length >= shown.length;
}

async function run(): Promise<void> {
  const id = ++runId;
  const typed = input.value.trim();
  const query = searchQuery(typed, map);
  current = query;
  const url = new URL(location.href);
  if (typed) url.searchParams.set('q', typed);
  else url.searchParams.delete('q');
  history.replaceState(null, '', url);
  if (!query.term) {
    list.replaceChildren();
    suggestions.replaceChildren();
    status.textContent = '';
    more.hidden = true;
    return;
  }
  const started = performance.now();
  const filters: Record<string, string> = {};
  for (const [name, select] of Object.entries(selects)) if (select.value) filters[name] = select.value;
  const pagefind = await loadEngine();
  const order = sort.value === 'newest' ? { sort: { date: 'desc' } } : {};
  // One token is answered right by every bundle (one that does not know it answers nothing): no bundles to choose.
  const single = query.tokens.length === 1 && query.term === query.tokens[0];
  const bundles = single ? [] : await bundlesKnowing(pagefind, query.tokens);
  if (id !== runId) return;
  const search = single ? await pagefind.search(query.term, { filters, ...order }) : bundles.length === 0 ? null : await pagefind.search(query.term, { filters: { ...filters, bundle: { any: bundles } }, ...order });
  if (id !== runId) return;
  shown = search?.results ?? [];
  list.replaceChildren();
  fillSelect(selects.source, search?.filters.source, false);
  fillSelect(selects.year, search?.filters.year, true);
  fillSelect(selects.language, search?.filters.language, false);
  await showMore(query, id);
  if (id !== runId) return;
  status.textContent = shown.length === 0 ? fill(strings.noResults, { query: typed }) : fill(strings.results, { n: shown.length });
  if (shown.length === 0) suggest(typed, query);
  else suggestions.replaceChildren();
  root.dataset.searchMs = String(Math.round(performance.now() - started));
  root.dataset.searched = typed;
}

function runSafely(): void {
  run().catch((error: unknown) => {
    status.textContent = strings.failed;
    console.warn('search failed:', error);
  });
}

let timer: ReturnType<typeof setTimeout> | undefined;
input.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(runSafely, debounceMs);
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(timer);
  runSafely();
});
for (const select of [...Object.values(selects), sort]) select.addEventListener('change', runSafely);
more.addEventListener('click', () => {
  if (current) showMore(current, runId).catch(() => (status.textContent = strings.failed));
});

byId<HTMLElement>('search-options').hidden = false;
const initial = new URLSearchParams(location.search).get('q');
if (initial) {
  input.value = initial;
  runSafely();
} else loadEngine().catch(() => undefined);
