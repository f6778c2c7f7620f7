/**
 * Hostile input, grouped by the sanitizer bypass class it tries. Every payload is written for this suite and
 * tries to call `__xss(id)` (or `alert(id)`, `confirm(id)`, `prompt(id)`), which the browser tests spy on.
 * `make(call)` receives the call to embed, e.g. `__xss(17)`.
 */

export const payloadClasses = [
  'script-element',
  'event-handler',
  'javascript-url',
  'other-scheme-url',
  'srcset',
  'mutation-xss',
  'svg-mathml',
  'dom-clobbering',
  'embed-srcdoc',
  'base-meta-link',
  'form',
  'css',
  'parser-quirk',
  'text-lookalike',
  'template-injection',
] as const;

export type PayloadClass = (typeof payloadClasses)[number];

export interface BodyPayload {
  id: number;
  kind: PayloadClass;
  name: string;
  /** The raw HTML put into an article body. */
  html: string;
  /** The JavaScript this payload tries to run. */
  call: string;
}

type Make = (call: string) => string;

/** Text put in style sheets and similar raw-text elements: it must never reach a page as visible text. */
export const styleLeakMarker = 'STYLE-LEAK-MARKER';

/** Literal template syntax that must reach the page as text, never evaluated by Nunjucks. */
export const templateMarker = 'TPL-MARKER';

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const decimalEntities = (text: string) => [...text].map((char) => `&#${char.codePointAt(0)};`).join('');
const hexEntities = (text: string) => [...text].map((char) => `&#x${char.codePointAt(0)!.toString(16)};`).join('');

/** `javascript:` spelled the ways browsers still read as `javascript:` (whitespace, entities, case, controls). */
const javascriptSchemes: readonly [string, string][] = [
  ['plain', 'javascript:'],
  ['mixed case', 'JaVaScRiPt:'],
  ['leading space', ' javascript:'],
  ['leading tab entity', '&#9;javascript:'],
  ['leading control char entity', '&#x01;javascript:'],
  ['leading form feed entity', '&#12;javascript:'],
  ['raw tab inside', 'java\tscript:'],
  ['raw newline inside', 'java\nscript:'],
  ['raw carriage return inside', 'java\rscript:'],
  ['&Tab; inside', 'java&Tab;script:'],
  ['&NewLine; inside', 'java&NewLine;script:'],
  ['&#x0A; inside', 'jav&#x0A;ascript:'],
  ['&#x0D; inside', 'jav&#x0D;ascript:'],
  ['one decimal entity', '&#106;avascript:'],
  ['one hex entity', '&#x6A;avascript:'],
  ['all decimal entities', decimalEntities('javascript:')],
  ['all hex entities', hexEntities('javascript:')],
  ['zero-padded entities without semicolons', [...'javascript:'].map((char) => `&#000${char.codePointAt(0)}`).join('')],
  ['hex entities without semicolons', [...'javascript:'].map((char) => `&#x${char.codePointAt(0)!.toString(16)}`).join('')],
  ['&colon;', 'javascript&colon;'],
  ['&#58;', 'javascript&#58;'],
  ['&#x3A;', 'javascript&#x3A;'],
  ['entity c in the middle', 'javas&#99;ript:'],
  ['leading spaces and entity space', '  &#32;javascript:'],
  ['scheme after comment-ish slashes', 'javascript://%0a'],
];

