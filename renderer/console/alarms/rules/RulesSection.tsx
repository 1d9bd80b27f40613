// The rule editor (admin): the hub's rules (topic alarm.rules), each edited as a form (threshold, stale) or as
// JSON (the other kinds), checked as typed with the problems next to their fields; a dry run over the last 24 h
// the host holds before saving; saves based on the version edited, so someone else's newer save is a conflict
// to reload, never overwritten; delete and undo.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DryRunResponse } from '../../../../src/contract/alarm-calls.js';
import type { RulePayload } from '../../../../src/contract/topics.js';
import { KNOWN_TOPICS } from '../../../../src/contract/topics.js';
import type { AlarmRule } from '../../../../src/domain/alarms/alarm-rules.js';
import { PriorityOptions, ProvinceOptions } from '../choice-options';
import { eventsOf } from '../../../state/payloads';
import { useLatest, useSession } from '../../../state/session-context';
import { useCommand } from '../../editor/use-command';
import { useMayRun } from '../../people/use-may-run';
import { checkDraft, FORM_KINDS, newDraft, type RuleDraft, type RuleKind, setField } from './rule-draft';

const KINDS: readonly RuleKind[] = ['threshold', 'rate', 'plan-deviation', 'stale', 'task-due'];

interface Editing {
  draft: RuleDraft;
  /** 0: a new rule. */
  baseVersion: number;
  /** The JSON text while a kind without a form is edited. */
  json: string | null;
}

function editingOf(draft: RuleDraft, baseVersion: number): Editing {
  const kind = draft.kind as RuleKind;
  return { draft, baseVersion, json: FORM_KINDS.includes(kind) ? null : JSON.stringify(draft, null, 2) };
}

