// The search page's script, bundled by esbuild (see ../search-page-script.ts). It folds and tokenises the
// query exactly as the index was, loads every Pagefind bundle the manifest names and merges them,
// and shows results with our own snippets. All text from the index goes in as text nodes, never as HTML.
import { charMap } from '../fold-text.ts';
import { highlightAll, snippet, type Piece } from '../highlight.ts';
import { searchQuery, type SearchQuery } from '../search-query.ts';
import { dayRangeLabel } from '../../site/date-labels.ts';
import type { SearchBundle, SearchManifest } from '../write-search-index.ts';

declare const T2S_PAIRS: string;

interface Strings {
  results: string;
  noResults: string;
  otherScript: string;
  fewerWords: string;
  more: string;
  all: string;
  failed: string;
  /** `{span}`: the days searched so far, when they are not all of them. */
  resultsIn: string;
  noResultsIn: string;
  /** `{span}`: the days the next step searches. */
  older: string;
}

interface PagefindRecord {
  url: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

interface PagefindResult {
  id: string;
  data: () => Promise<PagefindRecord>;
}

interface PagefindSearch {
  results: PagefindResult[];
  /** Results by filter value (`bundle` among them: every bundle's pages carry their bundle's name). */
  filters: Record<string, Record<string, number>>;
}

/** One Pagefind instance (`createInstance`): a primary bundle and the bundles merged into it. */
interface PagefindInstance {
  mergeIndex: (path: string, options?: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  destroy: () => Promise<void>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  search: (term: string, options?: Record<string, unknown>) => Promise<PagefindSearch | null>;
}

interface PagefindModule {
  createInstance: (options: Record<string, unknown>) => PagefindInstance;
}

/** A bundle as the page loads it: `url` is its folder, on this site or on the site of other years. */
type Bundle = SearchBundle & { url: string };

interface Manifest {
  bundles: Bundle[];
  queryBytes: number;
  codeBytes: number;
}

/** A query being shown: the bundles it may search, how far it has gone into them, and its results so far. */
interface Shown {
  id: number;
  typed: string;
  query: SearchQuery;
  filters: Record<string, string>;
  order: Record<string, unknown>;
  /** Newest first: every bundle, or those of the chosen year. */
  range: Bundle[];
  /** Bundles searched: `range[0]` to `range[searched - 1]`. */
  searched: number;
  shownIds: Set<string>;
  /** Found in the bundles searched and not listed yet, best first. */
  waiting: PagefindResult[];
  found: number;
}

const perPage = 10;
const debounceMs = 200;
const map = charMap(T2S_PAIRS);
const base = new URL('./', import.meta.url);

const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const root = byId<HTMLElement>('search');
const strings = JSON.parse(root.dataset.strings ?? '{}') as Strings;
const language = document.documentElement.lang || 'en';
const input = byId<HTMLInputElement>('search-q');
const form = byId<HTMLFormElement>('search-form');
const status = byId<HTMLElement>('search-status');
const list = byId<HTMLOListElement>('search-results');
const more = byId<HTMLButtonElement>('search-more');
const older = byId<HTMLButtonElement>('search-older');
const suggestions = byId<HTMLElement>('search-suggestions');
const selects = {
  source: byId<HTMLSelectElement>('search-source'),
  year: byId<HTMLSelectElement>('search-year'),
  language: byId<HTMLSelectElement>('search-language'),
};
const sort = byId<HTMLSelectElement>('search-sort');

let manifest: Promise<Manifest> | undefined;
let pagefind: Promise<PagefindModule> | undefined;
/** Pagefind instances, the most recently used last: each searches the first `merged` bundles of a range. */
const engines: { key: string; instance: PagefindInstance; merged: number }[] = [];
/** Instances kept: a new query often needs as many bundles as an earlier one (as many words), whose chunks it has. */
const enginesKept = 4;
let codeLoaded = false;
let current: Shown | undefined;
let runId = 0;

/**
 * This site's bundles and those of the sites holding its other years (`shards`), newest first. A bundle that
 * cannot be read (another site down) leaves its site's years out rather than failing the search.
 */
function loadManifest(): Promise<Manifest> {
  manifest ??= (async () => {
    const own = (await (await fetch(new URL('bundles.json', base))).json()) as SearchManifest;
    const at = (folder: URL) => (bundle: SearchBundle): Bundle => {
      const url = new URL(bundle.path, folder);
      return { ...bundle, url: url.origin === location.origin ? url.pathname : url.href };
    };
    const bundles = own.bundles.map(at(base));
    const others = await Promise.all(
      (own.shards ?? []).map(async (shard) => {
        const folder = new URL(shard, base);
        try {
          return ((await (await fetch(new URL('bundles.json', folder))).json()) as SearchManifest).bundles.map(at(folder));
        } catch (error) {
          console.warn(`search: the index of ${folder.href} could not be read:`, error);
          return [];
        }
      }),
    );
    bundles.push(...others.flat());
    bundles.sort((a, b) => b.to.localeCompare(a.to) || b.from.localeCompare(a.from));
    if (bundles.length === 0) throw new Error('the search index is empty');
    return { bundles, queryBytes: own.queryBytes, codeBytes: own.codeBytes };
  })();
  return manifest;
}

/** Pagefind's code, from one of this site's bundles (each has the same; another site's only when this one has none). */
function loadPagefind(bundles: readonly Bundle[]): Promise<PagefindModule> {
  const folder = (bundles.find((bundle) => bundle.url.startsWith('/')) ?? bundles[0]!).url;
  return (pagefind ??= import(new URL('pagefind.js', new URL(folder, location.href)).href) as Promise<PagefindModule>);
}

/**
 * A Pagefind instance searching `range[0]` to `range[count - 1]`. Its bundles grow as the reader asks for older
 * articles; a query that needs fewer of them, or other ones (a year chosen), gets another instance (a few are kept,
 * with the chunks they loaded), since a Pagefind instance downloads a chunk from every bundle it holds for each word
 * of every query. Each bundle's pages carry its name as the filter `bundle`, so a search can be kept to the bundles
 * that know every word (see `searchSpan`).
 */
async function engineFor(range: Bundle[], key: string, count: number): Promise<PagefindInstance> {
  const module = await loadPagefind((await loadManifest()).bundles);
  const same = engines.filter((engine) => engine.key === key);
  // One with these bundles exactly; else one with fewer, which this step grows (the reader asked for older articles).
  let engine = same.find((candidate) => candidate.merged === count) ?? same.filter((candidate) => candidate.merged < count).at(-1);
  if (engine) engines.splice(engines.indexOf(engine), 1);
  else {
    const first = range[0]!;
    engine = { key, instance: module.createInstance({ basePath: first.url, excerptLength: 0 }), merged: 1 };
    codeLoaded = true;
    if (engines.length >= enginesKept) await engines.shift()!.instance.destroy().catch(() => undefined);
  }
  engines.push(engine);
  const { instance } = engine;
  if (engine.merged < count) {
    await Promise.all(range.slice(engine.merged, count).map((bundle) => instance.mergeIndex(bundle.url)));
    engine.merged = count;
  }
  await instance.init();
  // Searches count their results by filter value only once the filters are loaded.
  await instance.filters();
  return instance;
}

/**
 * Where the next step of a search ends: from `start`, the bundles whose opening and one chunk per query word fit in
 * what one query may load (less the code the first query loads, and the results it shows), and always one.
 */
function stepEnd(state: { range: Bundle[] }, start: number, words: number, queryBytes: number): number {
  const { range } = state;
  // A word's chunk is a bundle's mean size only on average: a tenth is kept in hand.
  let budget = queryBytes * 0.9 - perPage * (range[start]?.bytes.result ?? 0);
  let end = start;
  while (end < range.length) {
    const { open, word } = range[end]!.bytes;
    const cost = open + Math.max(1, words) * word;
    if (end > start && cost > budget) break;
    budget -= cost;
    end++;
  }
  return end;
}

/**
 * The bundles that know every token of the query. A merged search leaves out, bundle by bundle, a word that
 * bundle does not know and answers for the rest, which would list articles holding only some of the words; a
 * bundle that lacks a token holds no article with all of them.
 */
async function bundlesKnowing(instance: PagefindInstance, tokens: readonly string[]): Promise<string[]> {
  const known = await Promise.all(tokens.map(async (token) => new Set(Object.entries((await instance.search(token))?.filters.bundle ?? {}).flatMap(([name, count]) => (count > 0 ? [name] : [])))));
  const [first, ...rest] = known;
  return [...(first ?? [])].filter((name) => rest.every((set) => set.has(name)));
}

/** One search at a time touches the Pagefind instance: a new one may replace it. */
let queue: Promise<unknown> = Promise.resolve();
function exclusive<T>(task: () => Promise<T>): Promise<T> {
  const next = queue.then(task);
  queue = next.catch(() => undefined);
  return next;
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

/**
 * A result: its link, title, source, date and snippet. An article of a site holding other years of the archive
 * links to that site (its URLs are root-relative to its own origin).
 */
function resultItem({ url, meta }: PagefindRecord, bundle: Bundle | undefined, query: SearchQuery): { item: HTMLLIElement; snippetIn: HTMLElement } {
  const item = document.createElement('li');
  item.className = 'search-result';
  if (meta.lang) item.lang = meta.lang;
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = bundle?.url.startsWith('http') ? new URL(meta.url ?? url, bundle.url).href : (meta.url ?? url);
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
  item.append(heading, info, text);
  return { item, snippetIn: text };
}

function fillSelect(select: HTMLSelectElement, counts: Record<string, number> | undefined, newestFirst: boolean, known: readonly string[] = []): void {
  const chosen = select.value;
  const values = [...new Set([...known, ...Object.keys(counts ?? {}).filter((value) => (counts?.[value] ?? 0) > 0 || value === chosen)])];
  values.sort(newestFirst ? (a, b) => b.localeCompare(a) : (a, b) => a.localeCompare(b));
  // A value the search has not reached yet (a year older than the days searched) shows no count.
  const label = (value: string) => (counts?.[value] === undefined && known.includes(value) ? value : `${value} (${counts?.[value] ?? 0})`);
  select.replaceChildren(new Option(strings.all, ''), ...values.map((value) => new Option(label(value), value)));
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

/** The days of `range[start]` to `range[end - 1]` (newest first), oldest to newest: `2015年12月30日至2016年2月14日`. */
const spanLabel = (range: Bundle[], start: number, end: number): string => dayRangeLabel(range[end - 1]!.from, range[start]!.to, language);

/** Every year the archive's bundles hold, known before any search: so a year can be chosen before it is reached. */
const yearsOf = (bundles: readonly Bundle[]): string[] => {
  const years = new Set<string>();
  for (const { from, to } of bundles) for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) years.add(String(year));
  return [...years];
};

/** The text a result's snippet is cut from: a file of its bundle's (see search-record.ts). Without it, no snippet. */
async function textOf(record: PagefindRecord, bundle: Bundle | undefined): Promise<string> {
  if (!bundle || !/^t\d+$/.test(record.meta.t ?? '')) return '';
  const response = await fetch(new URL(`text/${record.meta.t}.txt`, new URL(bundle.url, location.href)));
  return response.ok ? response.text() : '';
}

/**
 * Lists the next results: each as soon as all their records are in (title, source, date), its snippet when its
 * text is (a second request, after the record names it). Resolves once the snippets are in too.
 */
async function showMore(state: Shown, listed: () => void = () => undefined): Promise<void> {
  const next = state.waiting.splice(0, perPage);
  for (const result of next) state.shownIds.add(result.id);
  const { bundles } = await loadManifest();
  const records = await Promise.all(
    next.map(async (result) => {
      const record = await result.data();
      const bundle = bundles.find(({ name }) => name === record.filters.bundle?.[0]);
      return { record, bundle, text: textOf(record, bundle) };
    }),
  );
  if (state.id !== runId) return;
  const snippets = records.map(({ record, bundle, text }) => {
    const { item, snippetIn } = resultItem(record, bundle, state.query);
    list.append(item);
    return text.then((written) => snippetIn.append(marked(snippet(written, state.query.parts, map))));
  });
  more.hidden = state.waiting.length === 0;
  listed();
  await Promise.all(snippets);
}

/** Searches `state.range` up to `state.searched` bundles and lists what it finds that is not listed yet. */
async function searchSpan(state: Shown): Promise<void> {
  const started = performance.now();
  const { query } = state;
  // One token is answered right by every bundle (one that does not know it answers nothing): no bundles to choose.
  const single = query.tokens.length === 1 && query.term === query.tokens[0];
  const key = state.filters.year ?? '';
  const search = await exclusive(async () => {
    if (state.id !== runId) return undefined;
    const instance = await engineFor(state.range, key, state.searched);
    const everywhere = instance.search(query.term, { filters: state.filters, ...state.order });
    if (single) return everywhere;
    // Usually every bundle searched knows every word, and the search of them all, run meanwhile, is the answer.
    const [bundles] = await Promise.all([bundlesKnowing(instance, query.tokens), everywhere]);
    if (state.id !== runId) return undefined;
    if (bundles.length === state.searched) return everywhere;
    return bundles.length === 0 ? null : instance.search(query.term, { filters: { ...state.filters, bundle: { any: bundles } }, ...state.order });
  });
  if (state.id !== runId || search === undefined) return;
  const results = search?.results ?? [];
  state.found = results.length;
  state.waiting = results.filter((result) => !state.shownIds.has(result.id));
  const { bundles } = await loadManifest();
  fillSelect(selects.source, search?.filters.source, false);
  fillSelect(selects.year, search?.filters.year, true, yearsOf(bundles));
  fillSelect(selects.language, search?.filters.language, false);
  await showMore(state, () => (root.dataset.searchMs = String(Math.round(performance.now() - started))));
  if (state.id !== runId) return;
  const whole = state.searched >= state.range.length;
  const span = spanLabel(state.range, 0, state.searched);
  if (state.found === 0) status.textContent = whole ? fill(strings.noResults, { query: state.typed }) : fill(strings.noResultsIn, { query: state.typed, span });
  else status.textContent = whole ? fill(strings.results, { n: state.found }) : fill(strings.resultsIn, { n: state.found, span });
  const next = state.searched < state.range.length ? stepEnd(state, state.searched, query.tokens.length, (await loadManifest()).queryBytes) : state.searched;
  older.hidden = next === state.searched;
  if (!older.hidden) older.textContent = fill(strings.older, { span: spanLabel(state.range, state.searched, next) });
  if (state.found === 0 && older.hidden) suggest(state.typed, query);
  else suggestions.replaceChildren();
  root.dataset.snippetsMs = String(Math.round(performance.now() - started));
  root.dataset.searched = state.typed;
  root.dataset.year = state.filters.year ?? '';
  root.dataset.bundles = String(state.searched);
}

async function run(): Promise<void> {
  const id = ++runId;
  const typed = input.value.trim();
  const query = searchQuery(typed, map);
  const url = new URL(location.href);
  if (typed) url.searchParams.set('q', typed);
  else url.searchParams.delete('q');
  history.replaceState(null, '', url);
  if (!query.term) {
    current = undefined;
    list.replaceChildren();
    suggestions.replaceChildren();
    status.textContent = '';
    more.hidden = true;
    older.hidden = true;
    return;
  }
  const filters: Record<string, string> = {};
  for (const [name, select] of Object.entries(selects)) if (select.value) filters[name] = select.value;
  const order = sort.value === 'newest' ? { sort: { date: 'desc' } } : {};
  const { bundles, queryBytes, codeBytes } = await loadManifest();
  // A year chosen: only the bundles holding its days.
  const range = filters.year ? bundles.filter(({ from, to }) => from.slice(0, 4) <= filters.year! && filters.year! <= to.slice(0, 4)) : bundles;
  const state: Shown = { id, typed, query, filters, order, range, searched: 0, shownIds: new Set(), waiting: [], found: 0 };
  state.searched = stepEnd(state, 0, query.tokens.length, queryBytes - (codeLoaded ? 0 : codeBytes));
  current = state;
  list.replaceChildren();
  older.hidden = true;
  await searchSpan(state);
}

function runSafely(task: () => Promise<void> = run): void {
  task().catch((error: unknown) => {
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
for (const select of [...Object.values(selects), sort]) select.addEventListener('change', () => runSafely());
more.addEventListener('click', () => {
  if (current) runSafely(() => showMore(current!));
});
older.addEventListener('click', () => {
  const state = current;
  if (!state) return;
  runSafely(async () => {
    state.searched = stepEnd(state, state.searched, state.query.tokens.length, (await loadManifest()).queryBytes);
    older.hidden = true;
    await searchSpan(state);
  });
});

byId<HTMLElement>('search-options').hidden = false;
const initial = new URLSearchParams(location.search).get('q');
if (initial) {
  input.value = initial;
  runSafely();
} else {
  // While the reader types: Pagefind's code, and the newest bundle opened (its entry, WebAssembly and filters,
  // about 65 KB compressed), so that the first query waits only for its words' chunks and its results.
  loadManifest()
    .then(({ bundles }) => exclusive(() => engineFor(bundles, '', 1)))
    .catch(() => undefined);
}