const classes: Record<PayloadClass, readonly [string, Make][]> = {
  'script-element': [
    ['plain script', (c) => `<script>${c}</script>`],
    ['uppercase script', (c) => `<SCRIPT>${c}</SCRIPT>`],
    ['script with src data URL', (c) => `<script src="data:text/javascript,${c}"></script>`],
    ['script slash src', (c) => `<script/src="data:,${c}"></script>`],
    ['split script tag', (c) => `<scr<script>ipt>${c}</scr</script>ipt>`],
    ['module script', (c) => `<script type="module">${c}</script>`],
    ['script with odd type', (c) => `<script type="text/javascript;version=1.8">${c}</script>`],
    ['script in a paragraph', (c) => `<p>text<script>${c}</script>more</p>`],
    ['unclosed script', (c) => `<script>${c}`],
    ['script with attributes and newline', (c) => `<script\nasync\ndefer>${c}</script>`],
    ['script inside a table', (c) => `<table><tr><td><script>${c}</script></td></tr></table>`],
    ['script after closing body', (c) => `</body><script>${c}</script>`],
    ['script after closing html', (c) => `</html><script>${c}</script>`],
    ['script with base64 data src', (c) => `<script src="data:text/javascript;base64,${base64(c)}"></script>`],
  ],
  'event-handler': [
    ['img onerror', (c) => `<img src="x" onerror="${c}">`],
    ['img onerror unquoted', (c) => `<img src=x onerror=${c}>`],
    ['img slashes as separators', (c) => `<img/src=x/onerror=${c}>`],
    ['img uppercase ONERROR', (c) => `<IMG SRC=x ONERROR="${c}">`],
    ['img onerror after newline', (c) => `<img src=x\nonerror=${c}>`],
    ['img onload on real-looking image', (c) => `<img src="https://example.com/a.jpg" onload="${c}">`],
    ['body onload', (c) => `<body onload="${c}">`],
    ['svg onload', (c) => `<svg onload="${c}"></svg>`],
    ['input autofocus onfocus', (c) => `<input autofocus onfocus="${c}">`],
    ['details ontoggle', (c) => `<details open ontoggle="${c}"><summary>s</summary>d</details>`],
    ['video source onerror', (c) => `<video><source src="x" onerror="${c}"></video>`],
    ['video onerror', (c) => `<video src="x" onerror="${c}"></video>`],
    ['audio onerror', (c) => `<audio src="x" onerror="${c}"></audio>`],
    ['marquee onstart', (c) => `<marquee onstart="${c}">m</marquee>`],
    ['div onmouseover', (c) => `<div onmouseover="${c}">hover</div>`],
    ['a onclick on a safe link', (c) => `<a href="https://example.com/" onclick="${c}">link</a>`],
    ['p onpointerdown', (c) => `<p onpointerdown="${c}">press</p>`],
    ['span onkeydown with tabindex', (c) => `<span tabindex="0" onkeydown="${c}">key</span>`],
    ['blockquote onfocusin', (c) => `<blockquote tabindex="1" onfocusin="${c}">q</blockquote>`],
    ['figure onanimationstart', (c) => `<figure onanimationstart="${c}">f</figure>`],
    ['h2 ontransitionend', (c) => `<h2 ontransitionend="${c}">h</h2>`],
    ['table onbeforeinput', (c) => `<table onbeforeinput="${c}"><tr><td contenteditable>t</td></tr></table>`],
    ['li onauxclick', (c) => `<ul><li onauxclick="${c}">i</li></ul>`],
    ['img onerror with backticks', (c) => `<img src=\`x\` onerror=\`${c}\`>`],
    ['img onerror with entity-encoded call', (c) => `<img src=x onerror="${decimalEntities(c)}">`],
    ['picture img onerror', (c) => `<picture><source srcset="https://example.com/a.webp"><img src="x" onerror="${c}"></picture>`],
  ],
  'javascript-url': [
    ...javascriptSchemes.map(([name, scheme]): [string, Make] => [`a href, ${name}`, (c) => `<a href="${scheme}${c}">link</a>`]),
    ['img src', (c) => `<img src="javascript:${c}">`],
    ['video poster', (c) => `<video poster="javascript:${c}" src="https://example.com/v.mp4"></video>`],
    ['video src', (c) => `<video src="javascript:${c}"></video>`],
    ['audio source src', (c) => `<audio><source src="javascript:${c}"></audio>`],
    ['blockquote cite', (c) => `<blockquote cite="javascript:${c}">q</blockquote>`],
    ['q cite', (c) => `<q cite="javascript:${c}">q</q>`],
    ['del cite', (c) => `<del cite="javascript:${c}">d</del>`],
    ['area href', (c) => `<map name="m"><area shape="rect" coords="0,0,10,10" href="javascript:${c}"></map>`],
    ['img longdesc', (c) => `<img src="https://example.com/a.jpg" longdesc="javascript:${c}">`],
    ['img lowsrc and dynsrc', (c) => `<img lowsrc="javascript:${c}" dynsrc="javascript:${c}" src="https://example.com/a.jpg">`],
    ['table background', (c) => `<table background="javascript:${c}"><tr><td>t</td></tr></table>`],
    ['a ping', (c) => `<a href="https://example.com/" ping="javascript:${c}">p</a>`],
    ['relative-looking javascript URL', (c) => `<a href="javascript:/x/;${c}">r</a>`],
  ],
  'other-scheme-url': [
    ['vbscript href', (c) => `<a href="vbscript:${c}">v</a>`],
    ['VBScript mixed case', (c) => `<a href="VbScRiPt:${c}">v</a>`],
    ['data text/html href', (c) => `<a href="data:text/html,<script>${c}</script>">d</a>`],
    ['data base64 href', (c) => `<a href="data:text/html;base64,${base64(`<script>${c}</script>`)}">d</a>`],
    ['data entity-obfuscated', (c) => `<a href="&#100;ata:text/html,<script>${c}</script>">d</a>`],
    ['data svg img src', (c) => `<img src="data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='${c}'/>">`],
    ['data URL video src', (c) => `<video src="data:text/html,<script>${c}</script>"></video>`],
    ['livescript href', (c) => `<a href="livescript:${c}">l</a>`],
    ['blob href', (c) => `<a href="blob:https://example.com/${c}">b</a>`],
    ['filesystem href', (c) => `<a href="filesystem:https://example.com/temporary/${c}">f</a>`],
    ['view-source href', (c) => `<a href="view-source:javascript:${c}">v</a>`],
    ['file href', (c) => `<a href="file:///etc/passwd#${c}">f</a>`],
    ['ftp img src', (c) => `<img src="ftp://example.com/${c}.png">`],
    ['mhtml-ish href', (c) => `<a href="mhtml:https://example.com/x!${c}">m</a>`],
  ],
  srcset: [
    ['img srcset javascript candidate', (c) => `<img srcset="javascript:${c} 1x">`],
    ['img srcset with one bad candidate of two', (c) => `<img src="https://example.com/c.jpg" srcset="https://example.com/a.jpg 1x, javascript:${c} 2x">`],
    ['img srcset data candidate', (c) => `<img srcset="data:image/svg+xml,<svg onload='${c}'/> 1x">`],
    ['img srcset entity-obfuscated candidate', (c) => `<img src="https://example.com/c.jpg" srcset="https://example.com/a.jpg 300w, &#106;avascript:${c} 600w">`],
    ['picture source srcset javascript', (c) => `<picture><source srcset="javascript:${c}"><img src="https://example.com/a.jpg"></picture>`],
    ['picture source srcset mixed candidates', (c) => `<picture><source srcset="https://example.com/a.webp 1x, vbscript:${c} 2x" type="image/webp"><img src="https://example.com/a.jpg"></picture>`],
    ['lazy data-srcset javascript', (c) => `<img data-srcset="javascript:${c} 1x" src="https://example.com/a.jpg">`],
    ['lazy data-src javascript', (c) => `<img data-src="javascript:${c}">`],
    ['srcset with comma inside javascript URL', (c) => `<img srcset="https://example.com/a.jpg 1x,javascript:${c},x 2x">`],
    ['srcset with no descriptor and spaces', (c) => `<img srcset="   javascript:${c}   ">`],
  ],
  'mutation-xss': [
    ['noscript closing in attribute', (c) => `<noscript><p title="</noscript><img src=x onerror=${c}>"></noscript>`],
    ['noscript with media and a trap', (c) => `<noscript><img src="https://example.com/a.jpg"><p title="</noscript><img src=x onerror=${c}>"></p></noscript>`],
    ['noscript style breakout', (c) => `<noscript><style></noscript><img src=x onerror=${c}></style></noscript>`],
    ['style closing in attribute', (c) => `<style>/*${styleLeakMarker}*/<a title="</style><img src=x onerror=${c}>"></a></style>`],
    ['template with image', (c) => `<template><img src=x onerror=${c}></template>`],
    ['template inside select', (c) => `<select><template><img src=x onerror=${c}></template></select>`],
    ['comment closed early', (c) => `<!--><img src=x onerror=${c}>-->`],
    ['comment bang close', (c) => `<!-- --!><img src=x onerror=${c}> -->`],
    ['comment in attribute', (c) => `<!--<img src="--><img src=x onerror=${c}>">`],
    ['processing instruction', (c) => `<? ><img src=x onerror=${c}> ?>`],
    ['CDATA outside foreign content', (c) => `<![CDATA[><img src=x onerror=${c}>]]>`],
    ['xmp raw text', (c) => `<xmp><p title="</xmp><img src=x onerror=${c}>"></xmp>`],
    ['textarea raw text', (c) => `<textarea><p title="</textarea><img src=x onerror=${c}>"></textarea>`],
    ['title raw text', (c) => `<title><p title="</title><img src=x onerror=${c}>"></title>`],
    ['noembed raw text', (c) => `<noembed><p title="</noembed><img src=x onerror=${c}>"></noembed>`],
    ['noframes raw text', (c) => `<noframes><p title="</noframes><img src=x onerror=${c}>"></noframes>`],
    ['iframe raw text', (c) => `<iframe><p title="</iframe><img src=x onerror=${c}>"></iframe>`],
    ['listing and pre newline', (c) => `<listing>&lt;img src=x onerror=${c}&gt;</listing>`],
    ['table foster parenting', (c) => `<table><img src=x onerror=${c}><tr><td>t</td></tr></table>`],
    ['form nesting with math', (c) => `<form><math><mtext></form><form><mglyph><style></math><img src=x onerror=${c}>`],
    ['plaintext swallowing the rest', (c) => `<plaintext><img src=x onerror=${c}>`],
  ],
  'svg-mathml': [
    ['svg script', (c) => `<svg><script>${c}</script></svg>`],
    ['svg a xlink:href', (c) => `<svg><a xlink:href="javascript:${c}"><text x="10" y="20">x</text></a></svg>`],
    ['svg a href', (c) => `<svg><a href="javascript:${c}"><text x="10" y="20">x</text></a></svg>`],
    ['svg animate onbegin', (c) => `<svg><animate onbegin="${c}" attributeName="x" dur="1s"></animate></svg>`],
    ['svg set href to javascript', (c) => `<svg><a><set attributeName="href" to="javascript:${c}"></set><text x="1" y="1">t</text></a></svg>`],
    ['svg animate values', (c) => `<svg><a><animate attributeName="href" values="javascript:${c}"></animate><text>t</text></a></svg>`],
    ['svg foreignObject img', (c) => `<svg><foreignObject><img src=x onerror=${c}></foreignObject></svg>`],
    ['svg style breakout', (c) => `<svg></p><style><a id="</style><img src=1 onerror=${c}>"></svg>`],
    ['svg image href', (c) => `<svg><image href="javascript:${c}"></image></svg>`],
    ['svg use data href', (c) => `<svg><use href="data:image/svg+xml;base64,${base64(`<svg id="x" xmlns="http://www.w3.org/2000/svg"><image href="x" onerror="${c}"/></svg>`)}#x"></use></svg>`],
    ['svg CDATA script', (c) => `<svg><script><![CDATA[${c}]]></script></svg>`],
    ['svg title breakout', (c) => `<svg><title><img src=x onerror=${c}></title></svg>`],
    ['svg desc html', (c) => `<svg><desc><img src=x onerror=${c}></desc></svg>`],
    ['math href', (c) => `<math href="javascript:${c}"><mi>x</mi></math>`],
    ['math maction xlink:href', (c) => `<math><maction actiontype="statusline" xlink:href="javascript:${c}">click<mtext>x</mtext></maction></math>`],
    ['math mglyph style', (c) => `<math><mtext><table><mglyph><style><img src=x onerror=${c}>`],
    ['math textarea path', (c) => `<math><mi><mglyph><svg><mtext><textarea><path id="</textarea><img onerror=${c} src=1>">`],
    ['math annotation-xml html', (c) => `<math><annotation-xml encoding="text/html"><img src=x onerror=${c}></annotation-xml></math>`],
    ['svg inside noscript', (c) => `<noscript><svg onload=${c}></svg></noscript>`],
  ],
  'dom-clobbering': [
    ['a id equal to the spy', (c) => `<a id="__xss" href="javascript:${c}">c</a>`],
    ['img name equal to the spy', (c) => `<img name="__xss" src="https://example.com/a.jpg" onerror="${c}">`],
    ['a id main', (c) => `<a id="main" href="javascript:${c}">m</a>`],
    ['two anchors with one id', (c) => `<a id="config"></a><a id="config" name="url" href="javascript:${c}">c</a>`],
    ['img name getElementById', (c) => `<img name="getElementById" src=x onerror=${c}>`],
    ['form name and input name', (c) => `<form name="document"><input name="cookie" onfocus="${c}" autofocus></form>`],
    ['a id defaultView', (c) => `<a id="defaultView" href="javascript:${c}">d</a>`],
    ['input name attributes', (c) => `<input name="attributes" onclick="${c}">`],
    ['iframe name', (c) => `<iframe name="__xss" src="javascript:${c}"></iframe>`],
    ['object name', (c) => `<object name="alert" data="javascript:${c}"></object>`],
    ['id with user-content prefix already', (c) => `<a id="user-content-x" href="javascript:${c}">u</a>`],
    ['name on a heading anchor', (c) => `<h2><a name="location" href="javascript:${c}">h</a></h2>`],
  ],
  'embed-srcdoc': [
    ['iframe srcdoc script', (c) => `<iframe srcdoc="&lt;script&gt;${c}&lt;/script&gt;"></iframe>`],
    ['iframe srcdoc img', (c) => `<iframe srcdoc="<img src=x onerror=${c}>"></iframe>`],
    ['iframe javascript src', (c) => `<iframe src="javascript:${c}"></iframe>`],
    ['iframe data src', (c) => `<iframe src="data:text/html,<script>${c}</script>"></iframe>`],
    ['iframe with http src and onload', (c) => `<iframe src="https://www.youtube.com/embed/abc" onload="${c}"></iframe>`],
    ['frameset onload', (c) => `<frameset onload="${c}"><frame src="javascript:${c}"></frameset>`],
    ['embed javascript src', (c) => `<embed src="javascript:${c}">`],
    ['embed data svg', (c) => `<embed src="data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='${c}'/>">`],
    ['object javascript data', (c) => `<object data="javascript:${c}"></object>`],
    ['object data html', (c) => `<object data="data:text/html,<script>${c}</script>"></object>`],
    ['object param', (c) => `<object><param name="src" value="javascript:${c}"></object>`],
    ['applet code', (c) => `<applet code="javascript:${c}"></applet>`],
    ['portal src', (c) => `<portal src="javascript:${c}"></portal>`],
  ],
  'base-meta-link': [
    ['base javascript href', (c) => `<base href="javascript:${c}//"><a href="x">rel</a>`],
    ['base foreign href', (c) => `<base href="https://evil.example/"><a href="${c}">rel</a>`],
    ['meta refresh javascript', (c) => `<meta http-equiv="refresh" content="0;url=javascript:${c}">`],
    ['meta refresh data', (c) => `<meta http-equiv="refresh" content="0; url=data:text/html,<script>${c}</script>">`],
    ['meta refresh with quotes', (c) => `<meta http-equiv="Refresh" content="0; URL='javascript:${c}'">`],
    ['meta content security policy override', (c) => `<meta http-equiv="Content-Security-Policy" content="script-src 'unsafe-inline'"><img src=x onerror=${c}>`],
    ['meta charset utf-7', (c) => `<meta charset="utf-7">+ADw-script+AD4-${c}+ADw-/script+AD4-`],
    ['link import', (c) => `<link rel="import" href="data:text/html,<script>${c}</script>">`],
    ['link stylesheet javascript', (c) => `<link rel="stylesheet" href="javascript:${c}">`],
    ['link preload onload', (c) => `<link rel="preload" href="https://example.com/a.css" as="style" onload="${c}">`],
    ['head in body', (c) => `<head><script>${c}</script></head>`],
  ],
  form: [
    ['form javascript action', (c) => `<form action="javascript:${c}"><input type="submit" value="go"></form>`],
    ['button formaction', (c) => `<form><button formaction="javascript:${c}">go</button></form>`],
    ['input submit formaction', (c) => `<input type="submit" formaction="javascript:${c}" value="go">`],
    ['input image onerror', (c) => `<input type="image" src="x" onerror="${c}">`],
    ['isindex', (c) => `<isindex type="image" src="x" onerror="${c}" action="javascript:${c}">`],
    ['button form attribute', (c) => `<form id="f"></form><button form="f" formaction="javascript:${c}">go</button>`],
    ['textarea autofocus', (c) => `<textarea autofocus onfocus="${c}">t</textarea>`],
    ['select autofocus', (c) => `<select autofocus onfocus="${c}"><option>o</option></select>`],
    ['keygen autofocus', (c) => `<keygen autofocus onfocus="${c}">`],
    ['checkbox onchange', (c) => `<input type="checkbox" onchange="${c}" onclick="${c}">`],
    ['form onsubmit', (c) => `<form onsubmit="${c}"><input type="submit"></form>`],
    ['output onfocus', (c) => `<output tabindex="0" onfocus="${c}">o</output>`],
  ],
  css: [
    ['style import javascript', (c) => `<style>@import 'javascript:${c}';/*${styleLeakMarker}*/</style>`],
    ['style background javascript', (c) => `<style>*{background:url("javascript:${c}")}/*${styleLeakMarker}*/</style>`],
    ['style attribute url', (c) => `<div style="background:url(javascript:${c})">s</div>`],
    ['style attribute expression', (c) => `<div style="width:expression(${c})">e</div>`],
    ['style behavior', (c) => `<div style="behavior:url(data:text/x-component,${c})">b</div>`],
    ['keyframes and onanimationstart', (c) => `<style>@keyframes k{}/*${styleLeakMarker}*/</style><p style="animation-name:k" onanimationstart="${c}">a</p>`],
    ['transition and ontransitionend', (c) => `<p style="transition:color 1ms" ontransitionend="${c}" onmouseover="this.style.color='red'">t</p>`],
    ['style with closing tag in comment', (c) => `<style>/*${styleLeakMarker}</style><img src=x onerror=${c}>*/</style>`],
    ['link stylesheet data', (c) => `<link rel="stylesheet" href="data:text/css,*{background:url(javascript:${c})}">`],
    ['moz-binding', (c) => `<div style="-moz-binding:url(data:text/xml,${c})">m</div>`],
  ],
  'parser-quirk': [
    ['soft hyphen entity in scheme', (c) => `<a href="java&shy;script:${c}">s</a>`],
    ['zero-width space in scheme', (c) => `<a href="java\u200Bscript:${c}">z</a>`],
    ['vertical tab before attribute', (c) => `<img src=x\u000Bonerror=${c}>`],
    ['quote breaking out of attribute', (c) => `<img alt="x"" onerror="${c}" src=x>`],
    ['attribute with inner quotes', (c) => `<img """><script>${c}</script>">`],
    ['tag in title attribute', (c) => `<a title="&quot;&gt;&lt;img src=x onerror=${c}&gt;" href="https://example.com/">t</a>`],
    ['unclosed tag swallowing', (c) => `<img src="x onerror=${c}`],
    ['double open bracket', (c) => `<<img src=x onerror=${c}>>`],
    ['closing tag with attributes', (c) => `</p onmouseover=${c}>`],
    ['uppercase entity-closed handler', (c) => `<IMG SRC="x" oNeRrOr="${c}">`],
    ['duplicate attributes', (c) => `<img src="https://example.com/a.jpg" src="x" onerror="${c}" onerror="${c}">`],
    ['fullwidth brackets stay text', (c) => `＜script＞${c}＜/script＞`],
    ['unicode escapes in handler', (c) => `<img src=x onerror="\\u005f\\u005fxss(${c.replace(/\D/g, '')})">`],
    ['handler in data attribute', (c) => `<div data-onload="${c}" data-x="&lt;script&gt;${c}&lt;/script&gt;">d</div>`],
  ],
  'text-lookalike': [
    ['escaped script as text', (c) => `<p>&lt;script&gt;${c}&lt;/script&gt; said the article</p>`],
    ['escaped img as text', (c) => `<p>&lt;img src=x onerror=${c}&gt; was quoted</p>`],
    ['double-escaped', (c) => `<p>&amp;lt;script&amp;gt;${c}&amp;lt;/script&amp;gt;</p>`],
    ['quotes breaking a summary attribute', (c) => `<p>" onmouseover="${c}" x=" and '><svg onload=${c}></p>`],
    ['code block with html', (c) => `<pre><code>&lt;a href="javascript:${c}"&gt;x&lt;/a&gt;</code></pre>`],
    ['closing meta and title text', (c) => `<p>"&gt;&lt;/title&gt;&lt;/head&gt;&lt;script&gt;${c}&lt;/script&gt;</p>`],
    ['CDATA end in text', (c) => `<p>]]&gt;&lt;script&gt;${c}&lt;/script&gt;&lt;![CDATA[</p>`],
    ['json breaking text', (c) => `<p>"}]});${c};//\u2028\u2029</p>`],
  ],
  'template-injection': [
    ['nunjucks constructor', (c) => `<p>${templateMarker} {{ range.constructor("${c}")() }}</p>`],
    ['nunjucks raw block', (c) => `<p>${templateMarker} {% raw %}{{ ${c} }}{% endraw %}</p>`],
    ['nunjucks set', (c) => `<p>${templateMarker} {% set x = "${c}" %}{{ x | safe }}</p>`],
    ['angular expression', (c) => `<p>${templateMarker} {{$on.constructor('${c}')()}}</p>`],
    ['js template literal', (c) => `<p>${templateMarker} \${${c}}</p>`],
  ],
};

