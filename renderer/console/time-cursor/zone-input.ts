// The console's date/time field speaks the centre's clock (Asia/Ho_Chi_Minh, UTC+7 all year since 1975), whatever
// zone the console's machine is set to: the bar on the wall says the same time the operator typed.
const CENTRE_OFFSET_MS = 7 * 3_600_000;

/** Epoch ms → "yyyy-MM-ddTHH:mm" for an `<input type="datetime-local">`. */
export function toInputValue(time: number): string {
  return new Date(time + CENTRE_OFFSET_MS).toISOString().slice(0, 16);
}

/** "yyyy-MM-ddTHH:mm" of the centre's clock → epoch ms; null when it is not such a time. */
export function fromInputValue(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const t = Date.parse(`${value}:00+07:00`);
  return Number.isNaN(t) ? null : t;
}
