import path from "node:path";
import { z } from "zod";

const ZConfig = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(3000),
  host: z.string().default("127.0.0.1"), // the demo prints its passwords: only this machine by default
  publicUrl: z.string().url().optional(),
  databaseUrl: z.string().startsWith("postgres").optional(),
  databasePoolSize: z.coerce.number().int().min(1).max(1000).default(20),
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
  trustProxy: z
    .string()
    .trim()
    .regex(/^(true|false|\d+|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*)?$/, "use true, a number of proxy hops, or a comma-separated list of proxy addresses/CIDRs")
    .default("")
    .transform(parseTrustProxy),
  attachmentsDir: z.string().optional(),
  metricsPort: z.coerce.number().int().min(0).max(65535).optional(),
  metricsToken: z.string().min(16, "use at least 16 characters").optional(),
  auditSyslogUrl: z.string().regex(/^(udp|tcp):\/\/[^/]+:\d+$/, "use udp://host:port or tcp://host:port").optional(),
  auditSyslogFormat: z.enum(["rfc5424", "json"]).default("rfc5424"),
  /** webhooks to loopback, private and link-local addresses: refused unless an operator allows them */
  webhookAllowPrivateUrls: z.enum(["true", "false"]).default("false").transform((v) => v === "true"),
  /** single sign-on's fetches (OIDC discovery, keys, tokens; SAML metadata) to such addresses, and over plain http: likewise */
  ssoAllowPrivateUrls: z.enum(["true", "false"]).default("false").transform((v) => v === "true"),
  /** the vendor support team's shared mailbox: told of every new case */
  supportTeamEmail: z.email("use one email address, for example support@vendor.example").optional(),
});

/** TRUST_PROXY: "true" trusts any proxy, a number that many hops, a list those addresses; empty or "false" none. */
function parseTrustProxy(value: string): boolean | number | string[] {
  if (value === "" || value === "false") return false;
  if (value === "true") return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(",").map((a) => a.trim());
}

export type Config = z.infer<typeof ZConfig>;

/** Reads configuration from the environment; a bad value stops start-up with the variable's name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ZConfig.safeParse({
    port: env.PORT,
    host: env.HOST,
    publicUrl: env.GATEHOUSE_PUBLIC_URL,
    databaseUrl: env.DATABASE_URL || undefined,
    databasePoolSize: env.DATABASE_POOL_SIZE,
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
    trustProxy: env.TRUST_PROXY,
    attachmentsDir: env.ATTACHMENTS_DIR || undefined,
    metricsPort: env.METRICS_PORT || undefined,
    metricsToken: env.METRICS_TOKEN || undefined,
    auditSyslogUrl: env.AUDIT_SYSLOG_URL || undefined,
    auditSyslogFormat: env.AUDIT_SYSLOG_FORMAT || undefined,
    webhookAllowPrivateUrls: env.WEBHOOK_ALLOW_PRIVATE_URLS || undefined,
    ssoAllowPrivateUrls: env.SSO_ALLOW_PRIVATE_URLS || undefined,
    supportTeamEmail: env.SUPPORT_TEAM_EMAIL || undefined,
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${ENV_NAMES[String(i.path[0])] ?? i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const attachmentsDir = parsed.data.attachmentsDir && path.resolve(parsed.data.attachmentsDir);
  return { ...parsed.data, dataDir: path.resolve(parsed.data.dataDir), attachmentsDir };
}

const ENV_NAMES: Record<string, string> = {
  port: "PORT",
  host: "HOST",
  publicUrl: "GATEHOUSE_PUBLIC_URL",
  databaseUrl: "DATABASE_URL",
  databasePoolSize: "DATABASE_POOL_SIZE",
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
  trustProxy: "TRUST_PROXY",
  attachmentsDir: "ATTACHMENTS_DIR",
  metricsPort: "METRICS_PORT",
  metricsToken: "METRICS_TOKEN",
  auditSyslogUrl: "AUDIT_SYSLOG_URL",
  auditSyslogFormat: "AUDIT_SYSLOG_FORMAT",
  webhookAllowPrivateUrls: "WEBHOOK_ALLOW_PRIVATE_URLS",
  ssoAllowPrivateUrls: "SSO_ALLOW_PRIVATE_URLS",
  supportTeamEmail: "SUPPORT_TEAM_EMAIL",
};
