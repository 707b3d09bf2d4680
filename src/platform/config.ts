import path from "node:path";
import { z } from "zod";

const ZConfig = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(3000),
  host: z.string().default("0.0.0.0"),
  publicUrl: z.string().url().optional(),
  databaseUrl: z.string().startsWith("postgres").optional(),
  /** the tables' owner, for migrations; DATABASE_URL is then the least-privilege serving role */
  migrationDatabaseUrl: z.string().startsWith("postgres").optional(),
  dataDir: z.string().default("./data"),
  smtpUrl: z.string().optional(),
  mailFrom: z.string().default("Gatehouse <no-reply@gatehouse.local>"),
  cookieSecure: z.enum(["auto", "true", "false"]).default("auto"),
  sessionIdleMinutes: z.coerce.number().int().positive().default(30),
  sessionAbsoluteHours: z.coerce.number().int().positive().default(12),
  logLevel: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  sweepTime: z.string().regex(/^\d{2}:\d{2}$/, "use HH:MM").default("02:00"),
  webDir: z.string().default("dist/web"),
  signInRateLimit: z.coerce.number().int().positive().default(20),
});

export type Config = z.infer<typeof ZConfig>;

/** Reads configuration from the environment; a bad value stops start-up with the variable's name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ZConfig.safeParse({
    port: env.PORT,
    host: env.HOST,
    publicUrl: env.GATEHOUSE_PUBLIC_URL,
    databaseUrl: env.DATABASE_URL || undefined,
    migrationDatabaseUrl: env.MIGRATION_DATABASE_URL || undefined,
    dataDir: env.GATEHOUSE_DATA_DIR,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM,
    cookieSecure: env.COOKIE_SECURE,
    sessionIdleMinutes: env.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: env.SESSION_ABSOLUTE_HOURS,
    logLevel: env.LOG_LEVEL,
    sweepTime: env.GATEHOUSE_SWEEP_TIME,
    webDir: env.GATEHOUSE_WEB_DIR,
    signInRateLimit: env.GATEHOUSE_SIGN_IN_RATE_LIMIT,
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${ENV_NAMES[String(i.path[0])] ?? i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.dataDir) };
}

const ENV_NAMES: Record<string, string> = {
  port: "PORT",
  host: "HOST",
  publicUrl: "GATEHOUSE_PUBLIC_URL",
  databaseUrl: "DATABASE_URL",
  migrationDatabaseUrl: "MIGRATION_DATABASE_URL",
  dataDir: "GATEHOUSE_DATA_DIR",
  smtpUrl: "SMTP_URL",
  mailFrom: "MAIL_FROM",
  cookieSecure: "COOKIE_SECURE",
  sessionIdleMinutes: "SESSION_IDLE_MINUTES",
  sessionAbsoluteHours: "SESSION_ABSOLUTE_HOURS",
  logLevel: "LOG_LEVEL",
  sweepTime: "GATEHOUSE_SWEEP_TIME",
  webDir: "GATEHOUSE_WEB_DIR",
  signInRateLimit: "GATEHOUSE_SIGN_IN_RATE_LIMIT",
};
