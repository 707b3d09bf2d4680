import { Command } from "commander";
import { registerMigrate } from "./migrate.js";
import { registerSeed } from "./seed.js";
import { registerServe } from "./serve.js";
import { registerUsers } from "./users.js";

const program = new Command()
  .name("gatehouse")
  .description("Gatehouse: tool rights, calendar rights, protected data and authorized support contacts for a student information system")
  .showHelpAfterError();

registerServe(program);
registerMigrate(program);
registerSeed(program);
registerUsers(program);
(await import("./contacts.js")).registerContacts(program);
(await import("./policy.js")).registerPolicy(program);
(await import("./db.js")).registerDb(program);

await program.parseAsync(process.argv);
