// Choice of base map: the embedded demo archive, the user's own .pmtiles (file or URL), an
// online XYZ tile URL, or none. The choice is remembered (localStorage; a picked file in IndexedDB).
import { useEffect, useState } from 'preact/hooks';
import { xyzUrlProblem } from '../map/basemap-style';
import { isHttpUrl, type BasemapChoice } from '../state/persist';
import { useApp, useT } from './context';
import { FileInput } from './FileInput';

type Kind = BasemapChoice['kind'];
const KINDS: Kind[] = ['demo', 'pmtiles-file', 'pmtiles-url', 'tiles-url', 'none'];

export function BasemapPicker() {
  const { state, actions } = useApp();
  const tr = useT();
  const current = state.basemap.value;
  const [kind, setKind] = useState<Kind>(current.kind);
  const [url, setUrl] = useState('url' in current ? current.url : '');
  const [credit, setCredit] = useState(current.kind === 'tiles-url' ? (current.attribution ?? '') : '');
  const [problem, setProblem] = useState<string | null>(null);
  const [blocked, setBlocked] = useState<string | null>(null);
  const online = current.kind === 'tiles-url' || current.kind === 'pmtiles-url' ? originOf(current.url) : undefined;

  // an online source the deployment's CSP (connect-src) does not list: the browser blocks every
  // tile silently; say so where the source was chosen
  useEffect(() => {
    if (!online) return;
    const onViolation = (e: SecurityPolicyViolationEvent) => {
      if (originOf(e.blockedURI) === online) setBlocked(online);
    };
    document.addEventListener('securitypolicyviolation', onViolation);
    return () => document.removeEventListener('securitypolicyviolation', onViolation);
  }, [online, tr]);

  const apply = () => {
    if (kind === 'demo' || kind === 'none') return actions.setBasemap({ kind });
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
