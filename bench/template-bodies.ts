import { spawn } from 'node:child_process';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { CorpusTemplate } from './corpus-templates.ts';

/** What the Hugo site shows for a template: the body HTML and a summary. */
export interface TemplateBody {
  html: string;
  summary: string;
}

export interface TemplateBodies {
  /** Same order as the templates; undefined where our engine rejects the file. */
  bodies: (TemplateBody | undefined)[];
  /** `digest parse` when our engine could clean the templates, `raw` when it could not run (raw bodies, own summaries). */
  via: 'digest parse' | 'raw';
  note: string | undefined;
}

interface ParseLine {
  file: string;
  data?: { summary?: string };
  html?: string;
  error?: string;
}

/**
 * Our engine's own cleaned HTML and summary for each template, so the Hugo pages carry the same bodies.
 * Runs `digest parse --json` once over the real files (a few hundred: not part of any timing).
 */
export async function templateBodies(templates: readonly CorpusTemplate[], repoDir: string): Promise<TemplateBodies> {
  const run = await runParse(
    templates.map((template) => template.file),
    repoDir,
  );
  const byFile = new Map<string, ParseLine>();
  for (const line of run.stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const parsed = JSON.parse(line) as ParseLine;
      byFile.set(parsed.file, parsed);
    } catch {
      // A line cut short by a crash: the file counts as unparsed below.
    }
  }
  if (byFile.size === 0) {
    return {
      bodies: templates.map((template) => ({ html: template.body, summary: plainSummary(template.body) })),
      via: 'raw',
      note: `digest parse gave no output (exit ${run.code}): Hugo gets the raw bodies. ${run.stderr.trim().split('\n').slice(-3).join(' | ')}`,
    };
  }
  const bodies = templates.map((template) => {
    const line = byFile.get(template.file);
    return line?.html !== undefined ? { html: line.html, summary: line.data?.summary ?? plainSummary(line.html) } : undefined;
  });
  const rejected = bodies.filter((body) => body === undefined).length;
  return { bodies, via: 'digest parse', note: rejected > 0 ? `${rejected} corpus files rejected by our engine: not replicated` : undefined };
}

const summaryLength = 160;

function plainSummary(html: string): string {
  const text = toText(fromHtml(html, { fragment: true })).replace(/\s+/g, ' ').trim();
  return text.length > summaryLength ? `${text.slice(0, summaryLength)}…` : text;
}

function runParse(files: string[], repoDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/digest.js', 'parse', '--json', ...files], { cwd: repoDir, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => resolve({ code: null, stdout: '', stderr: error.message }));
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}
