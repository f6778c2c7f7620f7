import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Tests make hundreds of temporary archives, caches and sites and do not each clean up after themselves:
// they all go under one folder for the run, removed at its end, so repeated runs do not fill /tmp.
export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'digest-tests-'));
  // Test files run in forked processes that read TMPDIR through os.tmpdir(), as do the builds and browsers they start.
  process.env.TMPDIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
