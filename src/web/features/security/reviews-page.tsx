import { Anchor, Button, Group, Loader, Stack, Tabs, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useSearchParams } from "react-router-dom";
import { api } from "../../api.js";
import { PageHeader } from "../../components/page-header.js";
import { ProblemAlert } from "../../components/problem-alert.js";
import { HeatMap, type HeatMapData } from "./heat-map.js";
import { DeleteTable, ExpiringTable, IndividualTable, OverLimitTable, ProtectedTable } from "./review-tables.js";
import { SeedCautionsTable } from "./seed-cautions-table.js";
import "./security.css";

type ReviewTab = { name: string; label: string; about: string; render(data: never): ReactNode };

const TABS: ReviewTab[] = [
  {
    name: "protected-data",
    label: "Protected data",
    about: "Each federally protected area (FERPA/HIPAA) and everyone who can read it, with the group or entry that gives it. Deny access to anyone who does not need it: otherwise they can reach these fields through Ad hoc filters.",
    render: (d) => <ProtectedTable data={d} />,
  },
  {
    name: "individual-rights",
    label: "Individual rights",
    about: "Rights given to one user instead of through a group. Campus recommends groups: move these people into groups that match their duties.",
    render: (d) => <IndividualTable data={d} />,
  },
  { name: "groups-over-limit", label: "Over member limit", about: "Groups that should have limited members and now have more than their limit.", render: (d) => <OverLimitTable data={d} /> },
  { name: "expiring-grants", label: "Expiring soon", about: "Rights entries and group memberships that end in the next 30 days.", render: (d) => <ExpiringTable data={d} /> },
  {
    name: "delete-rights",
    label: "Delete and dangerous rights",
    about: "Groups holding Delete, and groups reaching rights the catalog marks dangerous (Delete on a schedule removes attendance and grades with it; master-scheduling tools are for the scheduling period only).",
    render: (d) => <DeleteTable data={d} />,
  },
  {
    name: "seed-cautions",
    label: "Seed cautions",
    about: "What in the district goes against the cautions of the User Group Tool Rights guide, under the guide's own words.",
    render: (d) => <SeedCautionsTable data={d} />,
  },
  {
    name: "heat-map",
    label: "Heat map",
    about: "Every group against every module, coloured by the highest rights level the group has inside the module.",
    render: (d: HeatMapData) => <HeatMap data={d} />,
  },
];

function ReviewPanel({ tab }: { tab: ReviewTab }) {
  const query = useQuery({ queryKey: ["security", "review", tab.name], queryFn: () => api.get<{ asOf: string }>(`/api/reviews/${tab.name}`) });
  return (
    <Stack gap="sm" pt="md">
      <h2 className="gh-print-title">{tab.label}</h2>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Text size="sm" c="dimmed" maw={760}>
          {tab.about}
          {query.data && ` As of ${new Date(query.data.asOf).toLocaleString()}.`}
        </Text>
        <Group gap="xs" className="gh-no-print" wrap="nowrap">
          <Button component="a" href={`/api/reviews/${tab.name}.csv`} download variant="default" size="xs">
            Download CSV
          </Button>
          <Button variant="default" size="xs" onClick={() => window.print()}>
            Print
          </Button>
        </Group>
      </Group>
      <ProblemAlert error={query.error} />
      {query.isPending && <Loader size="sm" aria-label="Loading the review" />}
      {query.data && tab.render(query.data as never)}
    </Stack>
  );
}

/** The access reviews a system administrator runs: who can see what, and what needs a second look. */
export function ReviewsPage() {
  const [params, setParams] = useSearchParams();
  const current = TABS.find((t) => t.name === params.get("review"))?.name ?? TABS[0]!.name;
  return (
    <>
      <PageHeader
        title="Access reviews"
        description={
          <>
            Reports for reviewing tool rights. Each can be downloaded as CSV or printed. Changes are in the{" "}
            <Anchor href="/security/audit">audit log</Anchor>.
          </>
        }
      />
      <Tabs value={current} onChange={(v) => v && setParams({ review: v }, { replace: true })} keepMounted={false}>
        <Tabs.List>
          {TABS.map((t) => (
            <Tabs.Tab key={t.name} value={t.name}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {TABS.map((t) => (
          <Tabs.Panel key={t.name} value={t.name}>
            <ReviewPanel tab={t} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}
