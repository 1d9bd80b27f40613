// Versioning of alarm rules, as presets are versioned: every change names the version it was based on and is
// applied only if that is still the current one, so of two admins editing the same rule the second is told
// "conflict". A delete keeps the rule's history (it can be undone); an undo writes the version before the current
// one again as a new version, so history only grows.
import { z } from 'zod';
import { AlarmRule } from './alarm-rules.js';

/** A rule as the `alarm.rules` topic carries it; key: the rule's id. */
export const RulePayload = z.object({
  rule: AlarmRule,
  /** 1, 2, 3, … per rule; a save must name the version it was based on (0 for a new rule). */
  version: z.number().int().positive(),
  /** A deleted rule does not run; its history stays so the delete can be undone. */
  deleted: z.boolean(),
  savedBy: z.string().min(1).max(120),
  savedAt: z.number().int().nonnegative(),
});
export type RulePayload = z.infer<typeof RulePayload>;

export type RuleOutcome =
  | { ok: true; payload: RulePayload; message: string }
  | { ok: false; reason: 'conflict' | 'not-found' | 'nothing-to-undo' | 'history-lost'; message: string };

export interface RuleChange {
  by: string;
  at: number;
}

function conflict(id: string, current: RulePayload | undefined, baseVersion: number): RuleOutcome | null {
  const version = current?.version ?? 0;
  if (baseVersion === version) return null;
  const who = current ? ` by ${current.savedBy}` : '';
  return {
    ok: false,
    reason: 'conflict',
    message: `conflict: rule "${id}" is at version ${version}${who}; this change was based on version ${baseVersion}`,
  };
}

function next(current: RulePayload | undefined, rule: AlarmRule, deleted: boolean, change: RuleChange): RulePayload {
  return { rule, version: (current?.version ?? 0) + 1, deleted, savedBy: change.by, savedAt: change.at };
}

export function saveRule(
  current: RulePayload | undefined,
  rule: AlarmRule,
  baseVersion: number,
  change: RuleChange,
): RuleOutcome {
  const refused = conflict(rule.id, current, baseVersion);
  if (refused) return refused;
  const payload = next(current, rule, false, change);
  return { ok: true, payload, message: `rule ${rule.id} saved as version ${payload.version}` };
}

export function deleteRule(
  current: RulePayload | undefined,
  ruleId: string,
  baseVersion: number,
  change: RuleChange,
): RuleOutcome {
  if (!current || current.deleted) return { ok: false, reason: 'not-found', message: `no rule ${ruleId}` };
  const refused = conflict(ruleId, current, baseVersion);
  if (refused) return refused;
  const payload = next(current, current.rule, true, change);
  return { ok: true, payload, message: `rule ${ruleId} deleted (version ${payload.version})` };
}

/** Writes the version before the current one again (a deleted rule comes back as it was). */
export function undoRule(
  current: RulePayload | undefined,
  ruleId: string,
  baseVersion: number,
  versionOf: (version: number) => RulePayload | undefined,
  change: RuleChange,
): RuleOutcome {
  if (!current) return { ok: false, reason: 'not-found', message: `no rule ${ruleId}` };
  const refused = conflict(ruleId, current, baseVersion);
  if (refused) return refused;
  if (current.version === 1)
    return { ok: false, reason: 'nothing-to-undo', message: `rule ${ruleId}: nothing to undo` };
  const before = versionOf(current.version - 1);
  if (!before) {
    return {
      ok: false,
      reason: 'history-lost',
      message: `version ${current.version - 1} of rule ${ruleId} is no longer in the hub's history`,
    };
  }
  const payload = next(current, before.rule, before.deleted, change);
  return {
    ok: true,
    payload,
    message: `rule ${ruleId}: version ${before.version} restored as version ${payload.version}`,
  };
}
