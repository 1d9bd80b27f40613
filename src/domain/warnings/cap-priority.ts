// A CAP warning's priority on our alarm scale. Severity sets it (Extreme → emergency, Severe → high, Moderate →
// medium, Minor/Unknown → low); a severe danger happening now and observed or likely is an emergency; one judged
// unlikely, or already past, drops a level. Few warnings reach emergency, as ISA-18.2 asks of the top priority.
import type { z } from 'zod';
import type { AlarmPriority } from '../alarms/alarm-schema.js';
import type { CapCertainty, CapSeverity, CapUrgency } from './cap-alert.js';

const ORDER: readonly AlarmPriority[] = ['low', 'medium', 'high', 'emergency'];
const BY_SEVERITY: Readonly<Record<z.infer<typeof CapSeverity>, AlarmPriority>> = {
  Extreme: 'emergency',
  Severe: 'high',
  Moderate: 'medium',
  Minor: 'low',
  Unknown: 'low',
};

export function capPriority(
  severity: z.infer<typeof CapSeverity>,
  urgency: z.infer<typeof CapUrgency>,
  certainty: z.infer<typeof CapCertainty>,
): AlarmPriority {
  let level = ORDER.indexOf(BY_SEVERITY[severity]);
  if (severity === 'Severe' && urgency === 'Immediate' && (certainty === 'Observed' || certainty === 'Likely')) {
    level += 1;
  }
  if (certainty === 'Unlikely' || urgency === 'Past') level -= 1;
  return ORDER[Math.max(0, Math.min(ORDER.length - 1, level))]!;
}
