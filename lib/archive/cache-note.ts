/** Something wrong with the cache that a build worked around: the file or folder, and what was done about it. */
export interface CacheNote {
  file: string;
  reason: string;
}

/** An error from the file system as a reason: `EACCES: permission denied`, without the path it already names. */
export const fsReason = (error: unknown): string => (error instanceof Error ? error.message.split(', ')[0]! : String(error));

/** The one note for a cache folder that cannot be written, and what is done instead. */
export const unwritable = (cacheDir: string, error: unknown, instead = 'the build goes on without saving the cache'): CacheNote => ({
  file: cacheDir,
  reason: `cannot be written (${fsReason(error)}), ${instead}`,
});

/** How a note reads to the user: one line, naming the file. */
export const cacheNoteLine = ({ file, reason }: CacheNote): string => `cache: ${file}: ${reason}`;
