// The console's idle lock: any key, pointer or wheel input counts as activity (listened to passively, so input is
// never held up); after the configured minutes without any, `onIdle` runs once.
import { useEffect, useRef } from 'react';
import { IdleClock } from './idle-clock';

const INPUT_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;
const CHECK_MS = 1000;

export function useIdleLock(minutes: number | null, onIdle: () => void): void {
  const idle = useRef(onIdle);
  useEffect(() => {
    idle.current = onIdle;
  }, [onIdle]);
  useEffect(() => {
    if (minutes === null) return;
    const clock = new IdleClock(minutes * 60_000, Date.now());
    const touch = (): void => clock.touch(Date.now());
    for (const name of INPUT_EVENTS) window.addEventListener(name, touch, { passive: true, capture: true });
    const timer = setInterval(() => {
      if (!clock.isIdle(Date.now())) return;
      clearInterval(timer);
      idle.current();
    }, CHECK_MS);
    return () => {
      clearInterval(timer);
      for (const name of INPUT_EVENTS) window.removeEventListener(name, touch, { capture: true });
    };
  }, [minutes]);
}
