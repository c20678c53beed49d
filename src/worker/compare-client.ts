// The page's side of the compare call, spread into the analysis client (client.ts). Apart from
// compare.ts so the page bundle takes only types from it. A newer comparison supersedes a stale one.
import type { Remote } from 'comlink';
import type { CompareRequest, CompareResult, createCompareApi } from '../service/compare';
import { latestOnly, type Outcome } from './latest';

export interface CompareClient {
  compare(req: CompareRequest): Promise<Outcome<CompareResult>>;
}

export function compareClient(remote: Remote<ReturnType<typeof createCompareApi>>): CompareClient {
  return { compare: latestOnly((req: CompareRequest) => remote.compare(req)) };
}
