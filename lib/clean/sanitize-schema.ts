import { defaultSchema, type Schema } from 'hast-util-sanitize';

const base = defaultSchema;
const baseAttributes = base.attributes ?? {};

/**
 * GitHub's schema, widened only for what real news markup needs: figures, pictures with
 * their sources, times, and playable video/audio. Embeds, scripts, styles, SVG, MathML and
 * forms are stripped with their content rather than unwrapped, so none of it leaks as text.
 */
export const sanitizeSchema: Schema = {
  ...base,
  tagNames: [...(base.tagNames ?? []), 'figure', 'figcaption', 'time', 'video', 'audio'],
  attributes: {
    ...baseAttributes,
    img: [...(baseAttributes.img ?? []), 'srcSet', 'sizes', 'width', 'height'],
    source: [...(baseAttributes.source ?? []), 'src', 'type', 'media', 'sizes'],
    time: ['dateTime'],
    video: ['src', 'poster', 'controls', 'width', 'height', 'preload'],
    audio: ['src', 'controls', 'preload'],
  },
  protocols: {
    ...base.protocols,
    href: ['http', 'https', 'mailto'],
    src: ['http', 'https'],
    srcSet: ['http', 'https'],
    poster: ['http', 'https'],
    cite: ['http', 'https'],
  },
  strip: [
    'script', 'style', 'template', 'noscript', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet',
    'svg', 'math', 'canvas', 'form', 'button', 'select', 'textarea', 'noembed', 'noframes', 'title', 'head', 'link', 'meta', 'base',
  ],
};
