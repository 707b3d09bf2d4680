import type { Command } from "commander";
import { parseDay } from "../domain/contacts/calendar-day.js";
import { sweepContacts } from "../features/lifecycle/sweep-contacts.js";
import { sweepOptionsFor } from "../features/lifecycle/sweep-options.js";
import { withDatabase } from "./context.js";
import { fail, out } from "./io.js";

const ACTION_LABELS = { notice: "notices of pending deactivation", reminder: "reminders", "final-notice": "final notices", deactivate: "deactivations" } as const;

export function registerContacts(program: Command) {
  const cmd = program.command("contacts").description("Authorized contacts");
  cmd
    .command("sweep")
    .description("Run the inactivity lifecycle once: notices, reminders, final notices and deactivations due on a day")
    .option("--as-of <YYYY-MM-DD>", "act as on this calendar day (UTC); default today")
    .option("--json", "print one JSON object per action ({district, username, action}) and nothing else")
    .action(async (o: { asOf?: string; json?: boolean }) => {
      let asOf: number | undefined;
      try {
        asOf = o.asOf === undefined ? undefined : parseDay(o.asOf);
      } catch (error) {
        return fail(`--as-of: ${(error as Error).message}`, 2);
      }
      await withDatabase(async (database, config) => {
        const result = await sweepContacts(database, sweepOptionsFor(config, new Date(), asOf));
        if (o.json) {
          const lines = result.actions.map((a) => JSON.stringify({ district: a.district, username: a.username, action: a.action }) + "\n");
          if (lines.length) out(lines.join(""));
          return;
        }
        const text = [`Inactivity sweep for ${result.asOf}:`];
        for (const s of result.stages) text.push(`  ${String(s.count).padStart(7)} ${ACTION_LABELS[s.stage].padEnd(32)} ${s.ms} ms`);
        for (const a of result.actions) text.push(`  ${a.action.padEnd(13)} ${a.district} / ${a.username}`);
        out(text.join("\n") + "\n");
      });
    });
}
