import { SegmentedControl } from "@mantine/core";
import { useSearchParams } from "react-router-dom";
import { PageHeader } from "../../components/page-header.js";
import { CompareGroupsView } from "./compare-groups-view.js";
import { CompareUsersView } from "./compare-users-view.js";

/** Compare two groups, or two people, side by side. */
export function ComparePage() {
  const [params, setParams] = useSearchParams();
  const mode = params.get("mode") === "users" ? "users" : "groups";
  return (
    <>
      <PageHeader title="Compare" description="See exactly where two groups, or two people, differ: tool rights with deny, calendar rights, members, and where each difference comes from." />
      <SegmentedControl
        mb="md"
        aria-label="What to compare"
        value={mode}
        onChange={(v) => setParams({ mode: v }, { replace: true })}
        data={[
          { value: "groups", label: "Two groups" },
          { value: "users", label: "Two people" },
        ]}
      />
      {mode === "groups" ? <CompareGroupsView /> : <CompareUsersView />}
    </>
  );
}
