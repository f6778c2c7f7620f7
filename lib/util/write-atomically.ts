import { rename, writeFile } from 'node:fs/promises';

/**
 * Writes `file` under a temporary name beside it, then renames it into place, so a reader (another build running
 * at the same time, or this one after a kill) never sees half a file. The temporary name is this process's and a
 * random one's: two threads or builds writing the same file never share it.
 */
export async function writeAtomically(file: string, data: string | Uint8Array): Promise<void> {
  const temporary = `${file}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, file);
}
