// The alarm desk, the operator's main screen: the open alarms by priority then age, counts by priority always in
// sight, filters, one or several chosen, and every action by keyboard (DESK_KEYS) or mouse, sent through the
// host's outbox so an action made while the hub is away waits on its row ("đang chờ gửi"). New emergencies sound
// and flash until acknowledged; in a flood the list is grouped by rule and area; chattering alarms are flagged.
import {
  useCallback,
  useDeferredValue,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
  type RefObject,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxItem } from '../../../src/contract/bridge.js';
import { chatteringNow, isFlood } from '../../../src/domain/alarms/alarm-metrics.js';
import { ALARM_PRIORITIES, ALARM_STATES, type Alarm } from '../../../src/domain/alarms/alarm-schema.js';
import { provinceName } from '../../../src/domain/provinces.js';
import { formatAge } from '../../../src/i18n/format.js';
import { PriorityOptions, ProvinceOptions } from './choice-options';
import { useLocale } from '../../app/i18n';
import { PriorityIcon } from '../../ui/icons';
import { useNow } from '../../state/now';
import { eventsOf } from '../../state/payloads';
import { useSession, useSessionSnapshot } from '../../state/session-context';
import { useCommand } from '../editor/use-command';
import { useMayRun } from '../people/use-may-run';
import { ActionForm, BulkConfirm, type FormAnswer, type FormRequest } from './ActionForm';
import { AlarmDetail } from './AlarmDetail';
import { type DeskAction, deskAction, DESK_KEYS } from './desk-keys';
import {
  activationsOf,
  type DeskFilter,
  deskList,
  floodGroups,
  NO_FILTER,
  priorityCounts,
  unackedEmergencies,
} from './desk-list';
import { pendingByAlarm, type PendingMark } from './outbox-pending';
import { HostAlarms } from './HostAlarms';
import { PerformancePanel } from './PerformancePanel';
import { useAlarmSound } from './use-alarm-sound';
import './alarms.css';

/** Rows drawn at once: a flood of thousands stays cheap to render under software GL. */
const MAX_ROWS = 100;
const FLOOD_WINDOW_MS = 10 * 60_000;

function useAlarms(): Alarm[] {
  const { latest } = useSession();
  const version = useSyncExternalStore(latest.subscribe, () => latest.version(['ops.alerts']));
  // A flood re-renders the list many times a second: React may skip intermediate versions to answer keys first.
  const deferred = useDeferredValue(version);
  return useMemo(
    () => eventsOf(latest.values, 'ops.alerts').map((e) => e.payload),
    // The version names what `latest.values` holds.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [latest, deferred],
  );
}

function useOutboxItems(): readonly OutboxItem[] {
  const session = useSession();
  const [items, setItems] = useState<readonly OutboxItem[]>([]);
  useEffect(() => {
    let live = true;
    session.client.call('outbox', {}).then(
      (v) => live && setItems(v.items),
      () => undefined,
    );
    const off = session.client.on('outbox', (v) => setItems(v.items));
    return () => {
      live = false;
      off();
    };
  }, [session]);
  return items;
}

