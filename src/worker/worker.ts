// The analysis worker: runs one analysis session (src/service) off the main thread so the map
// never freezes. Only transport lives here and in worker-api.ts: Comlink.
import { expose } from 'comlink';
import { createAnalysisSession } from '../service/session';
import { workerApi } from './worker-api';

export type { WorkerApi } from './worker-api';

expose(workerApi(createAnalysisSession()));
