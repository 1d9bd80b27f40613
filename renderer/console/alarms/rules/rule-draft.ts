// A rule as the editor holds it while an admin types: loose, checked with the rules' own schema on every change,
// each problem placed next to the field it names. Pure, unit-tested.
import { AlarmRule } from '../../../../src/domain/alarms/alarm-rules.js';

export type RuleKind = AlarmRule['kind'];
/** The kinds the editor has a form for; the others are edited as JSON. */
export const FORM_KINDS: readonly RuleKind[] = ['threshold', 'stale'];

export type RuleDraft = Record<string, unknown>;

const BASE = {
  id: '',
  name: '',
  priority: 'medium',
  area: { province: null, unit: null },
  watch: { topic: 'econ.indicators', key: '*' },
};

/** A new rule of a kind, with the fields its form shows. */
export function newDraft(kind: RuleKind): RuleDraft {
  switch (kind) {
    case 'threshold':
      return { ...BASE, kind, direction: 'above', limit: 0, deadband: 0, onDelayS: 0, offDelayS: 0 };
    case 'stale':
      return { ...BASE, kind, maxAgeS: 3600, scope: 'any-key' };
    case 'rate':
      return { ...BASE, kind, windowS: 3600, change: 1, direction: 'either' };
    case 'plan-deviation':
      return { ...BASE, kind, plan: [{ month: 12, target: 100 }], tolerance: 5, direction: 'behind' };
    case 'task-due':
      return { ...BASE, kind, watch: { topic: 'gov.tasks', key: '*' }, dueWithinDays: null };
  }
}

/** Sets a dotted path (`area.province`) in a copy of the draft. */
export function setField(draft: RuleDraft, path: string, value: unknown): RuleDraft {
  const [head, ...rest] = path.split('.');
  if (head === undefined) return draft;
  if (rest.length === 0) return { ...draft, [head]: value };
  const inner = draft[head];
  const child = typeof inner === 'object' && inner !== null ? (inner as RuleDraft) : {};
  return { ...draft, [head]: setField(child, rest.join('.'), value) };
}

export type RuleCheck = { ok: true; rule: AlarmRule } | { ok: false; errors: ReadonlyMap<string, string> };

/** The rule, or the problems by dotted field path ('' for the rule as a whole). */
export function checkDraft(draft: unknown): RuleCheck {
  const parsed = AlarmRule.safeParse(draft);
  if (parsed.success) return { ok: true, rule: parsed.data };
  const errors = new Map<string, string>();
  for (const issue of parsed.error.issues) {
    const path = issue.path.join('.');
    if (!errors.has(path)) errors.set(path, issue.message);
  }
  return { ok: false, errors };
}
