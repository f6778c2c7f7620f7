/** Something wrong with the cache that a build worked around: the file or folder, and what was done about it. */
export interface CacheNote {
  file: string;
  reason: string;
}

/** An error from the file system as a reason: `EACCES: permission denied`, without the path it already names. */
export const fsReason = (error: unknown): string => (error instanceof Error ? error.message.split(', ')[0]! : String(error));

/** The one note for a cache folder that cannot be written. */
export const unwritable = (cacheDir: string, error: unknown): CacheNote => ({
  file: cacheDir,
  reason: `cannot be written (${fsReason(error)}), the build goes on without saving the cache`,
});
