// The briefings and what the wall presents, as this page holds them: values of `briefing.briefings` and
// `briefing.state` in the page's latest store (from hello, then the feed), so they are there offline too.
import {
  BRIEFING_STATE_KEY,
  BriefingPayload,
  BriefingStatePayload,
} from '../../../src/domain/briefing/briefing-schema.js';
import { useLatest } from '../../state/session-context';

export interface Briefings {
  /** Briefings that are not deleted, by name. */
  readonly briefings: readonly BriefingPayload[];
  /** Every briefing id ever used, deleted ones too (a new briefing must not take one). */
  readonly byId: ReadonlyMap<string, BriefingPayload>;
  readonly state: BriefingStatePayload | null;
}

const TOPICS = ['briefing.briefings', 'briefing.state'] as const;

export function useBriefings(): Briefings {
  const values = useLatest(TOPICS);
  const byId = new Map<string, BriefingPayload>();
  for (const e of values.topic('briefing.briefings')) {
    const parsed = BriefingPayload.safeParse(e.payload);
    if (parsed.success) byId.set(e.key, parsed.data);
  }
  const raw = values.get('briefing.state', BRIEFING_STATE_KEY)?.payload;
  const state = raw === undefined ? null : BriefingStatePayload.safeParse(raw);
  return {
    briefings: [...byId.values()].filter((b) => !b.deleted).sort((a, b) => a.name.localeCompare(b.name, 'vi')),
    byId,
    state: state?.success ? state.data : null,
  };
}
