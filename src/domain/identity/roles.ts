// The roles of the people who use a centre, and what each may do. One source of truth: the hub checks every
// command and subscription against it, and the console hides the buttons a role may not use.
import { z } from 'zod';

/**
 * viewer: reads the wall and the console. operator: works alerts, activates presets, reverts to the schedule.
 * leader: what an operator may, plus briefing control. admin: edits presets, schedules, users, devices, rules.
 */
export const Role = z.enum(['viewer', 'operator', 'leader', 'admin']);
export type Role = z.infer<typeof Role>;
export const ROLES = Role.options;

/** A person holds one or more roles; an action names the roles allowed to take it. */
export function mayAct(held: readonly Role[], allowed: readonly Role[]): boolean {
  return held.some((r) => allowed.includes(r));
}
