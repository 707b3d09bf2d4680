/**
 * Who has access: everyone with at least R on Student Information > Health > Conditions.
 * The list (listHolders: user indices and levels) and the full report with grant paths
 * (whoHasAccess: each group explained once), against the floor: one scan of the compiled
 * levels at that tool, keeping the users at or above R.
 */
import { requireNode } from "../../src/domain/rights/catalog.js";
import { compileDistrict } from "../../src/domain/rights/compile-district.js";
import { groupExplainer, listHolders, whoHasAccess } from "../../src/domain/rights/who-has-access.js";
import { benchSize, cpuMs, interleave, record, warmUp } from "../lib/measure.js";
import { ASOF, benchDistrict } from "./district.js";

const size = benchSize();
const d = benchDistrict(size);
const { catalog, model } = d;
const compiled = compileDistrict(catalog, model, ASOF);
const tool = "Student Information > Health > Conditions";
const node = requireNode(catalog, tool).index;
let holders = 0;
let sink = 0;

const list = () => cpuMs(() => (holders = listHolders(compiled, node, 1).userIdx.length));
const perGroup = () =>
  cpuMs(() => {
    const e = groupExplainer(catalog, model, node, 1, ASOF);
    for (const g of model.groups) if (e.ofGroup(g)) sink++;
  });
const report = () => cpuMs(() => (sink += whoHasAccess(catalog, compiled, tool, "R").length));
const baseline = () =>
  cpuMs(() => {
    const out = new Int32Array(compiled.userIds.length);
    let n = 0;
    // after a full compile row u is user u's (rowAt[u] = u * stride)
    for (let u = 0; u < compiled.userIds.length; u++) if (compiled.rows[u * compiled.stride + node]! >= 1) out[n++] = u;
    sink += n;
  });
await warmUp(3, { list, perGroup, report, baseline });
const r = await interleave(3, { list, perGroup, report, baseline });
record("rights-who-has-access", {
  title: `who has R on ${tool}: ${holders.toLocaleString()} holders of ${model.users.length.toLocaleString()} users`,
  size,
  details: { users: model.users.length, holders, groups: model.groups.length },
  figures: [
    { label: "the list (listHolders)", unit: "ms CPU", stats: r.list },
    { label: "explanations for every group, once each (groupExplainer)", unit: "ms CPU", stats: r.perGroup },
    { label: "the full report, every holder with grant paths (whoHasAccess)", unit: "ms CPU", stats: r.report },
    { label: "scan of the compiled levels at the tool", unit: "ms CPU", stats: r.baseline, baseline: true },
  ],
  goal: "< 20 ms for the list, explanations per group on demand",
  met: r.list.median < 20,
});
if (sink === -1) console.log(sink);
