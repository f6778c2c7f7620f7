import { resolve } from 'node:path';

/** The real corpus, copied into the repository so a clone with nothing beside it passes its tests. */
export const corpusDir = resolve(import.meta.dirname, 'fixtures/corpus');
export const feedxDir = `${corpusDir}/feedx`;
export const seedDir = `${corpusDir}/seed`;
