import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SurfaceLayout } from '../../contract/wall.js';
import { PresetPayload, type PresetDraft } from './preset-schema.js';
import { deletePreset, savePreset, undoPreset } from './preset-versions.js';

const layout = (tileId: string): SurfaceLayout => ({
  columns: 12,
  rows: 8,
  tiles: [{ id: tileId, kind: 'clock', x: 0, y: 0, w: 2, h: 2, settings: {} }],
});
const draft = (tileId: string): PresetDraft => ({
  id: 'p',
  name: `P ${tileId}`,
  layouts: { 'wall-1': layout(tileId) },
});
const at = (by: string, t = 1) => ({ by, at: t });

/** A tiny hub: the current version and every version ever written. */
class History {
  current: PresetPayload | undefined;
  readonly all = new Map<number, PresetPayload>();
  apply(outcome: ReturnType<typeof savePreset>): boolean {
    if (!outcome.ok) return false;
    expect(PresetPayload.safeParse(outcome.preset).success).toBe(true);
    this.current = outcome.preset;
    this.all.set(outcome.preset.version, outcome.preset);
    return true;
  }
  undo(base = this.current?.version ?? 0) {
    return undoPreset(this.current, 'p', base, (v) => this.all.get(v), at('op'));
  }
}

describe('preset versions', () => {
  it('creates version 1 from base 0 and refuses a second create', () => {
    const h = new History();
    expect(h.apply(savePreset(undefined, draft('a'), 0, at('an')))).toBe(true);
    expect(h.current).toMatchObject({ version: 1, updatedBy: 'an', undoTo: null });
    const again = savePreset(h.current, draft('b'), 0, at('binh'));
    expect(again).toMatchObject({ ok: false, reason: 'conflict' });
    expect(!again.ok && again.message).toMatch(/conflict.*version 1 by an/);
  });

  it('detects the second of two edits based on the same version as a conflict', () => {
    const h = new History();
    h.apply(savePreset(undefined, draft('a'), 0, at('an')));
    const base = h.current!.version;
    expect(h.apply(savePreset(h.current, draft('from-an'), base, at('an')))).toBe(true);
    const second = savePreset(h.current, draft('from-binh'), base, at('binh'));
    expect(second.ok).toBe(false);
    expect(!second.ok && second.message).toContain('conflict');
    expect(!second.ok && second.message).toContain('version 2');
    expect(h.current?.layouts['wall-1']?.tiles[0]?.id).toBe('from-an');
  });

  it('undo walks back through the history, then says there is nothing left', () => {
    const h = new History();
    for (const [i, id] of ['a', 'b', 'c'].entries()) h.apply(savePreset(h.current, draft(id), i, at('an')));
    expect(h.apply(h.undo())).toBe(true);
    expect(h.current).toMatchObject({ version: 4, restoredFrom: 2, undoTo: 1 });
    expect(h.current?.layouts['wall-1']?.tiles[0]?.id).toBe('b');
    expect(h.apply(h.undo())).toBe(true);
    expect(h.current?.layouts['wall-1']?.tiles[0]?.id).toBe('a');
    expect(h.undo()).toMatchObject({ ok: false, reason: 'nothing-to-undo' });
  });

  it('undo needs the current version too, and a version that is still in the history', () => {
    const h = new History();
    h.apply(savePreset(undefined, draft('a'), 0, at('an')));
    h.apply(savePreset(h.current, draft('b'), 1, at('an')));
    expect(h.undo(1)).toMatchObject({ ok: false, reason: 'conflict' });
    h.all.delete(1);
    expect(h.undo()).toMatchObject({ ok: false, reason: 'history-lost' });
  });

  it('a delete is a version that undo brings back', () => {
    const h = new History();
    h.apply(savePreset(undefined, draft('a'), 0, at('an')));
    expect(deletePreset(h.current, 'p', 0, at('an'))).toMatchObject({ ok: false, reason: 'conflict' });
    expect(h.apply(deletePreset(h.current, 'p', 1, at('an')))).toBe(true);
    expect(h.current).toMatchObject({ version: 2, deleted: true });
    expect(deletePreset(h.current, 'p', 2, at('an'))).toMatchObject({ ok: false, reason: 'not-found' });
    expect(h.apply(h.undo())).toBe(true);
    expect(h.current).toMatchObject({ version: 3, restoredFrom: 1 });
    expect(h.current?.deleted).toBeUndefined();
  });

  it('property: whatever the interleaving of edits, each is applied iff based on the current version', () => {
    const op = fc.record({
      who: fc.constantFrom('an', 'binh', 'chi'),
      kind: fc.constantFrom('save', 'save', 'save', 'undo', 'delete'),
      // How far behind the current version the operator's copy is (0: up to date).
      lag: fc.nat({ max: 2 }),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const h = new History();
        const applied: PresetPayload[] = [];
        ops.forEach((o, i) => {
          const version = h.current?.version ?? 0;
          const base = Math.max(0, version - o.lag);
          const outcome =
            o.kind === 'save'
              ? savePreset(h.current, draft(`t${i}`), base, at(o.who, i))
              : o.kind === 'undo'
                ? h.undo(base)
                : deletePreset(h.current, 'p', base, at(o.who, i));
          if (base !== version) {
            expect(outcome.ok).toBe(false);
            if (o.kind === 'save') expect(!outcome.ok && outcome.reason).toBe('conflict');
          }
          if (h.apply(outcome)) {
            // Versions go up one at a time: nothing is overwritten in place.
            expect(h.current!.version).toBe(version + 1);
            applied.push(h.current!);
          }
        });
        // Every applied change is still in the history under its own version: nothing was lost.
        for (const p of applied) expect(h.all.get(p.version)).toEqual(p);
      }),
      { numRuns: 300 },
    );
  });

  it('property: n saves then n-1 undos give back the first version, and undo of undo walks further', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), (n) => {
        const h = new History();
        for (let i = 0; i < n; i++) h.apply(savePreset(h.current, draft(`v${i + 1}`), i, at('an')));
        for (let i = n - 1; i >= 1; i--) {
          expect(h.apply(h.undo())).toBe(true);
          expect(h.current?.layouts['wall-1']?.tiles[0]?.id).toBe(`v${i}`);
        }
        expect(h.undo().ok).toBe(false);
      }),
    );
  });
});
