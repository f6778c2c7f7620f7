import { join } from 'node:path';

/** How a file under the content folder is named to the user: `content/a.txt`, as they would type it. */
export const displayPath = (contentDir: string, file: string): string => join(contentDir, file).split('\\').join('/');

/** Prefixes every line of a multi-line reason with the file, so each problem reads on its own. */
export const linesFor = (label: string, reason: string): string[] => reason.split('\n').map((line) => `${label}: ${line}`);

// C0 and C1 controls, DEL, and the Unicode line and paragraph separators: any of them can break or rewrite a line.
const controlCharacter = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * A name as a line of text shows it: as it is, or, when it holds a control character (a newline in a file name
 * would split the report's line), quoted and escaped as in JSON: `"content/a\nb.txt"`.
 */
export function textName(name: string): string {
  if (!controlCharacter.test(name)) return name;
  return JSON.stringify(name).replace(/[\u007f-\u009f\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
