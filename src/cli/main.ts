import { Command } from "commander";
import { COMMANDS } from "./commands.js";

const program = new Command()
  .name("gatehouse")
  .description("Gatehouse: tool rights, calendar rights, protected data and authorized support contacts for a student information system")
  .showHelpAfterError();

// The program has no options of its own, so the first word is the command (`help serve` names serve).
const words = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const named = COMMANDS.find((c) => c.name === (words[0] === "help" ? words[1] : words[0]));
if (named) (await named.load())(program);
else for (const c of COMMANDS) program.command(c.name).summary(c.summary);

await program.parseAsync(process.argv);
