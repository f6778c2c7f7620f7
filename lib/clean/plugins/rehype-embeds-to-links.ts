import type { Element, ElementContent, Parents, Root } from 'hast';
import { h } from 'hastscript';
import type { VFile } from 'vfile';
import { collapseWhitespace } from '../hast-content.ts';
import { isHttpUrl } from '../urls.ts';
import { SKIP, visit } from '../visit-tree.ts';

export type EmbedsToLinksOptions = Record<string, never>;

const emptyOptions: Readonly<EmbedsToLinksOptions> = Object.freeze({});

/** Parents in which a bare link would float between blocks: give it a paragraph. */
const flowParents: ReadonlySet<string> = new Set(['article', 'aside', 'blockquote', 'div', 'figure', 'footer', 'header', 'main', 'section']);

/**
 * Keeps the page static, private and CSP-clean: iframes, `object` and `embed` become plain
 * links to what they showed, embed scripts go (a tweet's blockquote keeps its text), and
 * `video`/`audio` stay only with http(s) sources, always with controls.
 */
export function rehypeEmbedsToLinks(_options: Readonly<EmbedsToLinksOptions> = emptyOptions) {
  return (tree: Root, file: VFile): void => {
    visit(tree, 'element', (node, index, parent) => {
      if (parent === undefined || index === undefined) return;
      switch (node.tagName) {
        case 'script':
          parent.children.splice(index, 1);
          return [SKIP, index];
        case 'iframe':
        case 'object':
        case 'embed': {
          const target = embedTarget(node);
          if (target === undefined) {
            file.message(`Removed an \`${node.tagName}\` with no http(s) source`, { place: node.position, source: 'rehype-embeds-to-links', ruleId: 'embed' });
            parent.children.splice(index, 1);
            return [SKIP, index];
          }
          parent.children.splice(index, 1, linkTo(target, node, parent, file.data.cleanContext?.language));
          return [SKIP, index + 1];
        }
        case 'video':
        case 'audio':
          if (!keepPlayable(node)) {
            file.message(`Removed a \`${node.tagName}\` with no http(s) source`, { place: node.position, source: 'rehype-embeds-to-links', ruleId: 'media' });
            parent.children.splice(index, 1);
            return [SKIP, index];
          }
          return SKIP;
        default:
          return undefined;
      }
    });
  };
}

/** The page the embed showed: YouTube players become their watch page, Vimeo players their video page. */
export function embedTarget(node: Element): string | undefined {
  const raw = node.properties.src ?? node.properties.data;
  if (typeof raw !== 'string' || !isHttpUrl(raw)) return undefined;
  return pageOf(new URL(raw));
}

function pageOf(url: URL): string {
  const host = url.hostname.replace(/^www\./, '');
  if (host === 'youtube.com' || host === 'youtube-nocookie.com' || host === 'm.youtube.com') {
    const [kind, id] = url.pathname.split('/').filter(Boolean);
    if ((kind === 'embed' || kind === 'v') && id === 'videoseries' && url.searchParams.has('list')) {
      return `https://www.youtube.com/playlist?list=${encodeURIComponent(url.searchParams.get('list') ?? '')}`;
    }
    if ((kind === 'embed' || kind === 'v') && id !== undefined) return `https://www.youtube.com/watch?v=${encodeURIComponent(id)}`;
  }
  if (host === 'player.vimeo.com') {
    const [kind, id] = url.pathname.split('/').filter(Boolean);
    if (kind === 'video' && id !== undefined && /^\d+$/.test(id)) return `https://vimeo.com/${id}`;
  }
  // Embedly wraps another player: link to what it wraps.
  const wrapped = host === 'cdn.embedly.com' ? (url.searchParams.get('url') ?? url.searchParams.get('src')) : null;
  if (wrapped !== null && isHttpUrl(wrapped)) return pageOf(new URL(wrapped));
  return url.href;
}

interface EmbedNames {
  kinds: readonly string[];
  playlist: string;
  separator: string;
  pdf: (host: string) => string;
  video: (host: string) => string;
  audio: (host: string) => string;
  page: (host: string) => string;
}

