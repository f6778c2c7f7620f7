import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import type { Browser, BrowserContext, Page } from 'playwright-core';

export const chromiumLaunchOptions = {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

/** Anything that shows script ran (or was about to run and only the CSP stopped it). */
export interface Finding {
  page: string;
  kind: string;
  detail: string;
}

/**
 * Runs in every frame before any of the page's own markup: the spy `__xss`, wrapped dialogs, a record of
 * CSP violations, and a click/submit guard that keeps http(s) navigations on the page but lets every
 * other scheme (`javascript:`…) go ahead, so that it runs and is caught.
 */
function installSpy(): void {
  const report = (kind: string, detail: unknown) => {
    const send = (window as unknown as { __xssReport?: (kind: string, detail: string) => void }).__xssReport;
    send?.(kind, String(detail));
  };
  const lock = (name: string, value: unknown) => {
    try {
      Object.defineProperty(window, name, { value, writable: false, configurable: false });
    } catch {
      // Already locked in this frame.
    }
  };
  lock('__xss', (id: unknown) => report('__xss', id));
  for (const name of ['alert', 'confirm', 'prompt', 'print', 'open']) lock(name, (...args: unknown[]) => report(name, args.join(' ')));
  document.addEventListener('securitypolicyviolation', (event) =>
    report('csp-violation', `${event.violatedDirective} ${event.blockedURI} ${event.sample}`),
  );
  const safe = (url: string) => /^(https?|mailto):/i.test(url);
  addEventListener(
    'click',
    (event) => {
      const link = (event.target as HTMLElement | null)?.closest?.('a[href], area[href]') as HTMLAnchorElement | null;
      if (link && safe(link.href)) event.preventDefault();
    },
    true,
  );
  addEventListener(
    'submit',
    (event) => {
      const form = event.target as HTMLFormElement;
      if (safe(form.action)) event.preventDefault();
    },
    true,
  );
}

/** Fires the events hostile markup waits for on every element, plus whatever event each `on*` attribute names. */
async function fireEverything(): Promise<number> {
  const mouse = ['mouseover', 'mouseenter', 'mousemove', 'mousedown', 'mouseup', 'click', 'dblclick', 'auxclick', 'contextmenu', 'mouseout', 'mouseleave', 'wheel'];
  const pointer = ['pointerover', 'pointerenter', 'pointerdown', 'pointerup', 'pointermove', 'pointerout'];
  const plain = ['load', 'error', 'toggle', 'input', 'change', 'beforeinput', 'select', 'scroll', 'submit', 'reset', 'invalid', 'copy', 'paste', 'play', 'canplay', 'loadstart', 'begin', 'start'];
  const focusable = 'a[href], area[href], input, select, textarea, button, iframe, object, embed, summary, [tabindex], [contenteditable], [autofocus]';
  const elements = [...document.querySelectorAll('*')];
  for (const element of elements) {
    for (const type of mouse) element.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, view: window }));
    for (const type of pointer) element.dispatchEvent(new PointerEvent(type, { bubbles: true, cancelable: true }));
    if ((element instanceof HTMLElement || element instanceof SVGElement) && element.matches(focusable)) element.focus();
    for (const type of ['focus', 'focusin', 'blur', 'focusout']) element.dispatchEvent(new FocusEvent(type, { bubbles: type.endsWith('in') || type.endsWith('out') }));
    for (const type of ['keydown', 'keypress', 'keyup']) element.dispatchEvent(new KeyboardEvent(type, { bubbles: true, cancelable: true, key: 'Enter' }));
    for (const type of plain) element.dispatchEvent(new Event(type, { bubbles: false, cancelable: true }));
    for (const type of ['animationstart', 'animationend', 'animationiteration']) element.dispatchEvent(new AnimationEvent(type, { bubbles: true }));
    for (const type of ['transitionstart', 'transitionrun', 'transitionend']) element.dispatchEvent(new TransitionEvent(type, { bubbles: true }));
    for (const attribute of [...element.attributes]) {
      if (attribute.name.toLowerCase().startsWith('on')) element.dispatchEvent(new Event(attribute.name.slice(2), { bubbles: true }));
    }
  }
  window.dispatchEvent(new Event('load'));
  await new Promise((resolve) => setTimeout(resolve, 50));
  return elements.length;
}

/**
 * A function as a script for the page. The TypeScript transform may wrap named functions in an `__name`
 * helper that only exists in Node; the page gets a no-op one.
 */
const inPage = (fn: () => unknown): string => `(() => { const __name = (target) => target; return (${fn.toString()})(); })()`;

/** The built HTML without its CSP `<meta>`, cut out by the offsets hast gives: everything else byte for byte. */
export function withoutPolicy(html: string): string {
  const tree: Root = fromHtml(html);
  const meta = select('meta[http-equiv="Content-Security-Policy" i]', tree);
  const start = meta?.position?.start.offset;
  const end = meta?.position?.end.offset;
  if (start === undefined || end === undefined) throw new Error('page has no CSP <meta> to strip');
  return html.slice(0, start) + html.slice(end);
}

/** A browser context where only 127.0.0.1 is reachable and every frame has the spy. */
export async function spyContext(browser: Browser, findings: Finding[]): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.exposeBinding('__xssReport', (source, kind: string, detail: string) => {
    findings.push({ page: source.page.url(), kind, detail });
  });
  await context.addInitScript({ content: inPage(installSpy) });
  await context.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
  return context;
}

/** Fires every event on every element of the page as it is now (after a script has filled it in, say). */
export const fireEverythingOn = async (page: Page): Promise<number> => (await page.evaluate(inPage(fireEverything))) as number;

/** Loads `url`, fires every event on every element, and records dialogs and page errors mentioning the spy. */
export async function exercisePage(page: Page, url: string, findings: Finding[], status = 200): Promise<number> {
  const response = await page.goto(url, { waitUntil: 'load' });
  if (response?.status() !== status) throw new Error(`${url}: HTTP ${response?.status()}, expected ${status}`);
  const elements = (await page.evaluate(inPage(fireEverything))) as number;
  // Safe links are held back, so landing anywhere else means a payload moved the page.
  const where = (address: string) => { const parsed = new URL(address); return parsed.origin + parsed.pathname; };
  if (where(page.url()) !== where(url)) findings.push({ page: url, kind: 'navigated', detail: page.url() });
  return elements;
}

/** Dialogs and uncaught errors are findings too: a payload may reach a dialog some other way than our wrappers. */
export function watchPage(page: Page, findings: Finding[]): void {
  page.on('dialog', (dialog) => {
    findings.push({ page: page.url(), kind: `dialog ${dialog.type()}`, detail: dialog.message() });
    void dialog.dismiss().catch(() => undefined);
  });
  page.on('pageerror', (error) => findings.push({ page: page.url(), kind: 'pageerror', detail: error.message }));
  page.on('popup', (popup) => findings.push({ page: page.url(), kind: 'popup', detail: popup.url() }));
}
