// Shapes of the video tile's states, so that a lost or paused picture reads without colour: a screen struck
// through (no signal) and two bars (paused). Decorative: the text beside them says the same.
import type { ReactNode } from 'react';

export function NoSignalIcon({ className }: { className?: string }): ReactNode {
  return (
    <svg className={`icon ${className ?? ''}`} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <rect x="2" y="4" width="20" height="13" rx="1.5" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M8 21h8M12 17v4" stroke="currentColor" strokeWidth="2" />
      <path d="M3 2 21 20" stroke="currentColor" strokeWidth="2.5" />
    </svg>
  );
}

export function PausedIcon({ className }: { className?: string }): ReactNode {
  return (
    <svg className={`icon ${className ?? ''}`} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <rect x="5" y="3" width="5" height="18" fill="currentColor" />
      <rect x="14" y="3" width="5" height="18" fill="currentColor" />
    </svg>
  );
}
