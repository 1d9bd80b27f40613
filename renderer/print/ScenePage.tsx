// One scene of a briefing pack on its A4 page: its title and time, the preset's layout of every surface drawn by
// the wall's tiles from this page's session (pinned to the scene's time), the notes, and where the figures come
// from. Says it is ready once the session has its picture.
import { arrangePicture } from './picture-arrangement';
import { useEffect, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackScene } from '../../src/contract/briefing-pack.js';
import { KnownTopic } from '../../src/contract/hub-protocol.js';
import type { Rect, SurfaceLayout } from '../../src/contract/wall.js';
import { PresetPayload } from '../../src/domain/presets/preset-schema.js';
import { formatDateTime, formatPeriod } from '../../src/i18n/format.js';
import { TopicLabel } from '../ui/TopicLabel';
import { useLatest, useSessionSnapshot } from '../state/session-context';
import { TileView } from '../wall/TileView';
import { instantiateTile } from '../widgets/registry';
import { sceneProvenance, type TileReading } from './scene-provenance';

interface ScenePageProps {
  scene: PackScene & { asOf: number };
  onReady: () => void;
  footer: ReactNode;
  watermark: ReactNode;
}

/** What a tile's settings say it reads beyond its topics: one key, one indicator. */
function readingOf(kind: string, settings: unknown): TileReading | null {
  const made = instantiateTile(kind, settings);
  if (!made.ok || made.tile.topics.length === 0) return null;
  const s = typeof settings === 'object' && settings !== null ? (settings as Record<string, unknown>) : {};
  return {
    topics: made.tile.topics,
    key: typeof s.key === 'string' ? s.key : undefined,
    indicator: typeof s.indicator === 'string' ? s.indicator : undefined,
  };
}

export function ScenePage({ scene, onReady, footer, watermark }: ScenePageProps): ReactNode {
  const { t } = useTranslation();
  const { hello } = useSessionSnapshot();
  const values = useLatest(['wall.presets']);
  const presetEvent = values.get('wall.presets', scene.presetId);
  const parsed = presetEvent ? PresetPayload.safeParse(presetEvent.payload) : null;
  const preset = parsed?.success && !parsed.data.deleted ? parsed.data : null;
  const surfaces = useMemo(
    () =>
      (hello?.surfaces ?? []).map((s) => ({
        id: s.id,
        bounds: s.bounds,
        layout: (preset?.layouts[s.id] ?? s.layout) as SurfaceLayout,
      })),
    [hello, preset],
  );
  const allValues = useLatest(KnownTopic.options);
  const provenance = useMemo(() => {
    const readings = surfaces
      .flatMap((s) => s.layout.tiles.map((tile) => readingOf(tile.kind, tile.settings)))
      .filter((r): r is TileReading => r !== null);
    return sceneProvenance(readings, allValues.all()).slice(0, 10);
  }, [surfaces, allValues]);
  const loaded = hello !== null;
  useEffect(() => {
    if (loaded) onReady();
  }, [loaded, onReady]);

  return (
    <section className="print-page print-scene" data-testid="print-scene">
      {watermark}
      <header className="print-scene__header">
        <h2>{scene.title}</h2>
        <strong className="print-scene__as-of">{t('timeCursor.bar', { time: formatDateTime(scene.asOf) })}</strong>
      </header>
      {loaded && !preset && <p className="print-scene__notice">{t('pack.presetMissing', { id: scene.presetId })}</p>}
      <div className="print-scene__surfaces">
        <WallPicture surfaces={surfaces} />
      </div>

      {scene.notes && (
        <p className="print-scene__notes">
          <strong>{t('pack.notes')}:</strong> {scene.notes}
        </p>
      )}
      <div className="print-provenance" data-testid="print-provenance">
        <strong>{t('pack.provenance')}:</strong>
        {provenance.length === 0 ? (
          <span> {t('pack.noFigures')}</span>
        ) : (
          <ul>
            {provenance.map((p, i) => (
              <li key={i}>
                <TopicLabel topic={p.topic} fallback={p.topic} /> —{' '}
                {[
                  p.source ? t('pack.source', { source: p.source }) : t('pack.systemSource'),
                  p.period && formatPeriod(p.period),
                  p.status && t(`pack.${p.status}`),
                  t('pack.updated', { time: formatDateTime(p.newest) }),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </li>
            ))}
          </ul>
        )}
      </div>
      {footer}
    </section>
  );
}

/** Room the wall's picture has on the page, in CSS px (A4 landscape at 96 dpi, less the page's other parts). */
const PICTURE = { width: 1043, height: 470 };

/**
 * The wall: every surface at its real size in pixels (so its tiles lay out as on the wall, whose type is sized from
 * the window's height), at its place or folded into rows when the wall is much wider than the page, the whole
 * scaled down to fit the page.
 */
function WallPicture({
  surfaces,
}: {
  surfaces: readonly { id: string; bounds: Rect; layout: SurfaceLayout }[];
}): ReactNode {
  if (surfaces.length === 0) return null;
  const { places, width, height, scale } = arrangePicture(
    surfaces.map((s) => s.bounds),
    PICTURE,
  );
  return (
    <div className="print-wall" style={{ width: width * scale, height: height * scale }}>
      <div className="print-wall__inner" style={{ width, height, transform: `scale(${scale})` }}>
        {surfaces.map((s, i) => (
          <div
            key={s.id}
            className="print-surface"
            style={{
              left: places[i]!.x,
              top: places[i]!.y,
              width: s.bounds.width,
              height: s.bounds.height,
              fontSize: s.bounds.height * WALL_TYPE_SCALE,
            }}
          >
            <div
              className="wall__grid"
              style={{
                gridTemplateColumns: `repeat(${s.layout.columns}, minmax(0, 1fr))`,
                gridTemplateRows: `repeat(${s.layout.rows}, minmax(0, 1fr))`,
              }}
            >
              {s.layout.tiles.map((tile) => (
                <TileView key={tile.id} tile={tile} layout={s.layout} />
              ))}
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}

/** The wall's type: 2,6 % of the window's height (`.wall` in theme.css). */
const WALL_TYPE_SCALE = 0.026;
