/** min / median / max of a benchmark's repetitions (three, interleaved with the baseline's). */
export type Spread = { min: number; median: number; max: number };

export function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return { min: sorted[0]!, median: sorted[Math.floor((sorted.length - 1) / 2)]!, max: sorted[sorted.length - 1]! };
}

export const formatSpread = (s: Spread, format: (n: number) => string) => `${format(s.min)} / ${format(s.median)} / ${format(s.max)}`;
