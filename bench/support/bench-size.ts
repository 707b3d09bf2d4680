/** `--size state` (or BENCH_SIZE=state) picks the state-sized run; the default is quick. */
export type BenchSize = "quick" | "state";

export function benchSize(argv: string[] = process.argv): BenchSize {
  const i = argv.indexOf("--size");
  const value = i >= 0 ? argv[i + 1] : process.env.BENCH_SIZE;
  if (value === undefined || value === "quick") return "quick";
  if (value === "state") return "state";
  throw new Error(`--size must be quick or state, not ${value}`);
}
