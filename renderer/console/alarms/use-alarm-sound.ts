// The emergency sound of this console: played once for each new unacknowledged Khẩn cấp alarm, muted per console
// (kept in this browser's storage) and never silently — the desk shows the state, and a browser that blocks the
// sound is said too.
import { useCallback, useEffect, useRef, useState } from 'react';
import emergencySoundUrl from '../../../assets/sounds/emergency.wav?url&no-inline';

const MUTE_KEY = 'ioc-wall.alarm-sound-muted';

/** What happened to the last sound due: what the desk shows (and its data-sound attribute says). */
export type SoundState = 'idle' | 'played' | 'muted' | 'blocked';

function storedMuted(): boolean {
  try {
    return window.localStorage.getItem(MUTE_KEY) === '1';
  } catch {
    return false;
  }
}

export function useAlarmSound(emergencies: readonly string[]): {
  muted: boolean;
  state: SoundState;
  toggleMute: () => void;
} {
  const [muted, setMuted] = useState(storedMuted);
  const [state, setState] = useState<SoundState>('idle');
  // Alarms already sounded (or present when the desk opened): a sound says "new", not "still there".
  const heard = useRef<Set<string> | null>(null);
  const audio = useRef<HTMLAudioElement | null>(null);

  useEffect(() => {
    if (heard.current === null) {
      heard.current = new Set(emergencies);
      return;
    }
    const fresh = emergencies.filter((id) => !heard.current!.has(id));
    heard.current = new Set(emergencies);
    if (fresh.length === 0) return;
    if (muted) {
      setState('muted');
      return;
    }
    audio.current ??= new Audio(emergencySoundUrl);
    audio.current.currentTime = 0;
    // Started is what the desk reports: a machine without an audio device may never settle the promise.
    setState('played');
    audio.current.play().catch(() => setState('blocked'));
  }, [emergencies, muted]);

  const toggleMute = useCallback(() => {
    setMuted((m) => {
      try {
        window.localStorage.setItem(MUTE_KEY, m ? '0' : '1');
      } catch {
        // Without storage the choice lasts until the page reloads.
      }
      return !m;
    });
  }, []);

  return { muted, state, toggleMute };
}
