/**
 * The compiled rights check as the server uses it (checkRight: the user's row through rowAt,
 * calendar cap table), half of the checks in a calendar, against the floor: one read of a flat Uint8Array
 * at the same indices.
 */
import { calendarSlot } from "../../src/domain/rights/calendar-caps.js";
import { checkRight, checkRightInSlot } from "../../src/domain/rights/check-right.js";
import { compileDistrict } from "../../src/domain/rights/compile-district.js";
import { benchSize, cpuMs, interleave, record, warmUp } from "../lib/measure.js";
import { ASOF, benchDistrict, sampleChecks } from "./district.js";

const size = benchSize();
const d = benchDistrict(size);
const compiled = compileDistrict(d.catalog, d.model, ASOF);
const q = sampleChecks(d, 2_000_000);
// after a full compile row u is user u's (rowAt[u] = u * stride): the rows as one flat array
const flat = compiled.rows;
const stride = compiled.stride;
let sink = 0;

const mPerS = (ms: number) => q.count / ms / 1000;
const gatehouse = () =>
  mPerS(
    cpuMs(() => {
      for (let i = 0; i < q.count; i++) sink += checkRight(compiled, q.user[i]!, q.node[i]!, q.calendar[i]);
    }),
  );
// a caller looping over calendars resolves each to its slot once (calendarSlot), then checks by slot
const slots = new Int32Array(q.count);
for (let i = 0; i < q.count; i++) slots[i] = q.calendar[i] ? calendarSlot(compiled, q.calendar[i]!) : -1;
const bySlot = () =>
  mPerS(
    cpuMs(() => {
      for (let i = 0; i < q.count; i++) sink += checkRightInSlot(compiled, q.user[i]!, q.node[i]!, slots[i]!);
    }),
  );
const baseline = () =>
  mPerS(
    cpuMs(() => {
      for (let i = 0; i < q.count; i++) sink += flat[q.user[i]! * stride + q.node[i]!]!;
    }),
  );
await warmUp(3, { gatehouse, bySlot, baseline }); // the JIT, and the cap table for the 40 calendars
const r = await interleave(3, { gatehouse, bySlot, baseline });
record("rights-check", {
  title: "checkRight, 2,000,000 random checks, half of them in a calendar",
  size,
  details: { users: d.model.users.length, groups: d.model.groups.length, nodes: d.catalog.nodes.length, calendars: d.calendars.length },
  figures: [
    { label: "checkRight (calendar included)", unit: "M checks per CPU-second", stats: r.gatehouse },
    { label: "checkRightInSlot (calendar resolved to its slot once)", unit: "M checks per CPU-second", stats: r.bySlot },
    { label: "flat Uint8Array read at the same indices", unit: "M reads per CPU-second", stats: r.baseline, baseline: true },
  ],
  goal: "≥ 10 M checks/s per core, calendar included",
  met: r.gatehouse.median >= 10,
});
if (sink === -1) console.log(sink);
