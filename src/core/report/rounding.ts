// Rounding for people: a failing value never reads as its threshold, a facility beyond the circle
// never reads as at its limit. Numbers only; their text is i18n/report-rows.ts.

/** `v` rounded to `digits`, with more digits while a failing value would read as its threshold
 *  (252.96 m² against 253 shows 252.96, not 253.0). */
export function roundApart(v: number, digits: number, threshold: number | null | undefined, failing: boolean): number {
  const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
  let d = digits;
  if (failing && threshold !== null && threshold !== undefined && v !== threshold) while (d < 12 && round(v, d) === round(threshold, d)) d++;
  return round(v, d);
}

/** Whole metres to a facility: one beyond the circle is rounded up, so 810.4 m never reads as the 810 m limit. */
export function reachMetres(distance: number, limit: number): number {
  return distance > limit ? Math.ceil(distance) : Math.round(distance);
}
