// "Now" as the wall's figures see it: the host's clock while live, the time cursor's T while the wall is shown as
// of a time (tasks are overdue as of T, alerts and figures are aged against T).
import { useNow } from './now';
import { useSessionSnapshot } from './session-context';

export function useWallNow(): number {
  const { clockOffsetMs, timeCursor } = useSessionSnapshot();
  const live = useNow(clockOffsetMs);
  return timeCursor.asOf ?? live;
}