export function RulesSection(): ReactNode {
  const { t } = useTranslation();
  const may = useMayRun('rule.save');
  const values = useLatest(['alarm.rules']);
  const records = eventsOf(values, 'alarm.rules')
    .map((e) => e.payload)
    .sort((a, b) => a.rule.id.localeCompare(b.rule.id));
  const [editing, setEditing] = useState<Editing | null>(null);
  const { state, run, reset } = useCommand();
  if (!may) return null;
  const latestOf = (id: string): RulePayload | undefined => records.find((r) => r.rule.id === id);
  return (
    <section className="rules" aria-labelledby="rules-title" data-testid="rules-section">
      <h2 id="rules-title">{t('rules.title')}</h2>
      {records.length === 0 ? (
        <p>{t('rules.empty')}</p>
      ) : (
        <table>
          <tbody>
            {records.map((r) => (
              <tr key={r.rule.id} data-rule={r.rule.id}>
                <td>
                  <code>{r.rule.id}</code>
                </td>
                <td>{r.rule.name}</td>
                <td>{t(`rules.kinds.${r.rule.kind}`)}</td>
                <td>{t(`priority.${r.rule.priority}`)}</td>
                <td>
                  {t('rules.version', { version: r.version })}
                  {r.deleted && ` · ${t('rules.deleted')}`}
                </td>
                <td>
                  <button
                    type="button"
                    className="button"
                    onClick={() => {
                      reset();
                      setEditing(editingOf(r.rule as RuleDraft, r.version));
                    }}
                  >
                    {t('rules.edit')}
                  </button>
                  <button
                    type="button"
                    className="button"
                    onClick={() => run('rule.undo', { ruleId: r.rule.id, baseVersion: r.version })}
                  >
                    {t('rules.undo')}
                  </button>
                  {!r.deleted && (
                    <button
                      type="button"
                      className="button"
                      onClick={() => run('rule.delete', { ruleId: r.rule.id, baseVersion: r.version })}
                    >
                      {t('rules.delete')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        {t('rules.add')}:{' '}
        {KINDS.map((k) => (
          <button
            key={k}
            type="button"
            className="button"
            onClick={() => {
              reset();
              setEditing(editingOf(newDraft(k), 0));
            }}
          >
            {t(`rules.kinds.${k}`)}
          </button>
        ))}
      </p>
      {state.phase === 'queued' && <p role="status">{t('rules.saving')}</p>}
      {state.phase === 'applied' && <p role="status">{t('rules.saved', { message: state.message })}</p>}
      {state.phase === 'failed' && <p role="alert">{t('rules.rejected', { message: state.message })}</p>}
      {state.phase === 'rejected' &&
        (state.reason === 'conflict' && editing ? (
          <p role="alert" data-testid="rule-conflict">
            {t('rules.conflict', { version: latestOf(String(editing.draft.id))?.version ?? '?' })}{' '}
            <button
              type="button"
              className="button"
              onClick={() => {
                const latest = latestOf(String(editing.draft.id));
                if (latest) setEditing(editingOf(latest.rule as RuleDraft, latest.version));
                reset();
              }}
            >
              {t('rules.reload')}
            </button>
          </p>
        ) : (
          <p role="alert">{t('rules.rejected', { message: state.message })}</p>
        ))}
      {editing && (
        <RuleEditor
          editing={editing}
          onChange={setEditing}
          onSave={(rule) => run('rule.save', { rule, baseVersion: editing.baseVersion })}
          onClose={() => setEditing(null)}
        />
      )}
    </section>
  );
}

function RuleEditor({
  editing,
  onChange,
  onSave,
  onClose,
}: {
  editing: Editing;
  onChange: (e: Editing) => void;
  onSave: (rule: AlarmRule) => void;
  onClose: () => void;
}): ReactNode {
  const { t } = useTranslation();
  const session = useSession();
  const [dry, setDry] = useState<{ result: DryRunResponse } | { error: string } | null>(null);
  let jsonError: string | null = null;
  let draft: unknown = editing.draft;
  if (editing.json !== null) {
    try {
      draft = JSON.parse(editing.json);
    } catch (e) {
      jsonError = e instanceof Error ? e.message : String(e);
    }
  }
  const check = jsonError ? null : checkDraft(draft);
  const errorOf = (path: string): string | undefined => (check && !check.ok ? check.errors.get(path) : undefined);
  const set = (path: string, value: unknown): void => {
    setDry(null);
    onChange({ ...editing, draft: setField(editing.draft, path, value) });
  };
  const dryRun = (): void => {
    if (!check?.ok) return;
    session.client.call('alarm.dryRun', { rule: check.rule }).then(
      (result) => setDry({ result }),
      (e: unknown) => setDry({ error: e instanceof Error ? e.message : String(e) }),
    );
  };
  return (
    <form
      className="rule-editor"
      data-testid="rule-editor"
      onSubmit={(e) => {
        e.preventDefault();
        if (check?.ok) onSave(check.rule);
      }}
    >
      <p>
        {t('rules.kind')}: <strong>{t(`rules.kinds.${String(editing.draft.kind) as RuleKind}`)}</strong>
      </p>
      {editing.json === null ? (
        <RuleForm draft={editing.draft} set={set} errorOf={errorOf} locked={editing.baseVersion > 0} />
      ) : (
        <label className="rule-field">
          {t('rules.field.json')}
          <textarea
            rows={16}
            cols={80}
            value={editing.json}
            spellCheck={false}
            onChange={(e) => {
              setDry(null);
              onChange({ ...editing, json: e.target.value });
            }}
          />
          {jsonError && <span className="rule-field__error">{jsonError}</span>}
          {check && !check.ok && (
            <ul className="rule-field__error">
              {[...check.errors].map(([path, message]) => (
                <li key={path}>
                  <code>{path || '(rule)'}</code>: {message}
                </li>
              ))}
            </ul>
          )}
        </label>
      )}
      {check && !check.ok && <p role="alert">{t('rules.invalid')}</p>}
      <p>
        <button type="button" className="button" disabled={!check?.ok} onClick={dryRun} data-testid="rule-dry-run">
          {t('rules.dryRun')}
        </button>{' '}
        <button type="submit" className="button" disabled={!check?.ok}>
          {t('rules.save')}
        </button>{' '}
        <button type="button" className="button" onClick={onClose}>
          {t('rules.cancel')}
        </button>
      </p>
      {dry && 'result' in dry && (
        <p role="status" data-testid="rule-dry-run-result" data-fired={dry.result.fired}>
          {t('rules.dryRunResult', { count: dry.result.fired })} {t('rules.dryRunEvents', { count: dry.result.events })}
        </p>
      )}
      {dry && 'error' in dry && <p role="alert">{t('rules.dryRunFailed', { error: dry.error })}</p>}
    </form>
  );
}

type Setter = (path: string, value: unknown) => void;

function RuleForm({
  draft,
  set,
  errorOf,
  locked,
}: {
  draft: RuleDraft;
  set: Setter;
  errorOf: (path: string) => string | undefined;
  locked: boolean;
}): ReactNode {
  const { t } = useTranslation();
  const get = (path: string): unknown => path.split('.').reduce<unknown>((o, k) => (o as RuleDraft | null)?.[k], draft);
  const text = (path: string, label: string, disabled = false): ReactNode => (
    <Field label={label} error={errorOf(path)}>
      <input
        value={String(get(path) ?? '')}
        disabled={disabled}
        onChange={(e) => set(path, e.target.value === '' && path === 'area.unit' ? null : e.target.value)}
      />
    </Field>
  );
  const num = (path: string, label: string): ReactNode => (
    <Field label={label} error={errorOf(path)}>
      <input
        type="number"
        step="any"
        value={Number.isFinite(get(path)) ? String(get(path)) : ''}
        onChange={(e) => set(path, e.target.value === '' ? Number.NaN : Number(e.target.value))}
      />
    </Field>
  );
  return (
    <div className="rule-form">
      {text('id', t('rules.field.id'), locked)}
      {text('name', t('rules.field.name'))}
      <Field label={t('rules.field.priority')} error={errorOf('priority')}>
        <select value={String(get('priority'))} onChange={(e) => set('priority', e.target.value)}>
          <PriorityOptions />
        </select>
      </Field>
      <Field label={t('rules.field.province')} error={errorOf('area.province')}>
        <select
          value={String(get('area.province') ?? '')}
          onChange={(e) => set('area.province', e.target.value || null)}
        >
          <option value="">{t('desk.national')}</option>
          <ProvinceOptions />
        </select>
      </Field>
      {text('area.unit', t('rules.field.unit'))}
      <Field label={t('rules.field.topic')} error={errorOf('watch.topic')}>
        <select value={String(get('watch.topic'))} onChange={(e) => set('watch.topic', e.target.value)}>
          {KNOWN_TOPICS.map((topic) => (
            <option key={topic} value={topic}>
              {topic}
            </option>
          ))}
        </select>
      </Field>
      {text('watch.key', t('rules.field.key'))}
      {draft.kind === 'threshold' && (
        <>
          <Field label={t('rules.field.direction')} error={errorOf('direction')}>
            <select value={String(get('direction'))} onChange={(e) => set('direction', e.target.value)}>
              <option value="above">{t('rules.above')}</option>
              <option value="below">{t('rules.below')}</option>
            </select>
          </Field>
          {num('limit', t('rules.field.limit'))}
          {num('deadband', t('rules.field.deadband'))}
          {num('onDelayS', t('rules.field.onDelayS'))}
          {num('offDelayS', t('rules.field.offDelayS'))}
        </>
      )}
      {draft.kind === 'stale' && num('maxAgeS', t('rules.field.maxAgeS'))}
    </div>
  );
}

function Field({
  label,
  error,
  children,
}: {
  label: string;
  error: string | undefined;
  children: ReactNode;
}): ReactNode {
  return (
    <label className={`rule-field${error ? ' rule-field--invalid' : ''}`}>
      {label}
      {children}
      {error && <span className="rule-field__error">{error}</span>}
    </label>
  );
}
