// A scene's focus: per tile of the scene's preset, a map zoomed on provinces, a chart's time range or a KPI
// highlighted. Only tiles of the preset can be chosen; a kind that does not fit the tile is still allowed (a
// widget that cannot honour a focus ignores it).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TileFocus } from '../../../src/domain/briefing/briefing-schema.js';
import type { PresetPayload } from '../../../src/domain/presets/preset-schema.js';
import { PROVINCES } from '../../../src/domain/provinces.js';
import { fromLocalInput, toLocalInput } from './time-input';

const HOUR = 3_600_000;
const KINDS = ['map', 'chart', 'kpi'] as const;
const KIND_LABEL = { map: 'briefing.focusMap', chart: 'briefing.focusChart', kpi: 'briefing.focusKpi' } as const;

/** A focus of this kind on this tile, with defaults a leader then adjusts. */
function focusOf(kind: TileFocus['kind'], surfaceId: string, tileId: string, now: number): TileFocus {
  if (kind === 'map') return { kind, surfaceId, tileId, provinces: ['01'] };
  if (kind === 'chart') return { kind, surfaceId, tileId, from: now - 7 * 24 * HOUR, to: now };
  return { kind, surfaceId, tileId };
}

interface FocusEditorProps {
  focus: readonly TileFocus[];
  preset: PresetPayload | undefined;
  onChange: (focus: TileFocus[]) => void;
}

export function FocusEditor({ focus, preset, onChange }: FocusEditorProps): ReactNode {
  const { t } = useTranslation();
  const tiles = Object.entries(preset?.layouts ?? {}).flatMap(([surfaceId, l]) =>
    l.tiles.map((tile) => ({ surfaceId, tileId: tile.id, kind: tile.kind })),
  );
  const free = tiles.filter((x) => !focus.some((f) => f.surfaceId === x.surfaceId && f.tileId === x.tileId));
  const set = (i: number, f: TileFocus): void => onChange(focus.map((g, j) => (j === i ? f : g)));
  return (
    <fieldset className="briefing__focus">
      <legend>{t('briefing.focus')}</legend>
      {focus.map((f, i) => (
        <div key={`${f.surfaceId}/${f.tileId}`} className="briefing__focus-row">
          <span>
            {t('briefing.tile')}: {f.surfaceId} · {f.tileId}
          </span>
          <select
            value={f.kind}
            aria-label={t('briefing.focus')}
            onChange={(e) => set(i, focusOf(e.target.value as TileFocus['kind'], f.surfaceId, f.tileId, Date.now()))}
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(KIND_LABEL[k])}
              </option>
            ))}
          </select>
          {f.kind === 'map' && (
            <select
              multiple
              size={4}
              aria-label={t('briefing.provinces')}
              value={f.provinces}
              onChange={(e) => {
                const provinces = [...e.target.selectedOptions].map((o) => o.value);
                if (provinces.length > 0) set(i, { ...f, provinces });
              }}
            >
              {PROVINCES.map((p) => (
                <option key={p.code} value={p.code}>
                  {p.name}
                </option>
              ))}
            </select>
          )}
          {f.kind === 'chart' && (
            <>
              <label>
                {t('briefing.from')}{' '}
                <input
                  type="datetime-local"
                  value={toLocalInput(f.from)}
                  onChange={(e) => set(i, { ...f, from: fromLocalInput(e.target.value) ?? f.from })}
                />
              </label>
              <label>
                {t('briefing.to')}{' '}
                <input
                  type="datetime-local"
                  value={toLocalInput(f.to)}
                  onChange={(e) => set(i, { ...f, to: fromLocalInput(e.target.value) ?? f.to })}
                />
              </label>
            </>
          )}
          <button type="button" className="button" onClick={() => onChange(focus.filter((_, j) => j !== i))}>
            {t('briefing.removeFocus')}
          </button>
        </div>
      ))}
      {free.length > 0 && (
        <label>
          {t('briefing.addFocus')}{' '}
          <select
            value=""
            onChange={(e) => {
              const tile = free.find((x) => `${x.surfaceId}/${x.tileId}` === e.target.value);
              if (!tile) return;
              const kind = tile.kind === 'map' ? 'map' : tile.kind === 'timeseries' ? 'chart' : 'kpi';
              onChange([...focus, focusOf(kind, tile.surfaceId, tile.tileId, Date.now())]);
            }}
          >
            <option value="">—</option>
            {free.map((x) => (
              <option key={`${x.surfaceId}/${x.tileId}`} value={`${x.surfaceId}/${x.tileId}`}>
                {x.surfaceId} · {x.tileId} ({x.kind})
              </option>
            ))}
          </select>
        </label>
      )}
    </fieldset>
  );
}
