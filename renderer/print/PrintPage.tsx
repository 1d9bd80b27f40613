// A briefing pack's print page (#/print?pack=<id>), laid out for A4 landscape: a title page, then one page per
// scene drawn by the wall's own tiles as of the scene's time (each scene its own session pinned to that time),
// with the provenance of its figures, the page number and the classification as a line and a watermark. When
// every scene has its picture and the fonts are in, it says so (`<html data-print-ready="yes">`) and the host
// prints it.
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BridgeParams } from '../../src/contract/bridge.js';
import type { PackScene, PackSpec } from '../../src/contract/briefing-pack.js';
import { formatDate, formatDateTime } from '../../src/i18n/format.js';
import { setLocale } from '../app/i18n';
import { BridgeClient } from '../bridge/bridge-client';
import { StatusPage } from '../ui/StatusPage';
import { SessionProvider } from '../state/session-context';
import { ScenePage } from './ScenePage';
import './print.css';

/** After the last scene's picture: time for charts (drawn at most once a second) and history to settle. */
const SETTLE_MS = 2500;

export function PrintPage({ params, packId }: { params: BridgeParams; packId: string }): ReactNode {
  const { t } = useTranslation();
  const [spec, setSpec] = useState<PackSpec | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [ready, setReady] = useState<ReadonlySet<number>>(new Set());

  useEffect(() => {
    const client = new BridgeClient(params);
    const off = client.onConnection((c) => {
      if (c.state !== 'connected') return;
      client.call('printPack', { id: packId }).then(
        (s) => {
          setLocale('vi');
          setSpec(s);
        },
        (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
      );
    });
    client.connect();
    return () => {
      off();
      client.close();
    };
  }, [params, packId]);

  const total = spec ? spec.scenes.length + 1 : 0;
  useEffect(() => {
    if (error) document.documentElement.dataset.printReady = 'error';
  }, [error]);
  useEffect(() => {
    if (!spec || ready.size < spec.scenes.length) return;
    let alive = true;
    void document.fonts.ready.then(() =>
      setTimeout(() => {
        if (alive) document.documentElement.dataset.printReady = 'yes';
      }, SETTLE_MS),
    );
    return () => {
      alive = false;
    };
  }, [spec, ready]);

  if (error) return <StatusPage tone="error" title={t('pack.failed', { error })} />;
  if (!spec) return <StatusPage title={t('app.loading')} />;
  const classification = t(`pack.classification.${spec.classification}`);
  return (
    <div className="print">
      <section className="print-page print-title" data-testid="print-title">
        <Watermark text={classification} />
        <p className="print-title__classification">{classification}</p>
        <p className="print-title__kind">{t('pack.kind')}</p>
        <h1 className="print-title__name">{spec.name}</h1>
        <p>{t('pack.date', { date: formatDate(spec.createdAt) })}</p>
        <p>{t('pack.presenter', { name: spec.presenter })}</p>
        <p>{t('pack.sceneCount', { count: spec.scenes.length })}</p>
        <ol className="print-title__scenes">
          {spec.scenes.map((scene, i) => (
            <li key={i}>
              {scene.title} — {t('timeCursor.bar', { time: formatDateTime(scene.asOf) })}
            </li>
          ))}
        </ol>
        <PageFooter page={1} total={total} classification={classification} />
      </section>
      {spec.scenes.map((scene, i) => (
        <SessionProvider
          key={i}
          params={params}
          request={{ role: 'briefing', asOf: scene.asOf }}
          fallback={<section className="print-page" />}
        >
          <ScenePage
            scene={scene as PackScene & { asOf: number }}
            onReady={() => setReady((r) => (r.has(i) ? r : new Set(r).add(i)))}
            footer={<PageFooter page={i + 2} total={total} classification={classification} />}
            watermark={<Watermark text={classification} />}
          />
        </SessionProvider>
      ))}
    </div>
  );
}

function Watermark({ text }: { text: string }): ReactNode {
  return (
    <div className="print-watermark" aria-hidden="true">
      {text}
    </div>
  );
}

function PageFooter({
  page,
  total,
  classification,
}: {
  page: number;
  total: number;
  classification: string;
}): ReactNode {
  const { t } = useTranslation();
  return (
    <footer className="print-footer">
      <span className="print-footer__classification">{classification}</span>
      <span>{t('pack.page', { page, total })}</span>
    </footer>
  );
}