/** Every body payload, numbered from 1 in class order. */
export const bodyPayloads: readonly BodyPayload[] = (() => {
  const payloads: BodyPayload[] = [];
  for (const kind of payloadClasses) {
    for (const [name, make] of classes[kind]) {
      const id = payloads.length + 1;
      const call = ['alert', 'confirm', 'prompt'][id % 7] ?? '__xss';
      payloads.push({ id, kind, name, call: `${call}(${id})`, html: make(`${call}(${id})`) });
    }
  }
  return payloads;
})();

export type FieldName = 'title' | 'author' | 'tags' | 'url' | 'source';

export interface FieldPayload {
  id: number;
  field: FieldName;
  /** Title, author, a tag, the source URL or the source's display name. */
  value: string;
}

/** Hostile values for every field other than the body; ids follow the body payloads'. */
export const fieldPayloads: readonly FieldPayload[] = (() => {
  const make: [FieldName, (c: string) => string][] = [
    ['title', (c) => `<script>${c}</script>`],
    ['title', (c) => `"><img src=x onerror=${c}>`],
    ['title', (c) => `'><svg onload=${c}>`],
    ['title', (c) => `&lt;img src=x onerror=${c}&gt; (entity-encoded in the file)`],
    ['title', (c) => `</title><script>${c}</script>`],
    ['title', (c) => `]]></title><script>${c}</script><![CDATA[`],
    ['title', (c) => `</script><script>${c}</script>`],
    ['title', (c) => `{{ range.constructor("${c}")() }} ${templateMarker}`],
    ['title', (c) => `" onmouseover="${c}" data-x="`],
    ['title', (c) => `javascript:${c}`],
    ['title', (c) => `<!-- ${c} --> \u0001 \u2028 \uFFFE control characters`],
    ['title', (c) => `Breaking: <a href="javascript:${c}">click</a> &amp; more`],
    ['author', (c) => `<img src=x onerror=${c}>`],
    ['author', (c) => `" autofocus onfocus="${c}`],
    ['author', (c) => `</name></author><script>${c}</script>`],
    ['tags', (c) => `<svg onload=${c}>`],
    ['tags', (c) => `"}]</script><script>${c}</script>`],
    ['url', (c) => `https://xss.example/"><img src=x onerror=${c}>`],
    ['url', (c) => `https://xss.example/p?q='><script>${c}</script>`],
    ['url', (c) => `https://xss.example/p#"><svg onload=${c}>`],
    ['url', (c) => `https://xss.example/javascript:${c}`],
    ['source', (c) => `<img src=x onerror=${c}>"' &amp;`],
  ];
  return make.map(([field, value], index) => {
    const id = bodyPayloads.length + index + 1;
    return { id, field, value: value(`__xss(${id})`) };
  });
})();
