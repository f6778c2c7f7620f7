import { readFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { stringify } from 'yaml';
import { buildArticle } from '../article/build-article.ts';
import type { SiteConfig } from '../config/site-config-schema.ts';
import { readErrorReason } from '../read/read-error-reason.ts';
import { linesFor, textName } from './display-path.ts';

/** `digest parse FILE… [--json]`: each file's frontmatter and HTML, all in one process. */
export async function parseCommand(files: string[], options: { json: boolean; contentDir: string; config: SiteConfig }): Promise<number> {
  let failures = 0;
  for (const path of files) {
    const result = await readFile(path).then(
      (bytes) => buildArticle({ file: contentRelative(path, options.contentDir), bytes }, options.config),
      (error: NodeJS.ErrnoException) => ({ ok: false as const, reason: error.code === 'ENOENT' ? 'no such file' : readErrorReason(error) }),
    );
    if (!result.ok) failures++;
    if (options.json) {
      const line = result.ok ? { file: path, data: result.value.data, html: result.value.html } : { file: path, error: result.reason };
      process.stdout.write(`${JSON.stringify(line)}\n`);
    } else if (result.ok) {
      process.stdout.write(`==> ${textName(path)} <==\n---\n${stringify(result.value.data)}---\n${result.value.html}\n\n`);
    } else {
      process.stderr.write(`${linesFor(textName(path), result.reason).join('\n')}\n`);
    }
  }
  return failures > 0 ? 1 : 0;
}

/** Inside the content folder a file is named relative to it; elsewhere relative to where the command runs. */
function contentRelative(path: string, contentDir: string): string {
  const inside = relative(resolve(contentDir), resolve(path));
  const name = inside.startsWith('..') ? relative(process.cwd(), resolve(path)) : inside;
  return name.split(sep).join('/');
}