/** What kind of thing an embed from a host shows, for a link whose player gave it no title (in `kinds` order). */
const embedHosts: readonly RegExp[] = [
  /^(m\.)?youtube(-nocookie)?\.com$|^youtu\.be$/,
  /^(player\.)?vimeo\.com$/,
  /^(w\.)?soundcloud\.com$/,
  /^(open\.)?spotify\.com$/,
  /^(embed\.)?acast\.com$/,
  /^facebook\.com$/,
  /^(slideshare\.net)$/,
  /^(drive|docs)\.google\.com$/,
  /^(twitter|x)\.com$/,
  /^instagram\.com$/,
  /^bilibili\.com$|^player\.bilibili\.com$/,
];

/** The names in the site's interface language: Chinese for `zh…`, English otherwise. */
const names: Record<'en' | 'zh', EmbedNames> = {
  en: {
    kinds: ['YouTube video', 'Vimeo video', 'SoundCloud audio', 'Spotify audio', 'Acast podcast', 'Facebook video', 'SlideShare slides', 'Google Drive file', 'Post on X (Twitter)', 'Instagram post', 'Bilibili video'],
    playlist: 'YouTube playlist',
    separator: ': ',
    pdf: (host) => `PDF document on ${host}`,
    video: (host) => `Video on ${host}`,
    audio: (host) => `Audio on ${host}`,
    page: (host) => `Embedded page on ${host}`,
  },
  zh: {
    kinds: ['YouTube 视频', 'Vimeo 视频', 'SoundCloud 音频', 'Spotify 音频', 'Acast 播客', 'Facebook 视频', 'SlideShare 幻灯片', 'Google 云端硬盘文件', 'X（Twitter）帖子', 'Instagram 帖子', 'Bilibili 视频'],
    playlist: 'YouTube 播放列表',
    separator: '：',
    pdf: (host) => `${host} 上的 PDF 文件`,
    video: (host) => `${host} 上的视频`,
    audio: (host) => `${host} 上的音频`,
    page: (host) => `${host} 上的嵌入页面`,
  },
};

/**
 * The link's text: what the embed is ("SoundCloud audio", "YouTube video: <title>"; "YouTube 视频：<title>" on a
 * Chinese site), never its raw player URL. A host we do not know keeps the player's title, or is named by what
 * its URL shows.
 */
export function embedName(target: string, title: string, language = 'en'): string {
  const say = names[language.startsWith('zh') ? 'zh' : 'en'];
  const url = new URL(target);
  const host = url.hostname.replace(/^www\./, '');
  const known = embedHosts.findIndex((pattern) => pattern.test(host));
  const kind = known < 0 ? undefined : known === 0 && url.pathname === '/playlist' ? say.playlist : say.kinds[known];
  if (kind !== undefined) return title === '' ? kind : `${kind}${say.separator}${title}`;
  if (title !== '') return title;
  if (/\.pdf$/iu.test(url.pathname)) return say.pdf(host);
  if (/video/iu.test(url.pathname + url.search)) return say.video(host);
  if (/audio|podcast/iu.test(url.pathname + url.search)) return say.audio(host);
  return say.page(host);
}

function linkTo(target: string, embed: Element, parent: Parents, language: string | undefined): ElementContent {
  const title = typeof embed.properties.title === 'string' ? collapseWhitespace(embed.properties.title) : '';
  const link = h('a', { href: target }, embedName(target, title, language));
  const inFlow = parent.type === 'root' || flowParents.has(parent.tagName);
  return inFlow ? h('p', [link]) : link;
}

/** Leaves only http(s) sources and the browser's own controls; false when nothing is left to play. */
function keepPlayable(node: Element): boolean {
  const src = node.properties.src;
  if (typeof src === 'string' && !isHttpUrl(src)) delete node.properties.src;
  node.children = node.children.filter(
    (child) => child.type !== 'element' || child.tagName !== 'source' || (typeof child.properties.src === 'string' && isHttpUrl(child.properties.src)),
  );
  const poster = node.properties.poster;
  if (typeof poster === 'string' && !isHttpUrl(poster)) delete node.properties.poster;
  for (const key of ['autoPlay', 'loop', 'muted']) delete node.properties[key];
  node.properties.controls = true;
  return typeof node.properties.src === 'string' || node.children.some((child) => child.type === 'element' && child.tagName === 'source');
}