function inField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function AlarmDesk(): ReactNode {
  const { t } = useTranslation();
  const locale = useLocale();
  const { clockOffsetMs, person } = useSessionSnapshot();
  const now = useNow(clockOffsetMs);
  const alarms = useAlarms();
  const outbox = useOutboxItems();
  const mayAct = useMayRun('alarm.acknowledge');
  const { state: command, run } = useCommand();

  const [filter, setFilter] = useState<DeskFilter>(NO_FILTER);
  const [cursorId, setCursorId] = useState<string | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [form, setForm] = useState<FormRequest | null>(null);
  const [confirm, setConfirm] = useState<readonly string[] | null>(null);
  const [help, setHelp] = useState(false);
  const rootRef = useRef<HTMLElement>(null);
  const filterRef = useRef<HTMLInputElement>(null);

  const list = useMemo(() => deskList(alarms, filter), [alarms, filter]);
  const counts = useMemo(() => priorityCounts(alarms), [alarms]);
  const activations = useMemo(() => activationsOf(alarms), [alarms]);
  const recent = activations.filter((a) => a.at > now - FLOOD_WINDOW_MS).length;
  const flood = isFlood(activations, now);
  const chattering = useMemo(() => new Set(chatteringNow(activations, now)), [activations, now]);
  const emergencies = useMemo(() => unackedEmergencies(alarms), [alarms]);
  const sound = useAlarmSound(emergencies);
  const marks = useMemo(() => pendingByAlarm(outbox, now), [outbox, now]);
  const escalated = alarms.filter((a) => a.escalation !== null && (a.state === 'unack' || a.state === 'rtnun'));
  const isLeader = person?.roles.includes('leader') ?? false;

  // Flood mode shows the groups in order; the cursor walks the same order.
  const groups = useMemo(() => (flood ? floodGroups(list) : null), [flood, list]);
  const ordered = useMemo(() => (groups ? groups.flatMap((g) => g.alarms) : list), [groups, list]);
  const foundAt = cursorId === null ? -1 : ordered.findIndex((a) => a.id === cursorId);
  const cursor = foundAt >= 0 ? foundAt : 0;
  const current = ordered[cursor] ?? null;

  const targets = (): string[] => {
    const chosen = ordered.filter((a) => selected.has(a.id)).map((a) => a.id);
    return chosen.length > 0 ? chosen : current ? [current.id] : [];
  };

  const acknowledge = (ids: readonly string[]): void => {
    if (ids.length === 0) return;
    run('alarm.acknowledge', { alarmIds: [...ids] });
    setSelected(new Set());
    setConfirm(null);
  };

  const send = (request: FormRequest, answer: FormAnswer): void => {
    const alarmId = request.alarmId;
    if (answer.kind === 'shelve')
      run('alarm.shelve', { alarmId, minutes: answer.minutes, reason: answer.reason, oneShot: answer.oneShot });
    else if (answer.kind === 'note') run('alarm.note', { alarmId, text: answer.text });
    else if (answer.kind === 'assign') run('alarm.assign', { alarmId, unit: answer.unit });
    else run('alarm.resolve', answer.note ? { alarmId, note: answer.note } : { alarmId });
    setForm(null);
    rootRef.current?.focus();
  };

  const openForm = (kind: FormRequest['kind'], alarm: Alarm | null): void => {
    if (alarm) setForm({ kind, alarmId: alarm.id, title: alarm.title });
  };

  const act = (action: DeskAction): void => {
    const move = (to: number) => {
      const next = ordered[Math.max(0, Math.min(ordered.length - 1, to))];
      if (next) setCursorId(next.id);
    };
    switch (action) {
      case 'down':
        return move(cursor + 1);
      case 'up':
        return move(cursor - 1);
      case 'select':
        if (!current) return;
        return setSelected((s) => {
          const next = new Set(s);
          if (!next.delete(current.id)) next.add(current.id);
          return next;
        });
      case 'acknowledge': {
        if (!mayAct) return;
        const ids = targets();
        return ids.length > 1 ? setConfirm(ids) : acknowledge(ids);
      }
      case 'shelve':
      case 'note':
      case 'assign':
      case 'resolve':
        return mayAct ? openForm(action, current) : undefined;
      case 'filter':
        return filterRef.current?.focus();
      case 'mute':
        return sound.toggleMute();
      case 'help':
        return setHelp((h) => !h);
      case 'close':
        setHelp(false);
        setForm(null);
        if (inField(document.activeElement)) rootRef.current?.focus();
        return;
    }
  };
  const actRef = useRef(act);
  actRef.current = act;

  const onKey = useCallback((e: KeyboardEvent) => {
    if (e.defaultPrevented) return;
    // The desk's keys act when the focus is on the desk or on nothing in particular (not in another section).
    const target = e.target;
    const onDesk = target === document.body || (target instanceof Node && !!rootRef.current?.contains(target));
    if (!onDesk) return;
    const action = deskAction({
      key: e.key,
      ctrlKey: e.ctrlKey,
      altKey: e.altKey,
      metaKey: e.metaKey,
      inField: inField(target),
    });
    if (!action) return;
    e.preventDefault();
    actRef.current(action);
  }, []);
  useEffect(() => {
    if (confirm) return;
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onKey, confirm]);

  // The window of rows drawn: around the cursor, at most MAX_ROWS.
  const start = Math.max(0, Math.min(cursor - MAX_ROWS / 2, ordered.length - MAX_ROWS));
  const shown = new Set(ordered.slice(start, start + MAX_ROWS).map((a) => a.id));
  const rules = useMemo(() => [...new Set(alarms.map((a) => a.ruleId))].sort(), [alarms]);

  const row = (a: Alarm): ReactNode => (
    <DeskRow
      key={a.id}
      alarm={a}
      now={now}
      current={a.id === current?.id}
      selected={selected.has(a.id)}
      mark={marks.get(a.id)}
      chattering={chattering.has(a.id)}
      onPick={() => setCursorId(a.id)}
      onShelve={mayAct ? () => openForm('shelve', a) : undefined}
    />
  );

  return (
    <section
      ref={rootRef}
      className={`desk${flood ? ' desk--flood' : ''}`}
      tabIndex={-1}
      aria-labelledby="desk-title"
      data-testid="alarm-desk"
      data-flood={flood}
      data-open={list.length}
      data-sound={sound.state}
      data-muted={sound.muted}
    >
      <header className="desk__head">
        <h2 id="desk-title">{t('desk.title')}</h2>
        <ul className="desk-counts" aria-label={t('desk.counts')} data-testid="desk-counts">
          {ALARM_PRIORITIES.map((p) => (
            <li key={p} className={`desk-count desk-count--${p}`} data-priority={p} data-count={counts[p]}>
              <PriorityIcon priority={p} /> {t(`priority.${p}`)}: <strong>{counts[p]}</strong>
            </li>
          ))}
        </ul>
        <button
          type="button"
          className={`button desk-sound desk-sound--${sound.muted ? 'off' : 'on'}`}
          aria-pressed={!sound.muted}
          title={t('desk.sound.toggle')}
          onClick={sound.toggleMute}
          data-testid="desk-sound"
        >
          {sound.muted ? t('desk.sound.off') : t('desk.sound.on')}
          {sound.state === 'blocked' && !sound.muted && ` · ${t('desk.sound.blocked')}`}
        </button>
        <button type="button" className="button" onClick={() => setHelp((h) => !h)} aria-expanded={help}>
          ?
        </button>
      </header>
      <HostAlarms />
      {isLeader && escalated.length > 0 && (
        <p className="desk-banner desk-banner--leader" role="alert" data-testid="desk-leader-banner">
          {t('desk.leader.banner', { count: escalated.length })}{' '}
          {escalated
            .slice(0, 5)
            .map((a) => a.title)
            .join(' · ')}
        </p>
      )}
      {flood && (
        <p className="desk-banner desk-banner--flood" role="status" data-testid="desk-flood-banner">
          {t('desk.flood.banner', { count: recent })}
        </p>
      )}
      <DeskFilters filter={filter} onChange={setFilter} rules={rules} inputRef={filterRef} />
      {help && <HelpOverlay onClose={() => setHelp(false)} />}
      {confirm && (
        <BulkConfirm
          count={confirm.length}
          onYes={() => {
            acknowledge(confirm);
            rootRef.current?.focus();
          }}
          onNo={() => {
            setConfirm(null);
            rootRef.current?.focus();
          }}
        />
      )}
      {command.phase === 'rejected' || command.phase === 'failed' ? (
        <p className="desk-message" role="status">
          {t('desk.failed', { message: command.message })}
        </p>
      ) : null}
      <div className="desk__body">
        <div className="desk__list">
          <p className="desk__shown">
            {t('desk.shown', { shown: Math.min(ordered.length, MAX_ROWS), total: ordered.length })}
            {selected.size > 0 && ` · ${t('desk.selected', { count: selected.size })}`}
          </p>
          {mayAct && <DeskButtons onAct={act} disabled={current === null} />}
          {form && <ActionForm request={form} onSend={(a) => send(form, a)} onCancel={() => setForm(null)} />}
          {ordered.length === 0 ? (
            <p>{t('desk.empty')}</p>
          ) : (
            <ol className="desk-rows" data-testid="desk-rows" aria-label={t('desk.title')}>
              {groups
                ? groups.map((g) => {
                    const visible = g.alarms.filter((a) => shown.has(a.id));
                    if (visible.length === 0) return null;
                    return (
                      <li key={g.key} className="desk-group" data-testid="desk-group">
                        <p className="desk-group__head">
                          <PriorityIcon priority={g.priority} />{' '}
                          {t('desk.flood.group', {
                            rule: g.ruleId,
                            area: g.province ? provinceName(g.province, locale) : t('desk.national'),
                            count: g.alarms.length,
                            unack: g.unacknowledged,
                          })}
                        </p>
                        <ol>{visible.map(row)}</ol>
                      </li>
                    );
                  })
                : ordered.filter((a) => shown.has(a.id)).map(row)}
            </ol>
          )}
          {ordered.length > MAX_ROWS && <p>{t('desk.more', { count: ordered.length - MAX_ROWS })}</p>}
        </div>
        <AlarmDetail alarm={current} />
      </div>
      <PerformancePanel />
    </section>
  );
}

