/**
 * `npm start` rebuilds only when a source changed (scripts/build.mjs): a file whose size and
 * modification time are as recorded is not read again, and a changed file is still seen.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
// @ts-expect-error: a plain JavaScript build script, without types
import { isUpToDate, writeStamp } from "../../scripts/build.mjs";

let base: string;
const source = () => path.join(base, "src/a.ts");

beforeEach(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), "gatehouse-build-"));
  fs.mkdirSync(path.join(base, "src"));
  fs.mkdirSync(path.join(base, "dist/server"), { recursive: true });
  fs.writeFileSync(source(), "export const a = 1;\n");
  writeStamp("server", ["src/a.ts"], base);
});
afterEach(() => fs.rmSync(base, { recursive: true, force: true }));

it("is up to date until a source changes, also when the change keeps the size", () => {
  expect(isUpToDate("server", base)).toBe(true);
  fs.writeFileSync(source(), "export const a = 2;\n");
  const later = new Date(Date.now() + 60_000); // an edit moves the time (here past the clock's granularity)
  fs.utimesSync(source(), later, later);
  expect(isUpToDate("server", base)).toBe(false);
});

it("does not rebuild for a file touched without a change", () => {
  const later = new Date(Date.now() + 60_000);
  fs.utimesSync(source(), later, later);
  expect(isUpToDate("server", base)).toBe(true);
});

it("rebuilds when a source is gone or nothing was built", () => {
  fs.rmSync(source());
  expect(isUpToDate("server", base)).toBe(false);
  expect(isUpToDate("web", base)).toBe(false);
});
