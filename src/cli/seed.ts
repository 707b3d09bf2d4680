import type { Command } from "commander";
import { seedDemo } from "../features/demo/seed-demo.js";
import { withDatabase } from "./context.js";
import { fail, out } from "./io.js";
import { DEMO_STUDENTS, parseStudentCount, seedStudents } from "./seed-students.js";

export function registerSeed(program: Command) {
  program
    .command("seed")
    .description("Load data into the database")
    .option("--demo", "create the demo district and its sign-ins (does nothing if it exists)")
    .option("--students <n>", "with --demo: fill the demo district with N synthetic students (default 500)", parseStudentCount)
    .option("--random-seed <n>", "with --students: the random seed (same seed and N give the same district)", Number)
    .action(async (options: { demo?: boolean; students?: number; randomSeed?: number }) => {
      if (!options.demo) return fail("say what to seed: --demo");
      await withDatabase(async (database) => {
        const result = await seedDemo(database.db);
        out(result.created ? "Demo district created.\n" : "Demo district already exists; nothing changed.\n");
        await seedStudents(database, result.districtId, options.students ?? DEMO_STUDENTS, options.randomSeed);
      });
    });
}