function DeskRow({
  alarm,
  now,
  current,
  selected,
  mark,
  chattering,
  onPick,
  onShelve,
}: {
  alarm: Alarm;
  now: number;
  current: boolean;
  selected: boolean;
  mark: PendingMark | undefined;
  chattering: boolean;
  onPick: () => void;
  onShelve: (() => void) | undefined;
}): ReactNode {
  const { t } = useTranslation();
  const locale = useLocale();
  const flashing = alarm.priority === 'emergency' && (alarm.state === 'unack' || alarm.state === 'rtnun');
  const cls = [
    'desk-row',
    `desk-row--${alarm.priority}`,
    `desk-row--${alarm.state}`,
    current && 'desk-row--current',
    selected && 'desk-row--selected',
    flashing && 'desk-row--flash',
    alarm.escalation && 'desk-row--escalated',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <li
      className={cls}
      data-testid="desk-row"
      data-alarm={alarm.id}
      data-state={alarm.state}
      data-pending={mark?.kind ?? 'none'}
      aria-current={current}
      aria-selected={selected}
      onClick={onPick}
    >
      <span className="desk-row__priority">
        <PriorityIcon priority={alarm.priority} /> {t(`priority.${alarm.priority}`)}
      </span>
      <span className="desk-row__title">{alarm.title}</span>
      <span className="desk-row__area">
        {alarm.area.province ? provinceName(alarm.area.province, locale) : t('desk.national')}
      </span>
      <span className="desk-row__state">{t(`alarmState.${alarm.state}`)}</span>
      <span className="desk-row__age">
        {alarm.activatedAt !== null ? formatAge(Math.max(0, now - alarm.activatedAt), locale) : '–'}
      </span>
      {alarm.escalation && (
        <span className="desk-badge desk-badge--escalated">
          {t('desk.escalated', { level: alarm.escalation.level })}
        </span>
      )}
      {chattering && (
        <span className="desk-badge desk-badge--chattering" data-testid="desk-chattering">
          {t('desk.chattering')}
          {onShelve && (
            <button
              type="button"
              className="button"
              onClick={(e) => {
                e.stopPropagation();
                onShelve();
              }}
            >
              {t('desk.offerShelve')}
            </button>
          )}
        </span>
      )}
      {mark?.kind === 'pending' && <span className="desk-badge desk-badge--pending">{t('desk.pending')}</span>}
      {mark?.kind === 'failed' && (
        <span className="desk-badge desk-badge--failed">{t('desk.failed', { message: mark.message })}</span>
      )}
    </li>
  );
}

