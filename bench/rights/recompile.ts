/**
 * Recompiling after one group's entries change (recompileForGroup: finds the group's members,
 * copies the compiled arrays so readers of the old version are not disturbed, recomputes the
 * members) against compiling only those members from scratch (compileDistrict of a model with
 * just them and every group), on fresh group objects each run.
 */
import { compileDistrict, recompileForGroup } from "../../src/domain/rights/compile-district.js";
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

const gatehouse = () => {
  const m = changedModel();
  return cpuMs(() => (sink += recompileForGroup(compiled, m, changed.id).levels.length));
};
const baseline = () => {
  const m = changedModel();
  const only: DistrictModel = { users: members, groups: m.groups };
  return cpuMs(() => (sink += compileDistrict(catalog, only, ASOF).levels.length));
};
// what copy-on-write alone costs: a fresh array the size of the compiled rows, filled from the old
const copy = () => cpuMs(() => {
  const next = new Uint8Array(compiled.levels.length);
  next.set(compiled.levels);
  sink += next[0]!;
});
await warmUp(10, { gatehouse, baseline, copy });
const r = await interleave(3, { gatehouse, baseline, copy });
const ratio = r.gatehouse.median / r.baseline.median;
console.log(`recompile / members-only: ${ratio.toFixed(2)}×`);
record("rights-recompile", {
  title: `recompile after one group change (${members.length.toLocaleString()} members of ${model.users.length.toLocaleString()} users)`,
  size,
  details: { users: model.users.length, members: members.length, ratio },
  figures: [
    { label: "recompileForGroup", unit: "ms CPU", stats: r.gatehouse },
    { label: "compileDistrict of only those members", unit: "ms CPU", stats: r.baseline, baseline: true },
    { label: `allocating and copying the compiled rows (${(compiled.levels.length / 1e6).toFixed(1)} MB), which a new version needs`, unit: "ms CPU", stats: r.copy },
  ],
  goal: "< 2× the members-only compile",
  met: ratio < 2,
});
if (sink === -1) console.log(sink);
