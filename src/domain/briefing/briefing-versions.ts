// Versioning of briefings, as of presets: every save or delete names the version it was based on and the hub
// applies it only if that is still the current one, so of two leaders editing one briefing the second is told
// "conflict" and nothing is overwritten. A delete keeps the history (the briefing is marked deleted).
import { type Change, versionConflict } from '../presets/preset-versions.js';
import type { BriefingDraft, BriefingPayload } from './briefing-schema.js';

export type BriefingOutcome =
  | { ok: true; briefing: BriefingPayload; message: string }
  | { ok: false; reason: 'conflict' | 'not-found' | 'invalid-state'; message: string };

export function saveBriefing(
  current: BriefingPayload | undefined,
  draft: BriefingDraft,
  baseVersion: number,
  change: Change,
): BriefingOutcome {
  const refused = versionConflict('briefing', draft.id, current, baseVersion);
  if (refused) return refused;
  const version = (current?.version ?? 0) + 1;
  return {
    ok: true,
    message: `briefing ${draft.id} saved as version ${version}`,
    briefing: { ...draft, version, updatedAt: change.at, updatedBy: change.by },
  };
}

/** `presenting`: the id of the briefing on the wall now, which cannot be deleted until it ends. */
export function deleteBriefing(
  current: BriefingPayload | undefined,
  briefingId: string,
  baseVersion: number,
  presenting: string | null,
  change: Change,
): BriefingOutcome {
  if (!current || current.deleted) return { ok: false, reason: 'not-found', message: `no briefing ${briefingId}` };
  const refused = versionConflict('briefing', briefingId, current, baseVersion);
  if (refused) return refused;
  if (presenting === briefingId) {
    return { ok: false, reason: 'invalid-state', message: `briefing ${briefingId} is being presented: end it first` };
  }
  const version = current.version + 1;
  return {
    ok: true,
    message: `briefing ${briefingId} deleted (version ${version})`,
    briefing: { ...current, deleted: true, version, updatedAt: change.at, updatedBy: change.by },
  };
}
