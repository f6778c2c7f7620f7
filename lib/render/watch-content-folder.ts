import { type FSWatcher, type Stats, statSync, watch } from 'node:fs';

export interface ContentFolderWatch {
  /** Whether the folder is there now. */
  present(): boolean;
  close(): void;
}

export interface WatchContentFolderOptions {
  /** Something under the folder changed. */
  onChange: () => void;
  /** The folder went away (deleted, or replaced: then `onBack` follows at once). */
  onRemoved: () => void;
  /** The folder is there again, and watched. */
  onBack: () => void;
  /** How often the folder itself is looked at; default 500 ms. */
  pollMs?: number;
}

/**
 * Watches everything under a folder, and the folder itself: `fs.watch` on a folder that is deleted goes
 * silent for good, even when a folder of the same name comes back (`rsync --delete`, a `git checkout` of
 * another branch, a restored backup). So the folder is also looked at a few times a second; when it is gone
 * the watch is dropped, and when it (or a new folder by its name) is back it is watched again.
 */
export function watchContentFolder(dir: string, options: WatchContentFolderOptions): ContentFolderWatch {
  let watcher: FSWatcher | undefined;
  let watched: Stats | undefined;

  const attach = (): void => {
    watched = statOrUndefined(dir);
    if (!watched) return;
    try {
      watcher = watch(dir, { recursive: true }, () => {
        // The folder's own removal arrives as one more event: notice it now rather than at the next look.
        if (!check()) options.onChange();
      });
      // An FSWatcher that errors with no listener would take the process down.
      watcher.on('error', () => check());
    } catch {
      // Gone between the stat and the watch: the next look sees it.
      watched = undefined;
    }
  };
  const detach = (): void => {
    watcher?.close();
    watcher = undefined;
    watched = undefined;
  };
  /** Looks at the folder itself; true when it went away or was replaced (and says so). */
  const check = (): boolean => {
    const now = statOrUndefined(dir);
    if (watched && now && now.ino === watched.ino && now.dev === watched.dev) return false;
    if (!watched && !now) return false;
    if (watched) {
      detach();
      options.onRemoved();
    }
    if (now) {
      attach();
      if (watched) options.onBack();
    }
    return true;
  };

  attach();
  const poll = setInterval(check, options.pollMs ?? 500);
  return {
    present: () => watched !== undefined,
    close: () => {
      clearInterval(poll);
      detach();
    },
  };
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    const stats = statSync(path);
    return stats.isDirectory() ? stats : undefined;
  } catch {
    return undefined;
  }
}
