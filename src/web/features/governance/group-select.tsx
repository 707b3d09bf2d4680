import { Select } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { keys, securityApi } from "../security/security-api.js";

/** One of the district's user groups, chosen by name. */
export function GroupSelect({ label, value, onChange, error }: { label: string; value: string | null; onChange(id: string | null): void; error?: string }) {
  const groups = useQuery({ queryKey: keys.groups(""), queryFn: () => securityApi.groups("") });
  return (
    <Select
      label={label}
      placeholder="Choose a group"
      searchable
      data={(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
      value={value}
      onChange={onChange}
      error={error}
      nothingFoundMessage="No group by that name"
      w={320}
    />
  );
}
