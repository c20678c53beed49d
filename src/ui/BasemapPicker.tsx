// Choice of base map: the embedded demo archive, 天地图 with the user's own key, the user's own
// .pmtiles (file or URL), an online XYZ tile URL, or none. The choice is remembered (localStorage; a picked file in IndexedDB).
import { useEffect, useState } from 'preact/hooks';
import { TIANDITU_ORIGIN_PATTERN, xyzUrlProblem } from '../map/basemap-style';
import { isHttpUrl, TIANDITU_KEY, type BasemapChoice } from '../state/persist';
import { useApp, useT } from './context';
import { FileInput } from './FileInput';

type Kind = BasemapChoice['kind'];
const KINDS: Kind[] = ['demo', 'tianditu', 'pmtiles-file', 'pmtiles-url', 'tiles-url', 'none'];

/** the online source of a choice: which origins it loads from, and how to name them to an administrator */
function onlineSource(c: BasemapChoice): { shown: string; matches: (origin: string | undefined) => boolean } | undefined {
  if (c.kind === 'tianditu') return { shown: TIANDITU_ORIGIN_PATTERN, matches: (o) => !!o && /^https:\/\/t[0-7]\.tianditu\.gov\.cn$/.test(o) };
  if (c.kind !== 'tiles-url' && c.kind !== 'pmtiles-url') return undefined;
  const origin = originOf(c.url);
  return origin ? { shown: origin, matches: (o) => o === origin } : undefined;
}

export function BasemapPicker() {
  const { state, actions } = useApp();
  const tr = useT();
  const current = state.basemap.value;
  const [kind, setKind] = useState<Kind>(current.kind);
  const [url, setUrl] = useState('url' in current ? current.url : '');
  const [credit, setCredit] = useState(current.kind === 'tiles-url' ? (current.attribution ?? '') : '');
  const [problem, setProblem] = useState<string | null>(null);
  const [blocked, setBlocked] = useState<string | null>(null);
  const [tdLayer, setTdLayer] = useState<'vec' | 'img'>(current.kind === 'tianditu' ? current.layer : 'vec');
  const [tdKey, setTdKey] = useState(current.kind === 'tianditu' ? current.key : '');
  const source = onlineSource(current);
  const online = source?.shown;

  // an online source the deployment's CSP (connect-src) does not list: the browser blocks every
  // tile silently; say so where the source was chosen
  useEffect(() => {
    if (!source) return;
    const onViolation = (e: SecurityPolicyViolationEvent) => {
      if (source.matches(originOf(e.blockedURI))) setBlocked(source.shown);
    };
    document.addEventListener('securitypolicyviolation', onViolation);
    return () => document.removeEventListener('securitypolicyviolation', onViolation);
  }, [online, tr]);

  const apply = () => {
    if (kind === 'demo' || kind === 'none') return actions.setBasemap({ kind });
    if (kind === 'tianditu') {
      const key = tdKey.trim();
      if (!TIANDITU_KEY.test(key)) return setProblem(tr('ui.basemap.tiandituKeyBad'));
      setProblem(null);
      return actions.setBasemap({ kind, layer: tdLayer, key });
    }
    if (kind === 'pmtiles-url') {
      if (!isHttpUrl(url)) return setProblem(tr('ui.basemap.badUrl'));
      setProblem(null);
      actions.setBasemap({ kind, url });
    }
    if (kind === 'tiles-url') {
      if (xyzUrlProblem(url)) return setProblem(tr('ui.basemap.badTemplate'));
      setProblem(null);
      actions.setBasemap({ kind, url, attribution: credit.trim() });
    }
  };

  return (
    <section class="panel" aria-labelledby="basemap-h">
      <h2 id="basemap-h">{tr('ui.basemap')}</h2>
      <select data-testid="basemap-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as Kind)}>
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {tr(`ui.basemap.${k}`)}
          </option>
        ))}
      </select>
      {kind === 'tianditu' && (
        <>
          <select data-testid="tianditu-layer" aria-label={tr('ui.basemap.tiandituLayer')} value={tdLayer} onChange={(e) => setTdLayer(e.currentTarget.value as 'vec' | 'img')}>
            <option value="vec">{tr('ui.basemap.tianditu.vec')}</option>
            <option value="img">{tr('ui.basemap.tianditu.img')}</option>
          </select>
          <input
            type="text"
            data-testid="tianditu-key"
            autocomplete="off"
            spellcheck={false}
            placeholder={tr('ui.basemap.tiandituKey')}
            aria-label={tr('ui.basemap.tiandituKey')}
            value={tdKey}
            onInput={(e) => setTdKey(e.currentTarget.value)}
          />
          <p class="note">{tr('ui.basemap.tiandituNote')}</p>
        </>
      )}
      {(kind === 'pmtiles-url' || kind === 'tiles-url') && (
        <input
          type="url"
          data-testid="basemap-url"
          placeholder={kind === 'tiles-url' ? 'https://…/{z}/{x}/{y}.png' : 'https://…/city.pmtiles'}
          value={url}
          onInput={(e) => setUrl(e.currentTarget.value)}
        />
      )}
      {kind === 'pmtiles-file' && (
        <label class="file">
          <FileInput
            data-testid="basemap-file"
            accept=".pmtiles"
            onChange={(e) => {
              const f = e.currentTarget.files?.[0];
              if (f) void actions.useBasemapFile(f);
            }}
          />
        </label>
      )}
      {kind !== 'pmtiles-file' && (
        <button type="button" data-testid="basemap-apply" onClick={apply}>
          {tr('ui.apply')}
        </button>
      )}
      {kind === 'tiles-url' && (
        <input type="text" placeholder={tr('ui.basemap.credit')} aria-label={tr('ui.basemap.credit')} value={credit} onInput={(e) => setCredit(e.currentTarget.value)} />
      )}
      {kind === 'tiles-url' && <p class="note">{tr('ui.basemap.online')}</p>}
      {problem && <p class="error">{problem}</p>}
      {blocked && blocked === online && (
        <div class="error" data-testid="basemap-blocked">
          <p>{tr('ui.basemap.blocked', { origin: blocked })}</p>
          {/* the build setting is for whoever deploys the app, not for the planner */}
          <details>
            <summary>{tr('ui.basemap.blocked.adminFold')}</summary>
            <p class="note">{tr('ui.basemap.blocked.admin', { origin: blocked })}</p>
          </details>
        </div>
      )}
      {current.kind === 'pmtiles-file' && (
        <p class="note" data-testid="basemap-current-file">
          {tr('ui.basemap.file', { name: current.name })}
        </p>
      )}
    </section>
  );
}

/** The origin of a URL or an XYZ template ({z}/{x}/{y} filled in), or undefined. */
function originOf(url: string): string | undefined {
  try {
    return new URL(url.replace(/\{[^}]*\}/g, '0')).origin;
  } catch {
    return undefined;
  }
}
