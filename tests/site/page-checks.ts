import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string;
  /** How many elements break the rule. */
  nodes: number;
}

/**
 * Every axe-core violation on the page as it is now. axe is injected as a script, so the page must have been
 * opened with `bypassCSP` (the site's own policy rightly forbids inline scripts).
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  const { violations } = await page.evaluate(async () =>
    (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe.run(document),
  );
  return violations.map(({ id, impact, nodes }) => ({ id, impact, nodes: nodes.length }));
}

/** How many rows the visible parts of the header (title, each nav item, the search box or link) take. */
export function headerRows(page: Page): Promise<number> {
  return page.evaluate(() => {
    const parts = [...document.querySelectorAll('.site-title, .site-nav li, .site-search')].filter((node) => getComputedStyle(node).display !== 'none');
    return [...new Set(parts.map((node) => Math.round(node.getBoundingClientRect().top / 8)))].length;
  });
}

export const scrollsSideways = (page: Page): Promise<boolean> => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
