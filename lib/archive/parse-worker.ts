import { parentPort } from 'node:worker_threads';
import { parseSource, type ParseRequest, type ParseResponse } from './parse-source.ts';

parentPort?.on('message', ({ batch, sources, options }: ParseRequest) => {
  const response: ParseResponse = { batch, results: sources.map((source) => parseSource(source, options)) };
  parentPort?.postMessage(response);
});
