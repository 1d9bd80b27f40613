// "Phản ứng đang chạy": what the wall is doing in answer to alarms (wall.responses), most urgent first, each
// with when it ends and a button to take it off the wall (`wall.cancelResponse`, through the outbox, audited).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActiveResponse } from '../../../src/domain/alarms/response-schema.js';
import { provinceName } from '../../../src/domain/provinces.js';
import { formatTime } from '../../../src/i18n/format.js';
import { useLocale } from '../../app/i18n';
import { eventsOf } from '../../state/payloads';
import { useLatest, useSessionSnapshot } from '../../state/session-context';
import { PriorityIcon } from '../../ui/icons';
import { useCommand } from '../editor/use-command';
import { mayRun } from '../people/may-run';

export function ResponsesSection(): ReactNode {
  const { t } = useTranslation();
  const values = useLatest(['wall.responses']);
  const { person } = useSessionSnapshot();
  const { state, run } = useCommand();
  const current = eventsOf(values, 'wall.responses')[0]?.payload;
  const active = current?.active ?? [];
  const mayCancel = mayRun(person, 'wall.cancelResponse');
  return (
    <section className="responses" aria-labelledby="responses-title">
      <h2 id="responses-title">{t('alarmWall.responsesTitle')}</h2>
      {current?.heldByBriefing && <p role="status">{t('alarmWall.responsesHeld')}</p>}
      {active.length === 0 && !current?.heldByBriefing && <p>{t('alarmWall.responsesNone')}</p>}
      <ul className="responses__list">
        {active.map((r) => (
          <li key={`${r.alarmId}@${r.activatedAt}`} data-alarm-id={r.alarmId}>
            <PriorityIcon priority={r.priority} /> {t(`priority.${r.priority}`)} · <strong>{r.title}</strong> ·{' '}
            <ResponseText response={r} /> ·{' '}
            {r.revertAt === null
              ? t('alarmWall.untilAcknowledged')
              : t('alarmWall.until', { time: formatTime(r.revertAt) })}{' '}
            {mayCancel && (
              <button type="button" onClick={() => run('wall.cancelResponse', { alarmId: r.alarmId })}>
                {t('alarmWall.cancel')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {state.phase === 'applied' && <p role="status">{t('alarmWall.cancelled')}</p>}
      {(state.phase === 'rejected' || state.phase === 'failed') && <p role="alert">{state.message}</p>}
    </section>
  );
}

function ResponseText({ response: r }: { response: ActiveResponse }): ReactNode {
  const { t } = useTranslation();
  const locale = useLocale();
  const { response } = r;
  switch (response.kind) {
    case 'show-preset':
      return t('alarmWall.kind.show-preset', { preset: response.presetId, monitors: response.monitors.join(', ') });
    case 'zoom-map':
      return t('alarmWall.kind.zoom-map', {
        province: r.province ? provinceName(r.province, locale) : t('alerts.national'),
      });
    case 'camera':
      return t('alarmWall.kind.camera', { tile: response.tileId });
  }
}
