#!/usr/bin/env node
// Node 20 cannot strip types: register tsx, then hand over to the TypeScript CLI.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../lib/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
