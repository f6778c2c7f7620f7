import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { fail, ok, type Result } from '../result.ts';
import { readErrorReason } from '../read/read-error-reason.ts';

/** Whether `contentDir` is a folder that can be listed: the one problem that stops a build before it starts. */
export async function checkContentFolder(contentDir: string): Promise<Result<void>> {
  const name = `content folder ${JSON.stringify(contentDir)}`;
  try {
    if (!(await stat(contentDir)).isDirectory()) return fail(`${name} is not a folder`);
    await access(contentDir, constants.R_OK | constants.X_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail(`${name} does not exist`);
    return fail(`${name} cannot be read: ${code === 'ENOTDIR' ? 'a part of its path is a file' : readErrorReason(error)}`);
  }
  return ok(undefined);
}
