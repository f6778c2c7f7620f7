/** Why a file or folder could not be read, as a person would say it: `permission denied`, not `EACCES: …`. */
export function readErrorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'removed while being read';
    case 'EISDIR':
      return 'is a folder';
    case 'ENOTDIR':
      return 'not a folder';
    case 'ELOOP':
      return 'a loop of links';
    default:
      return `cannot be read (${code ?? (error as Error).message})`;
  }
}
