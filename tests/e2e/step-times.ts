// Wall times of the steps a user takes, printed for docs/app.md ("Timings a user feels"). Nothing
// is asserted about speed (speed is measured in `npm run bench`).
export function stepTimes(label: string) {
  const times: [string, number][] = [];
  return {
    time: async (what: string, act: () => Promise<unknown>): Promise<void> => {
      const t0 = Date.now();
      await act();
      times.push([what, Date.now() - t0]);
    },
    print: (): void => console.log(`[${label}]\n${times.map(([w, ms]) => `  ${w}: ${ms} ms`).join('\n')}`),
  };
}
