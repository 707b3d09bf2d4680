import { Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { keys, securityApi } from "./security-api.js";

/** Search-as-you-type picker over the district's staff. */
export function UserPicker({ value, onChange, exclude = [], label = "Person", error }: { value: string | null; onChange(id: string | null): void; exclude?: string[]; label?: string; error?: string }) {
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 200);
  const users = useQuery({ queryKey: keys.users(debounced), queryFn: () => securityApi.users(debounced) });
  const data = (users.data ?? []).filter((u) => !exclude.includes(u.id)).map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }));
  return (
    <Select
      label={label}
      placeholder="Type a name or username"
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      data={data}
      value={value}
      onChange={onChange}
      error={error}
      nothingFoundMessage={users.isFetching ? "Searching…" : "Nobody matches"}
      filter={({ options }) => options}
      w={320}
    />
  );
}
