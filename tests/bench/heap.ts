// Memory by holder in the page's renderer process: the page's JS heap and each dedicated worker's
// (the analysis worker, MapLibre's), after a full GC, read over CDP; the process's resident set
// from /proc. Workers are reached through the page's CDP session with auto-attach in the
// non-flattened mode (Target.sendMessageToTarget), which Playwright's CDPSession can drive.
import { readFileSync } from 'node:fs';
import type { Browser, CDPSession } from 'playwright-core';

export interface HeapOf {
  /** the worker script's file name, or 'page' */
  name: string;
  /** JS heap in use after a full GC, MB */
  usedMB: number;
  /** array buffers' and external strings' backing stores this thread holds after the GC, MB */
  buffersMB: number;
}

export interface HeapProbe {
  /** page and workers, each after a full GC */
  heaps(): Promise<HeapOf[]>;
}

interface Reply {
  id?: number;
  result?: unknown;
  error?: { message: string };
}

/** Call before the page starts its workers (before goto): workers started later are attached. */
export async function heapProbe(cdp: CDPSession): Promise<HeapProbe> {
  const workers = new Map<string, string>();
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let next = 1_000_000;
  cdp.on('Target.attachedToTarget', (e) => {
    if (e.targetInfo.type === 'worker') workers.set(e.sessionId, e.targetInfo.url.split('/').pop() ?? e.targetInfo.url);
  });
  cdp.on('Target.detachedFromTarget', (e) => {
    workers.delete(e.sessionId);
  });
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse(e.message) as Reply;
    const p = m.id === undefined ? undefined : pending.get(m.id);
    if (!p || m.id === undefined) return;
    pending.delete(m.id);
    if (m.error) p.reject(new Error(m.error.message));
    else p.resolve(m.result);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  const inWorker = <T>(sessionId: string, method: string): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params: {} }) }).catch(reject);
    });
  const mb = (bytes: number) => bytes / 2 ** 20;
  return {
    async heaps() {
      await cdp.send('HeapProfiler.collectGarbage');
      type Usage = { usedSize: number; backingStorageSize?: number };
      const of = (name: string, u: Usage): HeapOf => ({ name, usedMB: mb(u.usedSize), buffersMB: mb(u.backingStorageSize ?? Number.NaN) });
      const out: HeapOf[] = [of('page', (await cdp.send('Runtime.getHeapUsage')) as Usage)];
      for (const [sessionId, name] of workers) {
        await inWorker(sessionId, 'HeapProfiler.collectGarbage');
        out.push(of(name, await inWorker<Usage>(sessionId, 'Runtime.getHeapUsage')));
      }
      return out;
    },
  };
}

/** resident set (MB) of the largest renderer process (ours: the page and its workers are threads
 *  of it) and of the GPU process */
export async function processMemory(browser: Browser): Promise<{ renderer: number; gpu: number }> {
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
  await cdp.detach();
  const rss = (pid: number): number => {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      return m ? Number(m[1]) / 1024 : 0;
    } catch {
      return 0; // a process that ended meanwhile
    }
  };
  const of = (type: string) => Math.max(0, ...processInfo.filter((p) => p.type === type).map((p) => rss(p.id)));
  return { renderer: of('renderer'), gpu: of('GPU') };
}

/** The renderer's memory by Chrome's own allocators (a memory-infra dump, MB): V8's heaps, array
 *  buffers (partition_alloc's array_buffer partition: typed arrays, tiles, packed outlines), malloc,
 *  Blink's GC heap, the compositor. They overlap no JS heap figure above except `v8`. */
export async function rendererAllocators(browser: Browser): Promise<Record<string, number>> {
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
  const renderers = processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
  const complete = new Promise<{ stream?: string }>((resolve) => cdp.on('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['disabled-by-default-memory-infra'], memoryDumpConfig: { triggers: [] } },
    transferMode: 'ReturnAsStream',
  } as never);
  await cdp.send('Tracing.requestMemoryDump', { deterministic: true, levelOfDetail: 'detailed' } as never);
  await cdp.send('Tracing.end');
  const { stream } = await complete;
  let text = '';
  for (let eof = !stream; !eof; ) {
    const chunk = (await cdp.send('IO.read', { handle: stream as string, size: 1 << 20 })) as { data: string; eof: boolean; base64Encoded?: boolean };
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data;
    eof = chunk.eof;
  }
  await cdp.detach();
  type Dump = { pid: number; ph: string; args?: { dumps?: { allocators?: Record<string, { attrs?: Record<string, { value: string }> }> } } };
  const parsed = JSON.parse(text) as { traceEvents?: Dump[] } | Dump[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const NAMES = [
    'v8/main',
    'v8/workers',
    'partition_alloc/partitions/array_buffer',
    'partition_alloc/partitions/buffer',
    'partition_alloc/partitions/fast_malloc',
    'malloc',
    'blink_gc',
    'cc',
    'gpu',
    'shared_memory',
  ];
  const best: Record<string, number> = {};
  for (const e of events) {
    const al = e.args?.dumps?.allocators;
    if (e.ph !== 'v' || !al || !renderers.includes(e.pid)) continue;
    const size = (name: string) => Number.parseInt(al[name]?.attrs?.size?.value ?? '0', 16) / 2 ** 20;
    // the largest renderer is ours (the page and its workers are threads of it)
    if ((best.v8_total ?? -1) >= size('v8')) continue;
    for (const k of Object.keys(best)) delete best[k];
    best.v8_total = size('v8');
    for (const n of NAMES) best[n] = size(n);
  }
  delete best.v8_total;
  return best;
}
