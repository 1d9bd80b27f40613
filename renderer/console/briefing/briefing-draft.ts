// The briefing being edited on the console: the scenes in their order, changed only here until saved (a save
// names the version it was based on, so a conflicting save by another leader is refused, never overwritten).
import type { BriefingDraft, BriefingPayload, Scene } from '../../../src/domain/briefing/briefing-schema.js';

export interface BriefingEditorDraft {
  readonly briefing: BriefingDraft;
  /** The version it was loaded from; 0 for a briefing not saved yet. */
  readonly baseVersion: number;
  readonly dirty: boolean;
}

export function draftFromBriefing(b: BriefingPayload): BriefingEditorDraft {
  return { briefing: { id: b.id, name: b.name, scenes: b.scenes }, baseVersion: b.version, dirty: false };
}

export function newBriefingDraft(id: string, name: string): BriefingEditorDraft {
  return { briefing: { id, name, scenes: [] }, baseVersion: 0, dirty: true };
}

const changed = (d: BriefingEditorDraft, scenes: Scene[]): BriefingEditorDraft => ({
  ...d,
  briefing: { ...d.briefing, scenes },
  dirty: true,
});

/** A scene id not used in the briefing yet. */
function freeSceneId(scenes: readonly Scene[]): string {
  const taken = new Set(scenes.map((s) => s.id));
  for (let n = scenes.length + 1; ; n++) if (!taken.has(`canh-${n}`)) return `canh-${n}`;
}

export function addScene(d: BriefingEditorDraft, presetId: string, title: string): BriefingEditorDraft {
  const scene: Scene = { id: freeSceneId(d.briefing.scenes), title, presetId, focus: [], notes: '', durationS: null };
  return changed(d, [...d.briefing.scenes, scene]);
}

/** Moves the scene at `from` to `to` (both clamped to the list); the others keep their order. */
export function moveScene(d: BriefingEditorDraft, from: number, to: number): BriefingEditorDraft {
  const scenes = [...d.briefing.scenes];
  const last = scenes.length - 1;
  const [target, source] = [Math.max(0, Math.min(to, last)), Math.max(0, Math.min(from, last))];
  if (target === source || scenes.length === 0) return d;
  const [moved] = scenes.splice(source, 1);
  scenes.splice(target, 0, moved as Scene);
  return changed(d, scenes);
}

export function removeScene(d: BriefingEditorDraft, index: number): BriefingEditorDraft {
  return changed(
    d,
    d.briefing.scenes.filter((_, i) => i !== index),
  );
}

export function updateScene(
  d: BriefingEditorDraft,
  index: number,
  patch: Partial<Omit<Scene, 'id'>>,
): BriefingEditorDraft {
  return changed(
    d,
    d.briefing.scenes.map((s, i) => (i === index ? { ...s, ...patch } : s)),
  );
}

export function renameBriefing(d: BriefingEditorDraft, name: string, id: string): BriefingEditorDraft {
  return { ...d, briefing: { ...d.briefing, name, id }, dirty: true };
}
