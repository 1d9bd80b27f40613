// The pointer pad: a rectangle the shape of the wall (its surfaces outlined); a finger dragged on it shows a dot at
// the same place on the wall. Sent at most every POINTER_MS (the latest place wins), lifted when the finger lifts.
// Ephemeral: the `pointer` bridge call, which the host passes to the pages and never logs.
import { useEffect, useRef, type PointerEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PointerAt } from '../../src/contract/pointer.js';
import { wallBox } from '../../src/domain/briefing/pointer-place.js';
import { useSession, useSessionSnapshot } from '../state/session-context';

const POINTER_MS = 50;

export function PointerPad(): ReactNode {
  const { t } = useTranslation();
  const session = useSession();
  const surfaces = useSessionSnapshot().hello?.surfaces ?? [];
  const send = useThrottledPointer((at) => void session.client.call('pointer', { at }).catch(() => undefined));
  const wall = wallBox(surfaces.map((s) => s.bounds));
  if (!wall) return null;
  const place = (e: PointerEvent<HTMLDivElement>): PointerAt => {
    const box = e.currentTarget.getBoundingClientRect();
    const clamp = (v: number): number => Math.min(1, Math.max(0, v));
    return { x: clamp((e.clientX - box.left) / box.width), y: clamp((e.clientY - box.top) / box.height) };
  };
  const pct = (part: number, whole: number): string => `${(100 * part) / whole}%`;
  return (
    <section className="presenter__pointer">
      <p className="presenter__label">{t('presenter.pointer')}</p>
      <div
        className="presenter__pad"
        style={{ aspectRatio: `${wall.width} / ${wall.height}` }}
        data-testid="presenter-pad"
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          send(place(e));
        }}
        onPointerMove={(e) => {
          if (e.currentTarget.hasPointerCapture(e.pointerId)) send(place(e));
        }}
        onPointerUp={() => send(null)}
        onPointerCancel={() => send(null)}
      >
        {surfaces.map((s) => (
          <div
            key={s.id}
            className="presenter__pad-surface"
            style={{
              left: pct(s.bounds.x - wall.x, wall.width),
              top: pct(s.bounds.y - wall.y, wall.height),
              width: pct(s.bounds.width, wall.width),
              height: pct(s.bounds.height, wall.height),
            }}
          >
            {s.id}
          </div>
        ))}
      </div>
    </section>
  );
}

/** At most one send per POINTER_MS: the latest place waits for the next slot; lifting is sent after it too. */
function useThrottledPointer(send: (at: PointerAt | null) => void): (at: PointerAt | null) => void {
  const last = useRef(0);
  const pending = useRef<{ at: PointerAt | null } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const sendRef = useRef(send);
  sendRef.current = send;
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  const flush = (): void => {
    timer.current = null;
    if (!pending.current) return;
    last.current = Date.now();
    sendRef.current(pending.current.at);
    pending.current = null;
  };
  return (at) => {
    pending.current = { at };
    if (timer.current) return;
    const wait = last.current + POINTER_MS - Date.now();
    if (wait <= 0) flush();
    else timer.current = setTimeout(flush, wait);
  };
}
