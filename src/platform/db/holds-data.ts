/** Tables whose rows mean "someone's data is here": restoring over them needs --force. */
const DATA_TABLES = ["districts", "users", "audit_log"];

/** True when the database has any district, user or audit entry (a fresh, migrated one has none). */
export async function holdsData(query: <T>(text: string) => Promise<T[]>): Promise<boolean> {
  for (const table of DATA_TABLES) {
    const [present] = await query<{ t: string | null }>(`select to_regclass('public.${table}')::text as t`);
    if (!present?.t) continue;
    const [row] = await query<{ any: boolean }>(`select exists(select 1 from public.${table}) as any`);
    if (row?.any) return true;
  }
  return false;
}
