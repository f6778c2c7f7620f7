// The report of a saved result, printed again (new targets and tables included): `npx tsx bench/report-file.ts bench/results/<date>.json`.
import { readFile } from 'node:fs/promises';
import { formatReport, upgradeBenchResult, type StoredBenchResult } from './bench-report.ts';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: npx tsx bench/report-file.ts <bench/results/….json>\n');
  process.exit(2);
}
const stored = JSON.parse(await readFile(file, 'utf8')) as StoredBenchResult;
process.stdout.write(`${formatReport(upgradeBenchResult(stored))}\n`);
