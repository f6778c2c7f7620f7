import { parseArgs } from 'node:util';
import { loadConfigForCli } from './load-config-for-cli.ts';
import { phaseDone } from '../util/phase-timings.ts';

const usage = `digest — a static site generator for archives of saved news articles

Usage:
  digest parse FILE… [--json]           each file's frontmatter and clean HTML
  digest check [--content DIR] [--json] check every file under DIR (default content/)
  digest build [--content DIR] [--out DIR] [--path-prefix /repo/] [--strict] [--report FILE] [--cache DIR] [--years Y,…]
                                        build the site (default out: _site/)
  digest serve [--content DIR] [--port N] [--host ADDR] [--years Y,…]
                                        build, serve on 127.0.0.1 and rebuild on changes
  digest github-summary REPORT          in GitHub Actions: the skipped files of a --report as a table in the
                                        job summary and as warning annotations

Options:
  --config FILE   the site configuration (default site.config.ts)
  --site-url URL  build, serve: the published site's origin, overriding url in site.config.ts
  --strict        build: exit 1, writing nothing, when any file is rejected
  --report FILE   build: write the account of every file as JSON
  --cache DIR     build, serve: where parsed articles are kept between builds (default .cache/digest)
  --years Y,…     build, serve: only the articles of these years (2021, or 2020,2021): this site's shard of an
                  archive split by year over several sites (see shards in site.config.ts); overrides years there
  --host ADDR     serve: the address to listen on (default 127.0.0.1, this machine only; 0.0.0.0 lets
                  anyone on the network read the archive and reach the dev server)
`;

const options = {
  json: { type: 'boolean', default: false },
  content: { type: 'string', default: 'content' },
  out: { type: 'string', default: '_site' },
  'path-prefix': { type: 'string' },
  strict: { type: 'boolean', default: false },
  report: { type: 'string' },
  port: { type: 'string', default: '8080' },
  host: { type: 'string', default: '127.0.0.1' },
  cache: { type: 'string', default: '.cache/digest' },
  config: { type: 'string' },
  'site-url': { type: 'string' },
  years: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true });
  } catch (error) {
    process.stderr.write(`digest: ${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') {
    process.stdout.write(usage);
    return command === undefined && !values.help ? 2 : 0;
  }
  // Reads only a report: needs no site configuration.
  if (command === 'github-summary') {
    if (rest.length !== 1) {
      process.stderr.write('digest github-summary: name the report file that digest build --report wrote\n');
      return 2;
    }
    const { githubSummaryCommand } = await import('./github-summary-command.ts');
    return githubSummaryCommand(rest[0]!);
  }
  const needsSite = command === 'build' || command === 'serve';
  phaseDone('start-up');
  const years = values.years === undefined ? undefined : parseYears(values.years);
  if (years === null) {
    process.stderr.write(`digest: --years must be years such as 2021 or 2020,2021 (got ${JSON.stringify(values.years)})\n`);
    return 2;
  }
  const config = await loadConfigForCli(values.config, needsSite, values['site-url'], years);
  phaseDone('site config');
  if (!config.ok) {
    process.stderr.write(`${config.reason}\n`);
    return 2;
  }
  switch (command) {
    case 'parse': {
      if (rest.length === 0) {
        process.stderr.write('digest parse: name at least one file\n');
        return 2;
      }
      // Commands are loaded when used: reading files needs none of Eleventy's start-up cost.
      const { parseCommand } = await import('./parse-command.ts');
      return parseCommand(rest, { json: values.json, contentDir: values.content, config: config.value });
    }
    case 'check': {
      const { checkCommand } = await import('./check-command.ts');
      return checkCommand({ contentDir: values.content, json: values.json, config: config.value });
    }
    case 'build': {
      const { buildCommand } = await import('./build-command.ts');
      return buildCommand({
        contentDir: values.content,
        outDir: values.out,
        pathPrefix: values['path-prefix'],
        strict: values.strict,
        reportFile: values.report,
        cacheDir: values.cache,
        configFile: values.config ?? 'site.config.ts',
        config: config.value,
      });
    }
    case 'serve': {
      const port = Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        process.stderr.write(`digest serve: --port must be a port number (got "${values.port}")\n`);
        return 2;
      }
      if (values.host.trim() === '') {
        process.stderr.write('digest serve: --host must name an address, such as 127.0.0.1 or 0.0.0.0\n');
        return 2;
      }
      const { serveCommand } = await import('./serve-command.ts');
      return serveCommand({ contentDir: values.content, port, host: values.host, config: config.value, cacheDir: values.cache });
    }
    default:
      process.stderr.write(`digest: unknown command "${command}"\n\n${usage}`);
      return 2;
  }
}

/** `2021` or `2020,2021`; null for anything else. */
function parseYears(text: string): number[] | null {
  const parts = text.split(',').map((part) => part.trim());
  return parts.every((part) => /^\d{4}$/.test(part)) ? parts.map(Number) : null;
}
