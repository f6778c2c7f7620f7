import { resolve } from 'node:path';

/** The shared corpus sits beside the checkout (`../shared/corpus`), wherever the checkout is cloned. */
export const corpusDir = resolve(import.meta.dirname, '../../shared/corpus');
export const feedxDir = `${corpusDir}/feedx`;
export const seedDir = `${corpusDir}/seed`;
