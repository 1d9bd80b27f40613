// The presets everyone shares, with the one on the wall marked, a button to show each on the wall (manual
// override), "back to schedule" and the schedule's next change (the schedule is edited below: ScheduleEditor),
// and each preset's audit trail. Buttons of commands the person may not run are left out.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { WallPresetStatus } from '../../../src/contract/host-status.js';
import type { PresetPayload } from '../../../src/domain/presets/preset-schema.js';
import { formatDate, formatTime } from '../../../src/i18n/format.js';
import { useMayRun } from '../people/use-may-run';

interface PresetListProps {
  presets: readonly PresetPayload[];
  byId: ReadonlyMap<string, PresetPayload>;
  wall: WallPresetStatus | undefined;
  editing: string | null;
  busy: boolean;
  onEdit: (preset: PresetPayload) => void;
  onNew: () => void;
  onActivate: (presetId: string) => void;
  onRevert: () => void;
  /** Shows the preset's audit trail. */
  onTrail: (presetId: string) => void;
}

export function PresetList(props: PresetListProps): ReactNode {
  const { t } = useTranslation();
  const { wall, byId } = props;
  const mayActivate = useMayRun('wall.activate');
  const mayRevert = useMayRun('wall.revertToSchedule');
  const mayEdit = useMayRun('preset.save');
  const nameOf = (id: string | null): string => (id ? (byId.get(id)?.name ?? id) : t('editor.defaultLayouts'));
  return (
    <div className="preset-list">
      <div className="preset-list__state" role="status" data-testid="wall-state">
        {wall?.override ? (
          <p>
            <strong>{t('editor.override', { name: wall.name ?? wall.activePresetId })}</strong>
          </p>
        ) : (
          <p>
            {t('editor.followsSchedule')}: <strong>{nameOf(wall?.activePresetId ?? null)}</strong>
          </p>
        )}
        <p className="preset-list__next">
          {wall?.nextChange
            ? t('editor.nextChange', {
                time: formatTime(wall.nextChange.at).slice(0, 5),
                date: formatDate(wall.nextChange.at),
                name: nameOf(wall.nextChange.presetId),
              })
            : t('editor.noNextChange')}
        </p>
        {mayRevert && (
          <button
            type="button"
            className="button"
            disabled={!wall?.override || props.busy}
            onClick={props.onRevert}
            data-testid="revert-to-schedule"
          >
            {t('editor.backToSchedule')}
          </button>
        )}
      </div>
      <h3>{t('editor.presets')}</h3>
      {props.presets.length === 0 && <p>{t('editor.noPresets')}</p>}
      <ul className="preset-list__items">
        {props.presets.map((p) => {
          const onWall = wall?.activePresetId === p.id;
          return (
            <li
              key={p.id}
              className={`preset-list__item${props.editing === p.id ? ' preset-list__item--editing' : ''}`}
              data-preset-id={p.id}
            >
              <div className="preset-list__name">
                {onWall && <span className="badge badge--ok">● {t('editor.onWall')}</span>} <strong>{p.name}</strong>
                <small>
                  {' '}
                  {t('editor.version', { version: p.version })} ·{' '}
                  {t('editor.updated', {
                    by: p.updatedBy,
                    time: formatTime(p.updatedAt).slice(0, 5),
                    date: formatDate(p.updatedAt),
                  })}
                </small>
              </div>
              <div className="preset-list__actions">
                {mayEdit && (
                  <button type="button" className="button" onClick={() => props.onEdit(p)}>
                    {t('editor.edit')}
                  </button>
                )}
                {mayActivate && (
                  <button
                    type="button"
                    className="button"
                    disabled={props.busy || (onWall && wall?.override === true)}
                    onClick={() => props.onActivate(p.id)}
                  >
                    {t('editor.activate')}
                  </button>
                )}
                <button type="button" className="button" onClick={() => props.onTrail(p.id)}>
                  {t('audit.history')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      {mayEdit && (
        <button type="button" className="button" onClick={props.onNew}>
          + {t('editor.newPreset')}
        </button>
      )}
      <p className="preset-list__schedule-hint">{t('editor.scheduleBelow')}</p>
    </div>
  );
}
