// A clock tile: the time in each zone, large, with the zone's name, offset ("UTC+7") and date with its weekday
// ("Thứ Năm, 05/03/2026").
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { localMoment } from '../../../src/domain/presets/wall-schedule.js';
import { formatDate, formatTime, formatUtcOffset } from '../../../src/i18n/format.js';
import { useNow } from '../../state/now';
import { useSessionSnapshot } from '../../state/session-context';
import type { WidgetProps } from '../widget-definition';
import { zoneCity, zoneLabelKey, type ClockSettings } from './clock-settings';

export function ClockView({ settings }: WidgetProps<ClockSettings>): ReactNode {
  const { t } = useTranslation();
  const { clockOffsetMs } = useSessionSnapshot();
  const now = useNow(clockOffsetMs);
  const weekdays = t('clock.weekdays').split(',');
  return (
    <ul className={`clock clock--${settings.zones.length > 1 ? 'several' : 'one'}`}>
      {settings.zones.map((zone) => {
        const key = zoneLabelKey(zone);
        return (
          <li key={zone} className="clock__zone">
            <span className="clock__label">
              {key ? t(key) : zoneCity(zone)}
              {key !== 'clock.utc' && <span className="clock__offset"> {formatUtcOffset(now, zone)}</span>}
            </span>
            <time className="clock__time" dateTime={new Date(now).toISOString()}>
              {formatTime(now, zone)}
            </time>
            <span className="clock__date">
              {weekdays[localMoment(now, zone).weekday - 1]}, {formatDate(now, zone)}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
