import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { buildArticle } from '../../lib/article/build-article.ts';
import { siteConfigSchema } from '../../lib/config/site-config-schema.ts';
import { feedxDir } from '../corpus-dir.ts';
import siteConfig from '../../site.config.ts';

const bodyOf = (name: string, language: string) => {
  const config = siteConfigSchema.parse({ ...siteConfig, language });
  const result = buildArticle({ file: name, bytes: readFileSync(join(feedxDir, name)) }, config);
  if (!result.ok) throw new Error(result.reason);
  return result.value.html;
};

test('an embed is named in the site’s interface language: a corpus article on a Chinese site and on an English one', () => {
  expect(bodyOf('fm-chinafile-02.txt', 'zh')).toContain('>SoundCloud 音频</a>');
  expect(bodyOf('fm-chinafile-02.txt', 'en')).toContain('>SoundCloud audio</a>');
});
