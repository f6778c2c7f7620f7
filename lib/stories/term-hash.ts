/** A word as a number below 2^30 (FNV-1a, folded), so V8 keeps a list of them as small integers. */
export function termHash(word: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < word.length; index++) hash = Math.imul(hash ^ word.charCodeAt(index), 0x01000193);
  return (hash ^ (hash >>> 30)) & 0x3fffffff;
}
