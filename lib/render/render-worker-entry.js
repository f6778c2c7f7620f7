// Worker threads do not inherit the tsx loader of the main thread: register it here, then load the TypeScript worker.
// Used only when the bundled worker cannot be made (see renderWorkerEntry in render-helper.ts).
import { register } from 'tsx/esm/api';

register();
await import('./render-worker.ts');
