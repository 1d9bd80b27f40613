// How often a wall page says it is alive, and after how long without a word the console and the host's watchdog
// give up on it. They must agree (a watchdog quicker than the beat would kill healthy windows), so they live here.

/** A wall page's heartbeat period (renderer/wall/use-heartbeat.ts). */
export const HEARTBEAT_PERIOD_MS = 1000;

/** A few missed beats: the console's health strip shows the window as silent (frozen, or its link gone). */
export const SILENT_AFTER_MS = 5 * HEARTBEAT_PERIOD_MS;

/** An open window silent this long is hung (renderer or GPU): the watchdog restarts it. */
export const HUNG_AFTER_MS = 15 * HEARTBEAT_PERIOD_MS;

/** A starting window that has not beaten once by then is restarted too (a first load takes longer than a beat). */
export const START_GRACE_MS = 45 * HEARTBEAT_PERIOD_MS;
