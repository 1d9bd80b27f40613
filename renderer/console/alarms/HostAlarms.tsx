// The host's own alarms (main/host/hub-link-alarm.ts: the hub unreachable too long), raised on this machine so they
// show offline too. They are not the hub's: nobody acknowledges them, they end when the link is back.
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Alarm } from '../../../src/domain/alarms/alarm-schema.js';
import { PriorityIcon } from '../../ui/icons';
import { useSession } from '../../state/session-context';

function useHostAlarms(): readonly Alarm[] {
  const session = useSession();
  const [alarms, setAlarms] = useState<readonly Alarm[]>([]);
  useEffect(() => {
    let live = true;
    session.client.call('status', {}).then(
      (s) => live && setAlarms(s.alarms),
      () => undefined,
    );
    const off = session.client.on('hostAlarms', (a) => setAlarms(a));
    return () => {
      live = false;
      off();
    };
  }, [session]);
  return alarms;
}

export function HostAlarms(): ReactNode {
  const { t } = useTranslation();
  const alarms = useHostAlarms();
  if (alarms.length === 0) return null;
  return (
    <ul className="desk-banner desk-banner--host" role="alert" data-testid="desk-host-alarms">
      {alarms.map((a) => (
        <li key={a.id}>
          <PriorityIcon priority={a.priority} /> {t(`priority.${a.priority}`)}: {a.title} — {t('desk.hostAlarm')}
        </li>
      ))}
    </ul>
  );
}
