import type { Command } from "commander";

export type Register = (program: Command) => void;

/**
 * Every command, loaded only when it runs: `gatehouse --help` must not load the server, and a
 * command loads only what it uses. Adding a command is one line here.
 */
export const COMMANDS: { name: string; summary: string; load: () => Promise<Register> }[] = [
  { name: "serve", summary: "Start the Gatehouse server", load: async () => (await import("./serve.js")).registerServe },
  { name: "migrate", summary: "Apply database migrations", load: async () => (await import("./migrate.js")).registerMigrate },
  { name: "seed", summary: "Load demo data into the database", load: async () => (await import("./seed.js")).registerSeed },
  { name: "users", summary: "Manage user accounts", load: async () => (await import("./users.js")).registerUsers },
  { name: "contacts", summary: "Authorized contacts: the inactivity sweep", load: async () => (await import("./contacts.js")).registerContacts },
  { name: "policy", summary: "Policy as code: test, apply and export rights as YAML", load: async () => (await import("./policy.js")).registerPolicy },
  { name: "backup", summary: "Back up the database to a file", load: async () => (await import("./backup.js")).registerBackup },
  { name: "restore", summary: "Restore the database from a backup file", load: async () => (await import("./backup.js")).registerRestore },
  { name: "db", summary: "Database roles: grant the serving role its least privilege", load: async () => (await import("./db.js")).registerDb },
  { name: "tokens", summary: "API tokens and their service accounts: create, revoke, list", load: async () => (await import("./tokens.js")).registerTokens },
  { name: "oneroster", summary: "OneRoster 1.2 CSV: import a set from a student information system", load: async () => (await import("./oneroster.js")).registerOneRoster },
  { name: "audit", summary: "Export the audit and FERPA access logs", load: async () => (await import("./audit.js")).registerAudit },
];
