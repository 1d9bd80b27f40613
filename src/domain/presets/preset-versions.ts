// Versioning of presets: optimistic concurrency and undo. Every change names the version it was based on; the
// hub applies it only if that is still the current version, so of two operators editing the same preset the
// second is told "conflict" — it is never silently overwritten. Undo writes the earlier content as a new
// version (history only grows), so an undo is itself shared, versioned and undoable.
import type { PresetDraft, PresetPayload } from './preset-schema.js';

export type VersionOutcome =
  | { ok: true; preset: PresetPayload; message: string }
  | { ok: false; reason: 'conflict' | 'not-found' | 'nothing-to-undo' | 'history-lost'; message: string };

export interface Change {
  by: string;
  at: number;
}

/** The version an edit must name: 0 for a preset that does not exist yet. */
function currentVersion(current: PresetPayload | undefined): number {
  return current?.version ?? 0;
}

/** Why a change based on `baseVersion` of a versioned thing (a preset, a briefing) may not apply; null if it may. */
export function versionConflict(
  noun: string,
  id: string,
  current: { version: number; updatedBy: string } | undefined,
  baseVersion: number,
): { ok: false; reason: 'conflict'; message: string } | null {
  const version = current?.version ?? 0;
  if (baseVersion === version) return null;
  const who = current ? ` by ${current.updatedBy}` : '';
  return {
    ok: false,
    reason: 'conflict',
    message:
      `conflict: ${noun} "${id}" is at version ${version}${who}; this change was based on version ${baseVersion}. ` +
      'Reload it, or save again on top of it.',
  };
}

const conflict = (id: string, current: PresetPayload | undefined, baseVersion: number): VersionOutcome | null =>
  versionConflict('preset', id, current, baseVersion);

export function savePreset(
  current: PresetPayload | undefined,
  draft: PresetDraft,
  baseVersion: number,
  change: Change,
): VersionOutcome {
  const refused = conflict(draft.id, current, baseVersion);
  if (refused) return refused;
  const version = currentVersion(current) + 1;
  return {
    ok: true,
    message: `preset ${draft.id} saved as version ${version}`,
    preset: {
      id: draft.id,
      name: draft.name,
      layouts: draft.layouts,
      version,
      updatedAt: change.at,
      updatedBy: change.by,
      undoTo: current ? current.version : null,
    },
  };
}

export function deletePreset(
  current: PresetPayload | undefined,
  presetId: string,
  baseVersion: number,
  change: Change,
): VersionOutcome {
  if (!current || current.deleted) return { ok: false, reason: 'not-found', message: `no preset ${presetId}` };
  const refused = conflict(presetId, current, baseVersion);
  if (refused) return refused;
  const { restoredFrom: _restored, ...rest } = current;
  return {
    ok: true,
    message: `preset ${presetId} deleted (version ${current.version + 1})`,
    preset: {
      ...rest,
      deleted: true,
      version: current.version + 1,
      updatedAt: change.at,
      updatedBy: change.by,
      undoTo: current.version,
    },
  };
}

/**
 * Restores the content of `current.undoTo` as a new version. That version's own `undoTo` is carried over, so
 * repeated undos walk back through the history rather than toggling between the last two versions.
 */
export function undoPreset(
  current: PresetPayload | undefined,
  presetId: string,
  baseVersion: number,
  versionOf: (version: number) => PresetPayload | undefined,
  change: Change,
): VersionOutcome {
  if (!current) return { ok: false, reason: 'not-found', message: `no preset ${presetId}` };
  const refused = conflict(presetId, current, baseVersion);
  if (refused) return refused;
  if (current.undoTo === null) {
    return { ok: false, reason: 'nothing-to-undo', message: `preset ${presetId} has nothing to undo` };
  }
  const target = versionOf(current.undoTo);
  if (!target) {
    return {
      ok: false,
      reason: 'history-lost',
      message: `version ${current.undoTo} of preset ${presetId} is no longer in the hub's history`,
    };
  }
  const version = current.version + 1;
  const restored: PresetPayload = {
    id: presetId,
    name: target.name,
    layouts: target.layouts,
    version,
    updatedAt: change.at,
    updatedBy: change.by,
    undoTo: target.undoTo,
    restoredFrom: target.version,
  };
  if (target.deleted) restored.deleted = true;
  return {
    ok: true,
    message: `preset ${presetId}: version ${target.version} restored as version ${version}`,
    preset: restored,
  };
}
