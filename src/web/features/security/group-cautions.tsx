import { Alert } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { SeedCautionsTable } from "./seed-cautions-table.js";
import { keys, securityApi } from "./security-api.js";

/**
 * The seed's cautions that this group or its members go against (a second Schedule Wizard holder,
 * Delete on Schedule outside Schedulers, master-scheduling rights past the end date, a limited
 * group over its limit, SSN without calendar rights), live above the rights editor. Nothing shows
 * when there are none; a reader without the right to them sees the editor as before.
 */
export function GroupCautions({ groupId }: { groupId: string }) {
  const cautions = useQuery({ queryKey: keys.groupCautions(groupId), queryFn: () => securityApi.groupCautions(groupId), retry: false });
  const rows = cautions.data?.rows ?? [];
  if (rows.length === 0) return null;
  return (
    <Alert color="yellow" variant="light" mb="md" title={`The seed's cautions: ${rows.length} ${rows.length === 1 ? "finding" : "findings"} about this group`} data-testid="group-cautions">
      <SeedCautionsTable data={{ rows }} />
    </Alert>
  );
}
