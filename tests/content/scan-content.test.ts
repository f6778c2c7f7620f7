import { mkdtemp, mkdir, writeFile, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { scanContent } from '../../lib/content/scan-content.ts';

test('finds article files at any depth and lists everything else as ignored', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'scan-'));
  await mkdir(join(dir, '2023/三月 news'), { recursive: true });
  const files = ['a.txt', 'b.md', 'c.html', '2023/三月 news/d e.txt', 'README.md', '.gitkeep', 'photo.jpg', '2023/notes.pdf'];
  for (const file of files) await writeFile(join(dir, file), 'x');
  await symlink('/etc/hostname', join(dir, 'link.txt'));
  const scan = await scanContent(dir);
  expect(scan.articles).toEqual(['2023/三月 news/d e.txt', 'a.txt', 'b.md', 'c.html']);
  expect(scan.ignored).toEqual(['.gitkeep', '2023/notes.pdf', 'README.md', 'link.txt', 'photo.jpg']);
});
