// One row of the schedule editor: its preset, seven weekday toggles, from and to (24-hour HH:mm), its preview in words, and
// the buttons that move it up or down (the first matching row wins) or remove it. Errors sit beside their field.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresetPayload } from '../../../src/domain/presets/preset-schema.js';
import { type DraftEntry, type EntryField, normalizeTime, type ScheduleErrorCode } from './schedule-draft';

interface ScheduleEntryRowProps {
  entry: DraftEntry;
  index: number;
  count: number;
  presets: readonly PresetPayload[];
  errors: Partial<Record<EntryField, ScheduleErrorCode>>;
  preview: string;
  onPreset: (presetId: string) => void;
  onToggleDay: (day: number) => void;
  onTime: (field: 'from' | 'to', value: string) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

export function ScheduleEntryRow(props: ScheduleEntryRowProps): ReactNode {
  const { t } = useTranslation();
  const { entry, index, errors } = props;
  const n = index + 1;
  const id = `schedule-${entry.key}`;
  const dayShort = t('editor.days').split(',');
  const dayLong = t('schedule.dayNames').split(',');
  const known = props.presets.some((p) => p.id === entry.presetId);
  const error = (field: EntryField): ReactNode =>
    errors[field] ? (
      <p id={`${id}-${field}-error`} className="field__error" role="alert" data-field-error={field}>
        ⚠ {t(`schedule.error.${errors[field]}`)}
      </p>
    ) : null;
  const invalid = (field: EntryField): string => (errors[field] ? ' field--invalid' : '');
  const described = (field: EntryField): string | undefined => (errors[field] ? `${id}-${field}-error` : undefined);

  return (
    <li className="schedule-row" data-testid="schedule-row" data-entry-index={index}>
      <div className="schedule-row__head">
        <strong className="schedule-row__number">{t('schedule.entry', { n })}</strong>
        <span className="schedule-row__preview" data-testid="schedule-preview">
          {props.preview}
        </span>
      </div>
      <div className="schedule-row__fields">
        <div className={`field${invalid('presetId')}`}>
          <label htmlFor={`${id}-preset`}>{t('schedule.preset')}</label>
          <select
            id={`${id}-preset`}
            value={entry.presetId}
            aria-invalid={errors.presetId ? true : undefined}
            aria-describedby={described('presetId')}
            onChange={(e) => props.onPreset(e.target.value)}
            data-testid="schedule-preset"
          >
            <option value="">{t('schedule.choosePreset')}</option>
            {!known && entry.presetId !== '' && <option value={entry.presetId}>{entry.presetId}</option>}
            {props.presets.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          {error('presetId')}
        </div>
        <fieldset className={`field schedule-row__days${invalid('days')}`} aria-describedby={described('days')}>
          <legend>{t('schedule.days')}</legend>
          <div className="schedule-row__day-buttons">
            {dayShort.map((short, i) => {
              const day = i + 1;
              const on = entry.days.includes(day);
              return (
                <button
                  key={day}
                  type="button"
                  className={`day-toggle${on ? ' day-toggle--on' : ''}`}
                  aria-pressed={on}
                  aria-label={dayLong[i]}
                  title={dayLong[i]}
                  onClick={() => props.onToggleDay(day)}
                  data-day={day}
                >
                  <span aria-hidden="true">{on ? '✓ ' : ''}</span>
                  {short}
                </button>
              );
            })}
          </div>
          {error('days')}
        </fieldset>
        {(['from', 'to'] as const).map((field) => (
          <div key={field} className={`field schedule-row__time${invalid(field)}`}>
            <label htmlFor={`${id}-${field}`}>{t(`schedule.${field}`)}</label>
            {/* Text, not type=time: Chromium draws that in its own locale (06:00 AM); the room reads 24-hour HH:mm. */}
            <input
              id={`${id}-${field}`}
              type="text"
              inputMode="numeric"
              placeholder="HH:mm"
              maxLength={5}
              size={5}
              value={entry[field]}
              aria-invalid={errors[field] ? true : undefined}
              aria-describedby={described(field)}
              onChange={(e) => props.onTime(field, e.target.value)}
              onBlur={(e) => {
                const normal = normalizeTime(e.target.value);
                if (normal !== e.target.value) props.onTime(field, normal);
              }}
              data-testid={`schedule-${field}`}
            />
            {error(field)}
          </div>
        ))}
        <div className="schedule-row__actions">
          <button
            type="button"
            className="button"
            disabled={index === 0}
            aria-label={t('schedule.moveUpLabel', { n })}
            onClick={() => props.onMove(-1)}
          >
            ↑ {t('schedule.moveUp')}
          </button>
          <button
            type="button"
            className="button"
            disabled={index === props.count - 1}
            aria-label={t('schedule.moveDownLabel', { n })}
            onClick={() => props.onMove(1)}
          >
            ↓ {t('schedule.moveDown')}
          </button>
          <button
            type="button"
            className="button button--danger"
            aria-label={t('schedule.removeLabel', { n })}
            onClick={props.onRemove}
          >
            ✕ {t('schedule.remove')}
          </button>
        </div>
      </div>
    </li>
  );
}
