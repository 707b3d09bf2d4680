import type { Command } from "commander";
import { DEMO_DISTRICT, DEMO_LOGINS, DEMO_VENDOR_LOGIN } from "../features/demo/demo-logins.js";
import { seedDemo } from "../features/demo/seed-demo.js";
import { SUPPORT_DEMO_LOGINS } from "../features/demo/seed-support.js";
import { settlePublicUrl } from "../features/installation/public-url.js";
import { systemClock } from "../platform/clock.js";
import { loadConfig } from "../platform/config.js";
import type { startJobs } from "../platform/jobs/start-jobs.js";
import { startAdminChannel } from "./admin-channel.js";
import { servingRoleWarnings } from "../platform/db/app-role.js";
import { openDatabase } from "./context.js";
import { DEMO_STUDENTS, seedStudents } from "./seed-students.js";

function contactRole(c: (typeof SUPPORT_DEMO_LOGINS)[number]): string {
  const status = "deactivated" in c && c.deactivated ? "deactivated" : `last active ${c.daysSinceActivity} days ago`;
  return `authorized ${c.type} contact, ${status} (sets up MFA for the portal)`;
}

export function registerServe(program: Command) {
  program
    .command("serve")
    .description("Start the Gatehouse server (migrates the database; seeds the demo district into an empty embedded database)")
    .option("--port <port>", "port to listen on (default: PORT or 3000)")
    .option("--no-demo", "do not seed the demo district into an empty database")
    .action(async (options: { port?: string; demo: boolean }) => {
      const config = loadConfig({ ...process.env, ...(options.port ? { PORT: options.port } : {}) });
      // The HTTP application's modules load while the database opens (PGlite's WebAssembly
      // compiles on another thread); the background jobs' modules only after listening.
      const appModules = Promise.all([import("../platform/app.js"), import("../platform/rights-provider.js")]);
      appModules.catch(() => undefined); // reported where it is awaited, not as unhandled meanwhile
      const database = await openDatabase(config, "gatehouse serve");
      database.dataDirLock?.update({ port: config.port });
      config.publicUrl = await settlePublicUrl(database.db, config);
      for (const warning of await servingRoleWarnings(database)) process.stderr.write(`gatehouse: warning: ${warning}\n`);
      const seeded = options.demo && !config.databaseUrl ? await seedDemo(database.db) : null;
      // Also on later starts, so a first start stopped half-way still ends with student data.
      if (seeded) await seedStudents(database, seeded.districtId, DEMO_STUDENTS, undefined, true);
      const [{ createApp }, { createRightsProvider }] = await appModules;
      const deps = { config, database, clock: systemClock, rights: createRightsProvider(database) };
      const { app } = await createApp(deps);
      let jobs: Awaited<ReturnType<typeof startJobs>> | null = null;
      const forwarding = config.auditSyslogUrl
        ? await (await import("../platform/audit-forward/start-audit-forwarding.js")).startAuditForwarding({ database, url: config.auditSyslogUrl, format: config.auditSyslogFormat, log: app.log.child({ name: "audit-forward" }) })
        : null;
      let admin: Awaited<ReturnType<typeof startAdminChannel>> | null = null;
      const stop = async () => {
        await admin?.close();
        await forwarding?.stop();
        await jobs?.stop();
        await app.close();
        await database.close();
        process.exit(0);
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      await app.listen({ port: config.port, host: config.host });
      if (database.dataDirLock) {
        const address = app.server.address();
        database.dataDirLock.update({ port: typeof address === "object" && address ? address.port : config.port });
        // The CLI's commands now go through this process instead of opening the folder themselves.
        admin = await startAdminChannel({ database, config });
      }
      // After listening: /healthz answers while pg-boss sets itself up.
      jobs = await (await import("../platform/jobs/start-jobs.js")).startJobs(deps, app.log); // daily inactivity sweep (pg-boss) and outbox delivery
      const url = config.publicUrl;
      const where = config.databaseUrl ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite in ${config.dataDir}`;
      const lines = [``, `Gatehouse is running at ${url}  (database: ${where})`, `API documentation: ${url}/docs`];
      if (seeded) {
        lines.push(``, `Demo district "${DEMO_DISTRICT.name}" — sign in at ${url}/login/${DEMO_DISTRICT.slug}`);
        for (const l of DEMO_LOGINS) lines.push(`  ${l.username.padEnd(11)} ${l.password.padEnd(18)} ${l.role}`);
        for (const c of SUPPORT_DEMO_LOGINS) lines.push(`  ${c.username.padEnd(11)} ${c.password.padEnd(18)} ${contactRole(c)}`);
        lines.push(`Vendor staff — sign in at ${url}/login/vendor`);
        lines.push(`  ${DEMO_VENDOR_LOGIN.username.padEnd(11)} ${DEMO_VENDOR_LOGIN.password.padEnd(18)} ${DEMO_VENDOR_LOGIN.role}`);
      }
      process.stdout.write(lines.join("\n") + "\n\n");
    });
}
