// The worker's API exposed over a MessageChannel in this one thread, as in the worker: what the
// page's client gets crosses the same structured clone and transfers as in the browser.
import { expose, wrap, type Remote } from 'comlink';
import type { WorkerApi, workerApi } from '../../src/worker/worker-api';

export function overChannel(api: ReturnType<typeof workerApi>): { remote: Remote<WorkerApi>; close: () => void } {
  const channel = new MessageChannel();
  expose(api, channel.port1);
  return {
    remote: wrap<WorkerApi>(channel.port2),
    close: () => {
      channel.port1.close();
      channel.port2.close();
    },
  };
}
