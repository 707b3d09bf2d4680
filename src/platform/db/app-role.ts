import type { Database } from "./connect.js";

/** The records nobody may rewrite: the serving role gets INSERT and SELECT on them, nothing more. */
export const APPEND_ONLY_TABLES = ["audit_log", "sis_access_log", "case_events"] as const;

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Gives the role Gatehouse serves as what it needs and no more, run by the owner of the tables
 * (the role `gatehouse migrate` uses): read and write on ordinary tables, INSERT and SELECT only
 * on the append-only ones, the same on tables later migrations create (default privileges), and
 * its own schema for pg-boss's queue tables. Safe to run again after every migration.
 */
export async function grantAppRole(database: Database, role: string): Promise<void> {
  if (database.kind !== "postgres") throw new Error("A serving role is for PostgreSQL; the embedded database has one user.");
  const [found] = await database.query<{ rolsuper: boolean }>("select rolsuper from pg_roles where rolname = $1", [role]);
  if (!found) throw new Error(`There is no role "${role}". Create it first: CREATE ROLE ${ident(role)} LOGIN PASSWORD '…';`);
  if (found.rolsuper) throw new Error(`"${role}" is a superuser: the serving role must be an ordinary role.`);
  const [me] = await database.query<{ me: string; db: string }>("select current_user as me, current_database() as db");
  if (me!.me === role) throw new Error(`"${role}" is the role migrating the database: serve as another role.`);
  const r = ident(role);
  const appendOnly = APPEND_ONLY_TABLES.join(", ");
  const statements = [
    `grant connect on database ${ident(me!.db)} to ${r}`,
    // pg-boss creates and owns its schema ("pgboss") as the serving role; it cannot touch public's tables
    `grant create on database ${ident(me!.db)} to ${r}`,
    `grant usage on schema public to ${r}`,
    `grant select, insert, update, delete on all tables in schema public to ${r}`,
    `grant usage, select on all sequences in schema public to ${r}`,
    `revoke update, delete, truncate, references, trigger on ${appendOnly} from ${r}`,
    `alter default privileges in schema public grant select, insert, update, delete on tables to ${r}`,
    `alter default privileges in schema public grant usage, select on sequences to ${r}`,
    // so a server can tell whether the database is migrated without being able to migrate it
    `grant usage on schema drizzle to ${r}`,
    `grant select on all tables in schema drizzle to ${r}`,
  ];
  for (const statement of statements) await database.query(statement);
  await giveBossSchema(database, role);
}

/** A pgboss schema installed earlier by the owner (served as the owner before) passes to the serving role. */
async function giveBossSchema(database: Database, role: string) {
  const [schema] = await database.query<{ owner: string }>("select nspowner::regrole::text as owner from pg_namespace where nspname = 'pgboss'");
  if (!schema || schema.owner === ident(role) || schema.owner === role) return;
  await database.query(`
    do $$
    declare o record;
    begin
      execute format('alter schema pgboss owner to %I', ${literal(role)});
      for o in select c.relname, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
               where n.nspname = 'pgboss' and c.relkind in ('r', 'p', 'v', 'm') loop
        execute format('alter table pgboss.%I owner to %I', o.relname, ${literal(role)});
      end loop;
      for o in select p.oid::regprocedure::text as sig from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'pgboss' loop
        execute format('alter routine %s owner to %I', o.sig, ${literal(role)});
      end loop;
      for o in select t.typname from pg_type t join pg_namespace n on n.oid = t.typnamespace where n.nspname = 'pgboss' and t.typtype = 'e' loop
        execute format('alter type pgboss.%I owner to %I', o.typname, ${literal(role)});
      end loop;
    end $$`);
}

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * Why the serving role is stronger than it should be, if it is: a superuser, or the owner of the
 * audit log (an owner can drop the triggers that keep it append-only). Empty when least-privilege.
 */
export async function servingRoleWarnings(database: Database): Promise<string[]> {
  if (database.kind !== "postgres") return [];
  const row = await roleOf(database);
  const warnings: string[] = [];
  if (row.superuser) warnings.push(`Gatehouse is serving as "${row.me}", a superuser.`);
  else if (row.owner === row.me) warnings.push(`Gatehouse is serving as "${row.me}", which owns the tables.`);
  if (warnings.length > 0) {
    warnings.push("That role can switch off the append-only audit log. Serve as a least-privilege role: set MIGRATION_DATABASE_URL to the owner and DATABASE_URL to the serving role (see DEPLOYMENT.md, Database roles).");
  }
  return warnings;
}

async function roleOf(database: Database) {
  const [row] = await database.query<{ me: string; superuser: boolean; owner: string | null }>(
    `select current_user as me, (select rolsuper from pg_roles where rolname = current_user) as superuser,
            (select tableowner from pg_tables where schemaname = 'public' and tablename = 'audit_log') as owner`,
  );
  return row!;
}

/** A least-privilege serving role cannot run migrations: an empty database, a superuser or the owner can. */
export async function mayMigrate(database: Database): Promise<boolean> {
  if (database.kind !== "postgres") return true;
  const role = await roleOf(database);
  return role.superuser || role.owner === null || role.owner === role.me;
}
