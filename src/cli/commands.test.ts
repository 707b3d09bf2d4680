import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "./commands.js";

describe("the CLI's lazily loaded commands", () => {
  it.each(COMMANDS.map((c) => [c.name, c]))("%s registers the command it is listed under", async (name, entry) => {
    const program = new Command();
    (await entry.load())(program);
    expect(program.commands.map((c) => c.name())).toEqual([name]);
  });
});
