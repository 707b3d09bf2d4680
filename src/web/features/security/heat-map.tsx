import { Anchor, Group, Stack, Text, Tooltip } from "@mantine/core";
import { Link } from "react-router-dom";

const LEVEL_NAMES = ["none", "R", "RW", "RWA", "RWAD"];
const LEVEL_LABELS = ["No rights", "Read", "Read, write", "Read, write, add", "Read, write, add, delete"];

export type HeatMapData = {
  modules: string[];
  rows: { groupId: string; groupName: string; members: number; cells: { max: number; min: number; denied: boolean }[] }[];
};

/** Groups down, modules across, coloured by the highest level the group has in the module. */
export function HeatMap({ data }: { data: HeatMapData }) {
  const columns = `minmax(160px, 220px) repeat(${data.modules.length}, minmax(22px, 1fr))`;
  return (
    <Stack gap="sm">
      <div className="gh-heat" style={{ gridTemplateColumns: columns }} role="table" aria-label="Rights heat map: groups by modules">
        <div role="rowheader" />
        {data.modules.map((m) => (
          <div key={m} className="gh-heat-col" role="columnheader" title={m}>
            {m}
          </div>
        ))}
        {data.rows.map((row) => (
          <div key={row.groupId} style={{ display: "contents" }} role="row">
            <div className="gh-heat-row" role="rowheader" title={`${row.groupName} (${row.members} members)`}>
              <Anchor component={Link} to={`/security/groups/${row.groupId}`} size="sm" c="inherit">
                {row.groupName}
              </Anchor>{" "}
              <Text span size="xs" c="dimmed">
                {row.members}
              </Text>
            </div>
            {row.cells.map((c, i) => {
              const deny = c.denied ? " Denied in part or all of it by a deny entry." : "";
              const label =
                (c.min === c.max
                  ? `${row.groupName} on ${data.modules[i]}: ${LEVEL_LABELS[c.max]}`
                  : `${row.groupName} on ${data.modules[i]}: from ${LEVEL_NAMES[c.min]} to ${LEVEL_NAMES[c.max]} (set differently inside)`) + deny;
              return (
                <Tooltip key={i} label={label} withArrow openDelay={150}>
                  <div className={`gh-heat-cell gh-level-${c.max}`} data-mixed={c.min !== c.max} data-denied={c.denied} role="cell" aria-label={label}>
                    {c.denied ? (c.max > 0 ? `${LEVEL_NAMES[c.max]} ⊘` : "deny") : c.max > 0 ? LEVEL_NAMES[c.max] : ""}
                  </div>
                </Tooltip>
              );
            })}
          </div>
        ))}
      </div>
      <Group gap="md" aria-label="Legend">
        {LEVEL_LABELS.map((l, i) => (
          <Group key={l} gap={6}>
            <div className={`gh-heat-cell gh-level-${i}`} style={{ width: 26, height: 16 }} />
            <Text size="xs">{l}</Text>
          </Group>
        ))}
        <Group gap={6}>
          <div className="gh-heat-cell gh-level-0" data-mixed="true" style={{ width: 26, height: 16 }} />
          <Text size="xs">Yellow outline: tools inside the module are set differently (the colour shows the highest)</Text>
        </Group>
        <Group gap={6}>
          <div className="gh-heat-cell gh-level-0" data-denied="true" style={{ width: 26, height: 16 }}>
            ⊘
          </div>
          <Text size="xs">deny / ⊘: a deny entry takes the module (or part of it) away from every member</Text>
        </Group>
      </Group>
    </Stack>
  );
}
