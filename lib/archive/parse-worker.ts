import { parentPort } from 'node:worker_threads';
import { parseSource, type ParseRequest, type ParseResponse } from './parse-source.ts';
import { loadFeatureTools } from '../stories/article-features.ts';

// Before the first batch arrives: a worker started early (see `startParseWorker`) is ready when one does.
loadFeatureTools();

parentPort?.on('message', ({ batch, sources, options }: ParseRequest) => {
  const response: ParseResponse = { batch, results: sources.map((source) => parseSource(source, options)) };
  parentPort?.postMessage(response);
});
