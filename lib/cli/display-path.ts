import { join } from 'node:path';

/** How a file under the content folder is named to the user: `content/a.txt`, as they would type it. */
export const displayPath = (contentDir: string, file: string): string => join(contentDir, file).split('\\').join('/');

/** Prefixes every line of a multi-line reason with the file, so each problem reads on its own. */
export const linesFor = (label: string, reason: string): string[] => reason.split('\n').map((line) => `${label}: ${line}`);
