/**
 * A full compile of the district (compileDistrict: every user's row of levels, calendar grants,
 * group members, validity window) against the floor of that work: allocating the flat array
 * and merging each user's active groups' precompiled rows into it, 32 bits at a time, with
 * nothing else (no denies, no inheritance, no grants, no index). Each run compiles fresh model
 * objects, as a reload from the database gives, so no cached group helps.
 */
import { compileDistrict, compileGrantee, levelBytesOf } from "../../src/domain/rights/compile-district.js";
import { isActiveAt } from "../../src/domain/rights/model.js";
import { benchSize, cpuMs, interleave, record, warmUp } from "../lib/measure.js";
import { ASOF, benchDistrict, freshCopy } from "./district.js";

const size = benchSize();
const d = benchDistrict(size);
const { catalog, model } = d;
const stride = levelBytesOf(catalog);
// the baseline's inputs are ready-made: every group's row, already inherited down the tree
const groupRows = new Map(model.groups.map((g) => {
  const row = new Uint8Array(stride);
  row.set(compileGrantee(catalog, g.entries, ASOF).levels);
  return [g.id, new Uint32Array(row.buffer)];
}));
let sink = 0;

const gatehouse = () => {
  const m = freshCopy(model);
  return cpuMs(() => (sink += compileDistrict(catalog, m, ASOF).rows.length));
};
const baseline = () =>
  cpuMs(() => {
    const words = stride >> 2;
    const out = new Uint32Array(model.users.length * words);
    for (let u = 0; u < model.users.length; u++) {
      const base = u * words;
      for (const m of model.users[u]!.memberships) {
        if (!isActiveAt(m, ASOF)) continue;
        const row = groupRows.get(m.groupId)!;
        for (let j = 0; j < words; j++) out[base + j]! |= row[j]!;
      }
    }
    sink += out[0]!;
  });
const WARM = size === "state" ? 2 : 5;
await warmUp(WARM, { gatehouse, baseline });
const r = await interleave(3, { gatehouse, baseline });
const memoryMb = process.memoryUsage().heapUsed / 1e6;
record("rights-compile", {
  title: `full compile of ${model.users.length.toLocaleString()} users × ${catalog.nodes.length} tools`,
  size,
  details: { users: model.users.length, groups: model.groups.length, nodes: catalog.nodes.length, heapUsedMbAfter: Math.round(memoryMb) },
  figures: [
    { label: "compileDistrict", unit: "ms CPU", stats: r.gatehouse },
    { label: "allocate the flat array + OR each user's group rows (32 bits at a time)", unit: "ms CPU", stats: r.baseline, baseline: true },
  ],
  goal: size === "state" ? "< 1 s for 100,000 users" : "< 1 s at state size (run --size state)",
  met: r.gatehouse.median < 1000,
});
if (sink === -1) console.log(sink);
