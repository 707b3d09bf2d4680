/**
 * Recompiling after one group's entries change (recompileForGroup: finds the group's members,
 * recomputes them into free rows of the shared buffer so readers of the old version are not
 * disturbed) against compiling only those members from scratch (compileDistrict of a model with
 * just them and every group), on fresh group objects each run.
 */
import { compileDistrict, recompileForGroup, type CompiledDistrict } from "../../src/domain/rights/compile-district.js";
import type { DistrictModel } from "../../src/domain/rights/model.js";
import { benchSize, cpuMs, interleave, record, warmUp } from "../lib/measure.js";
import { ASOF, benchDistrict } from "./district.js";

const size = benchSize();
const d = benchDistrict(size);
const { catalog, model } = d;
const compiled = compileDistrict(catalog, model, ASOF);
const changed = model.groups[7]!;
const members = [...(compiled.groupMembers.get(changed.id) ?? [])].map((i) => model.users[i]!);
const changedModel = (): DistrictModel => ({
  users: model.users,
  groups: model.groups.map((g) => (g === changed ? { ...g, entries: [...g.entries, { toolPath: "Census > People", rights: "RWAD" as const }] } : { ...g })),
});
let sink = 0;

// each recompile starts from the version before, as the rights cache's do. One in `per` finds
// the shared buffer full and moves the rows to a fresh one: that one is measured on its own
// (`full`) and spread over the others in the goal, so where it falls in the repetitions does
// not decide the median
let latest = compiled;
let moves = 0;
const roomLeft = (c: CompiledDistrict) => c.rows.length / c.stride - c.store.used;
const gatehouse = () => {
  if (roomLeft(latest) < members.length) (latest = recompileForGroup(latest, changedModel(), changed.id)), moves++;
  const m = changedModel();
  return cpuMs(() => (latest = recompileForGroup(latest, m, changed.id)));
};
const baseline = () => {
  const m = changedModel();
  const only: DistrictModel = { users: members, groups: m.groups };
  return cpuMs(() => (sink += compileDistrict(catalog, only, ASOF).rowAt.length));
};
// what a copy of every row would cost (what a version cost before rows were shared)
const rowBytes = compiled.userIds.length * compiled.stride;
const copy = () => cpuMs(() => {
  const next = new Uint8Array(rowBytes);
  next.set(compiled.rows.subarray(0, rowBytes));
  sink += next[0]!;
});
// the recompile that finds the buffer full (every `per` recompiles of this size): it moves the rows
const full = () => {
  const m = changedModel();
  const rows = compiled.rows;
  const filled = { ...compiled, store: { rows, used: rows.length / compiled.stride } };
  return cpuMs(() => (sink += recompileForGroup(filled, m, changed.id).rowAt.length));
};
const spareRows = compiled.rows.length / compiled.stride - compiled.userIds.length;
const per = Math.floor(spareRows / members.length) + 1;
await warmUp(10, { gatehouse, baseline });
const r = await interleave(3, { gatehouse, baseline });
// the reference figures after, on their own: each leaves a fresh buffer of garbage, whose
// collection would land in whichever figure runs next
await warmUp(3, { copy, full });
const ref = await interleave(3, { copy, full });
const ratio = r.gatehouse.median / r.baseline.median;
const amortized = ((per - 1) * r.gatehouse.median + ref.full.median) / per / r.baseline.median;
console.log(`one recompile in ${per} moves the rows; with its cost spread over them: ${amortized.toFixed(2)}× members-only`);
console.log(`recompile / members-only: ${ratio.toFixed(2)}× (each from the version before; ${moves} moves between them, not timed here)`);
record("rights-recompile", {
  title: `recompile after one group change (${members.length.toLocaleString()} members of ${model.users.length.toLocaleString()} users)`,
  size,
  details: { users: model.users.length, members: members.length, ratio, moves, movesEvery: per, amortizedRatio: amortized },
  figures: [
    { label: "recompileForGroup (from the version before, room left in the buffer)", unit: "ms CPU", stats: r.gatehouse },
    { label: "compileDistrict of only those members", unit: "ms CPU", stats: r.baseline, baseline: true },
    { label: `recompileForGroup when the shared buffer is full (one in ${per}: moves the rows to a fresh one)`, unit: "ms CPU", stats: ref.full },
    { label: `allocating and copying all the compiled rows (${(rowBytes / 1e6).toFixed(1)} MB), which a version needed before rows were shared`, unit: "ms CPU", stats: ref.copy },
  ],
  goal: "< 2× the members-only compile, the moves' cost spread over the recompiles between them",
  met: ratio < 2 && amortized < 2,
});
if (sink === -1) console.log(sink);