function DeskButtons({ onAct, disabled }: { onAct: (a: DeskAction) => void; disabled: boolean }): ReactNode {
  const { t } = useTranslation();
  const actions = ['acknowledge', 'shelve', 'note', 'assign', 'resolve'] as const;
  return (
    <div className="desk-buttons" role="toolbar">
      {actions.map((a) => (
        <button key={a} type="button" className="button" disabled={disabled} onClick={() => onAct(a)}>
          {t(`desk.actions.${a}`)} <kbd>{DESK_KEYS.find((k) => k.action === a)?.keys[0]}</kbd>
        </button>
      ))}
    </div>
  );
}

function DeskFilters({
  filter,
  onChange,
  rules,
  inputRef,
}: {
  filter: DeskFilter;
  onChange: (f: DeskFilter) => void;
  rules: readonly string[];
  inputRef: RefObject<HTMLInputElement | null>;
}): ReactNode {
  const { t } = useTranslation();
  const any = t('desk.filter.any');
  return (
    <fieldset className="desk-filters" data-testid="desk-filters">
      <legend>{t('desk.filter.label')}</legend>
      <label>
        {t('desk.filter.text')} <kbd>/</kbd>
        <input
          ref={inputRef}
          type="search"
          value={filter.text}
          onChange={(e) => onChange({ ...filter, text: e.target.value })}
        />
      </label>
      <label>
        {t('desk.filter.priority')}
        <select
          value={filter.priorities[0] ?? ''}
          onChange={(e) =>
            onChange({ ...filter, priorities: e.target.value ? [e.target.value as Alarm['priority']] : [] })
          }
        >
          <option value="">{any}</option>
          <PriorityOptions />
        </select>
      </label>
      <label>
        {t('desk.filter.province')}
        <select
          value={filter.province ?? ''}
          onChange={(e) => onChange({ ...filter, province: e.target.value || null })}
        >
          <option value="">{any}</option>
          <ProvinceOptions />
        </select>
      </label>
      <label>
        {t('desk.filter.state')}
        <select
          value={filter.states[0] ?? ''}
          onChange={(e) => onChange({ ...filter, states: e.target.value ? [e.target.value as Alarm['state']] : [] })}
        >
          <option value="">{t('desk.filter.open')}</option>
          {ALARM_STATES.map((s) => (
            <option key={s} value={s}>
              {t(`alarmState.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('desk.filter.rule')}
        <select value={filter.ruleId ?? ''} onChange={(e) => onChange({ ...filter, ruleId: e.target.value || null })}>
          <option value="">{any}</option>
          {rules.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button" onClick={() => onChange(NO_FILTER)}>
        {t('desk.filter.clear')}
      </button>
    </fieldset>
  );
}

function HelpOverlay({ onClose }: { onClose: () => void }): ReactNode {
  const { t } = useTranslation();
  return (
    <aside className="desk-help" aria-labelledby="desk-help-title" data-testid="desk-help">
      <h3 id="desk-help-title">{t('desk.help.title')}</h3>
      <dl>
        {DESK_KEYS.map(({ keys, action }) => (
          <div key={action}>
            <dt>
              {keys.map((k) => (
                <kbd key={k}>{k}</kbd>
              ))}
            </dt>
            <dd>{t(`desk.help.action.${action}`)}</dd>
          </div>
        ))}
      </dl>
      <button type="button" className="button" onClick={onClose}>
        {t('desk.help.close')}
      </button>
    </aside>
  );
}
