import { getCatalog } from "../../domain/rights/catalog.js";
import type { Db } from "../../platform/db/connect.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { notFound } from "../../platform/http/errors.js";
import { findUserAccount, readUserGroups } from "../rights/repo-users.js";
import type { MyData } from "./schema.js";

const iso = (d: Date | string | null) => (d == null ? null : new Date(d).toISOString());

/**
 * The seed's "My Data" (All Campus Users): what Gatehouse holds about the signed-in person and
 * what it lets them do — their account, groups, calendar rights and tool rights. Only their own.
 */
export async function getMyData(db: Db, actor: DistrictActor): Promise<MyData> {
  const account = await findUserAccount(db, actor, actor.userId);
  if (!account) throw notFound("Your account");
  const groups = await readUserGroups(db, actor, actor.userId);
  const { nodes } = getCatalog();
  // only where the right starts or changes, so an "RWAD everywhere" holder gets a short list
  const tools = nodes
    .map((n) => ({ n, rights: actor.rights.level(n.path) }))
    .filter(({ n, rights }) => rights !== "" && (n.parentIndex === null || actor.rights.level(nodes[n.parentIndex]!.path) !== rights))
    .map(({ n, rights }) => ({ tool: n.path, rights }));
  return {
    account: {
      username: account.username,
      displayName: account.displayName,
      email: account.email,
      productSecurityRole: account.productSecurityRole,
      lastLoginAt: iso(account.lastLoginAt),
    },
    groups: groups.map((g) => ({ name: g.name, from: iso(g.from), until: iso(g.until) })),
    calendars: actor.rights.calendarGrants().map((g) => ({ school: g.school, year: g.year, calendar: g.calendar, modify: g.modify })),
    tools,
  };
}
