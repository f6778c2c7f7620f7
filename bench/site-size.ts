// Where a built site's room goes, kind by kind: `npx tsx bench/site-size.ts <output folder>`.
import { formatOutputSizes, outputSizesByKind } from '../lib/render/output-size.ts';

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: npx tsx bench/site-size.ts <output folder>\n');
  process.exit(2);
}
process.stdout.write(formatOutputSizes(await outputSizesByKind(dir)));
