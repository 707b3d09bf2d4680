import { Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { sisApi, sisKeys } from "../sis/sis-api.js";

type Props = {
  value: string | null;
  /** The chosen record's label, kept by the caller so it shows after a reload too. */
  valueLabel: string;
  onChange: (id: string | null, label: string) => void;
};

/** Search-as-you-type over the students this user may see, by name or student number. */
export function StudentPicker({ value, valueLabel, onChange }: Props) {
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const found = useQuery({ queryKey: sisKeys.search(debounced), queryFn: () => sisApi.search(debounced, 20), enabled: debounced.length > 0 });
  const options = (found.data?.students ?? []).map((s) => ({ value: s.id, label: `${s.lastName}, ${s.firstName} (${s.localId})` }));
  // the chosen record stays an option while the list shows other matches
  const data = value && !options.some((o) => o.value === value) ? [{ value, label: valueLabel || "The chosen record" }, ...options] : options;
  return (
    <Select
      label="Whose record"
      placeholder="Name or number"
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      data={data}
      value={value}
      onChange={(id, option) => onChange(id, option?.label ?? "")}
      nothingFoundMessage={debounced ? (found.isFetching ? "Searching…" : found.isError ? found.error.message : "No student matches") : "Type a name or number"}
      filter={({ options: all }) => all}
    />
  );
}
