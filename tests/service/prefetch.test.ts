// The demo read ahead (session.prefetch, started by the page before it looks for an autosave):
// loadUrl() of the same file opens it without fetching again; a project opened meanwhile is never
// replaced by it; a failed fetch is reported by the loadUrl() that asks for it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAnalysisSession } from '../../src/service/session';

const FILES: Record<string, string> = {
  'http://app/demo.json': readFileSync('data/demo/project.json', 'utf8'),
  'http://app/sample.json': readFileSync('data/sample/project.json', 'utf8'),
};

function counting(gate: Promise<void> = Promise.resolve()) {
  const asked: string[] = [];
  const fetch = (async (url: string) => {
    asked.push(url);
    await gate;
    const text = FILES[url];
    return text === undefined ? new Response('gone', { status: 404, statusText: 'Not Found' }) : new Response(text);
  }) as typeof globalThis.fetch;
  return { asked, fetch };
}

const count = (s: ReturnType<typeof createAnalysisSession>) => s.analyse({ profile: 'combined', params: { reach: 'straight' } }).evaluation.results.length;

describe('prefetch', () => {
  it('loadUrl() of the prefetched file opens what was read ahead: one fetch, the same project as without', async () => {
    const f = counting();
    const s = createAnalysisSession({ fetch: f.fetch });
    s.prefetch('http://app/demo.json', 'demo.json');
    const r = await s.loadUrl('http://app/demo.json', 'demo.json');
    expect(f.asked).toEqual(['http://app/demo.json']);
    const plain = createAnalysisSession();
    const p = plain.load(FILES['http://app/demo.json'], 'demo.json');
    expect(r.ok && p.ok).toBe(true);
    if (!r.ok || !p.ok) return;
    expect(r.project.communities.length).toBe(p.project.communities.length);
    expect(r.project.scenarioPart).toEqual(p.project.scenarioPart);
    expect(count(s)).toBe(count(plain));
    // read ahead once: a second loadUrl fetches again
    await s.loadUrl('http://app/demo.json', 'demo.json');
    expect(f.asked).toHaveLength(2);
  });

  it('a project opened meanwhile (an autosave) stays open and drops what was read ahead', async () => {
    let release: () => void = () => undefined;
    const f = counting(new Promise<void>((r) => (release = r)));
    const s = createAnalysisSession({ fetch: f.fetch });
    s.prefetch('http://app/demo.json', 'demo.json');
    const sample = s.load(FILES['http://app/sample.json'], 'sample.json');
    release(); // the demo's text arrives after the sample opened, and is read (synchronously after it)
    await new Promise((r) => setTimeout(r, 20));
    expect(sample.ok).toBe(true);
    const plain = createAnalysisSession();
    plain.load(FILES['http://app/sample.json'], 'sample.json');
    expect(count(s)).toBe(count(plain));
    // the demo asked for later is fetched anew
    await s.loadUrl('http://app/demo.json', 'demo.json');
    expect(f.asked).toEqual(['http://app/demo.json', 'http://app/demo.json']);
  });

  it('another file than the one read ahead is fetched; a failed read ahead is said by loadUrl', async () => {
    const f = counting();
    const s = createAnalysisSession({ fetch: f.fetch });
    s.prefetch('http://app/demo.json', 'demo.json');
    const r = await s.loadUrl('http://app/sample.json', 'sample.json');
    expect(r.ok).toBe(true);
    expect(f.asked).toContain('http://app/sample.json');
    s.prefetch('http://app/missing.json', 'missing.json');
    await expect(s.loadUrl('http://app/missing.json', 'missing.json')).rejects.toThrow('missing.json: HTTP 404 Not Found');
  });
});
