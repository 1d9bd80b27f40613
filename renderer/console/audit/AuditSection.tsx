// "Nhật ký thao tác": the hub's audit trail as this person may see it — filtered by target (`preset:<id>`,
// `alert:<id>`), person and action, newest first — and what is shown exported as CSV or JSON lines. A preset's
// "Lịch sử" button (and later the alarm desk) opens it on one target through `trail`.
import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditFilter, AuditRow } from '../../../src/contract/people.js';
import { isoDateInZone } from '../../../src/i18n/format.js';
import { callErrorText } from '../../app/ConnectingPage';
import { BridgeCallError } from '../../bridge/bridge-client';
import { useSession, useSessionSnapshot } from '../../state/session-context';
import { auditCsv, auditJsonl, auditTime } from './audit-export';
import { downloadText } from './download';

/** A request to show one target's trail; `n` changes with every request, so asking again reloads. */
export interface TrailRequest {
  target: string;
  n: number;
}

interface Fields {
  target: string;
  person: string;
  action: string;
}

const EMPTY: Fields = { target: '', person: '', action: '' };

type Loaded =
  | { state: 'loading' }
  | { state: 'done'; rows: AuditRow[] }
  | { state: 'failed'; error: string }
  /** Not an admin and no target: the hub shows others only the trail of one thing, so nothing is asked. */
  | { state: 'pick-target' };

export function AuditSection({ trail }: { trail: TrailRequest | null }): ReactNode {
  const { t } = useTranslation();
  const session = useSession();
  const admin = useSessionSnapshot().person?.roles.includes('admin') ?? false;
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const section = useRef<HTMLElement>(null);
  const asked = useRef(0);

  const load = useCallback(
    (f: Fields): void => {
      const filter: AuditFilter = { limit: 200 };
      if (f.target.trim()) filter.target = f.target.trim();
      if (f.person.trim()) filter.person = f.person.trim();
      if (f.action.trim()) filter.action = f.action.trim();
      const n = ++asked.current;
      if (!admin && !filter.target) {
        setLoaded({ state: 'pick-target' });
        return;
      }
      setLoaded({ state: 'loading' });
      session.client
        .call('audit', filter)
        .then(
          (rows) => n === asked.current && setLoaded({ state: 'done', rows: [...rows].sort((a, b) => b.seq - a.seq) }),
        )
        .catch((err: unknown) => {
          if (n !== asked.current) return;
          const error = err instanceof BridgeCallError ? callErrorText(err, t) : String(err);
          setLoaded({ state: 'failed', error });
        });
    },
    [session, t, admin],
  );

  // The whole trail at first; one target's when a preset's "Lịch sử" asks.
  useEffect(() => {
    const next = trail ? { ...EMPTY, target: trail.target } : EMPTY;
    setFields(next);
    load(next);
    if (trail) section.current?.scrollIntoView({ block: 'start' });
  }, [trail, load]);

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    load(fields);
  };
  const rows = loaded.state === 'done' ? loaded.rows : [];
  const fileName = `nhat-ky-thao-tac-${isoDateInZone(Date.now())}`;

  return (
    <section className="audit" ref={section} aria-labelledby="audit-title" data-testid="audit">
      <h2 id="audit-title">{t('audit.title')}</h2>
      <form className="audit__filter" onSubmit={submit}>
        {(['target', 'person', 'action'] as const).map((name) => (
          <div className="field" key={name}>
            <label htmlFor={`audit-${name}`}>{t(`audit.${name}`)}</label>
            <input
              id={`audit-${name}`}
              type="text"
              maxLength={name === 'target' ? 256 : 64}
              value={fields[name]}
              placeholder={name === 'target' ? 'preset:…, alert:…' : undefined}
              onChange={(e) => setFields({ ...fields, [name]: e.target.value })}
              data-testid={`audit-${name}`}
            />
          </div>
        ))}
        <button type="submit" className="button button--primary" data-testid="audit-search">
          {t('audit.search')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            setFields(EMPTY);
            load(EMPTY);
          }}
        >
          {t('audit.clear')}
        </button>
        <button
          type="button"
          className="button"
          disabled={rows.length === 0}
          onClick={() => downloadText(`${fileName}.csv`, auditCsv(rows), 'text/csv;charset=utf-8')}
          data-testid="audit-export-csv"
        >
          {t('audit.exportCsv')}
        </button>
        <button
          type="button"
          className="button"
          disabled={rows.length === 0}
          onClick={() => downloadText(`${fileName}.jsonl`, auditJsonl(rows), 'application/x-ndjson')}
          data-testid="audit-export-jsonl"
        >
          {t('audit.exportJsonl')}
        </button>
      </form>
      {loaded.state === 'loading' && <p role="status">{t('audit.loading')}</p>}
      {loaded.state === 'pick-target' && <p role="status">{t('audit.pickTarget')}</p>}
      {loaded.state === 'failed' && (
        <p className="console__error" role="alert">
          {t('audit.failed', { error: loaded.error })}
        </p>
      )}
      {loaded.state === 'done' &&
        (rows.length === 0 ? (
          <p>{t('audit.none')}</p>
        ) : (
          <>
            <p className="audit__count">{t('audit.count', { count: rows.length })}</p>
            <table className="audit__rows">
              <thead>
                <tr>
                  <th scope="col">{t('audit.time')}</th>
                  <th scope="col">{t('audit.person')}</th>
                  <th scope="col">{t('audit.device')}</th>
                  <th scope="col">{t('audit.action')}</th>
                  <th scope="col">{t('audit.target')}</th>
                  <th scope="col">{t('audit.outcome')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.seq} data-testid="audit-row">
                    <td>{auditTime(r.time)}</td>
                    <td>{r.person ?? '—'}</td>
                    <td>{r.device ?? '—'}</td>
                    <td>{r.action}</td>
                    <td>{r.target ?? '—'}</td>
                    <td>{r.outcome}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ))}
    </section>
  );
}
