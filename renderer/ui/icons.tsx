// Shapes that carry state besides colour (a wall is read by people with colour-blindness, and from far away):
// each severity and connection state has its own outline. Decorative: the text next to them says the same.
// Marks cut into a filled shape (the "!" of ⚠, the ✓ of a disc) take the colour behind the icon, from CSS
// (--icon-cut), so they stay visible on dark panels and on coloured banners alike.
import type { ReactNode } from 'react';
import type { AlarmPriority } from '../../src/domain/alarms/alarm-schema.js';

interface IconProps {
  className?: string;
}

function Svg({ className, children }: IconProps & { children: ReactNode }): ReactNode {
  return (
    <svg className={`icon ${className ?? ''}`} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

/** ⚠: a triangle with an exclamation mark. */
export function WarningIcon(props: IconProps): ReactNode {
  return (
    <Svg {...props}>
      <path d="M12 2 23 21H1Z" fill="currentColor" />
      <path d="M11 9h2v6h-2zM11 16.5h2v2h-2z" className="icon__cut" />
    </Svg>
  );
}

/** emergency: octagon with "!", high: triangle, medium: circle, low: square with "i". */
export function PriorityIcon({ priority, className }: IconProps & { priority: AlarmPriority }): ReactNode {
  const cls = `icon--${priority} ${className ?? ''}`;
  switch (priority) {
    case 'emergency':
      return (
        <Svg className={cls}>
          <path d="M8 1h8l7 7v8l-7 7H8l-7-7V8Z" fill="currentColor" />
          <path d="M11 6h2v8h-2zM11 16h2v2h-2z" className="icon__cut" />
        </Svg>
      );
    case 'high':
      return (
        <Svg className={cls}>
          <path d="M12 2 23 21H1Z" fill="currentColor" />
        </Svg>
      );
    case 'medium':
      return (
        <Svg className={cls}>
          <circle cx="12" cy="12" r="10" fill="currentColor" />
        </Svg>
      );
    case 'low':
      return (
        <Svg className={cls}>
          <rect x="2" y="2" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="3" />
          <path d="M11 10h2v8h-2zM11 6h2v2h-2z" fill="currentColor" />
        </Svg>
      );
  }
}

export type LinkShape = 'ok' | 'connecting' | 'reconnecting' | 'down' | 'refused';

/** ok: ✓ in a disc, connecting: dashed ring, reconnecting: circular arrow, down: ✕ in a disc, refused: ⛔. */
export function LinkIcon({ shape, className }: IconProps & { shape: LinkShape }): ReactNode {
  const cls = `icon--link-${shape} ${className ?? ''}`;
  switch (shape) {
    case 'ok':
      return (
        <Svg className={cls}>
          <circle cx="12" cy="12" r="11" fill="currentColor" />
          <path d="m6 12 4 4 8-8" fill="none" className="icon__cut-line" strokeWidth="3" />
        </Svg>
      );
    case 'connecting':
      return (
        <Svg className={cls}>
          <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="3" strokeDasharray="4 3" />
        </Svg>
      );
    case 'reconnecting':
      return (
        <Svg className={cls}>
          <path d="M20 12a8 8 0 1 1-2.3-5.7" fill="none" stroke="currentColor" strokeWidth="3" />
          <path d="M21 2v8h-8Z" fill="currentColor" />
        </Svg>
      );
    case 'down':
      return (
        <Svg className={cls}>
          <circle cx="12" cy="12" r="11" fill="currentColor" />
          <path d="m7 7 10 10M17 7 7 17" className="icon__cut-line" strokeWidth="3" />
        </Svg>
      );
    case 'refused':
      return (
        <Svg className={cls}>
          <circle cx="12" cy="12" r="11" fill="currentColor" />
          <rect x="5" y="10" width="14" height="4" className="icon__cut" />
        </Svg>
      );
  }
}
