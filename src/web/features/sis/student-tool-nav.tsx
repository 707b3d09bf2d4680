import { NavLink, Paper, Text } from "@mantine/core";
import { Link } from "react-router-dom";
import type { StudentTab, StudentTabId } from "./student-tabs.js";

/** The student's tools grouped as Campus groups them (General, Health, …); only those the user can read. */
export function StudentToolNav({ personId, tabs, current }: { personId: string; tabs: StudentTab[]; current: StudentTabId }) {
  const groups = [...new Set(tabs.map((t) => t.group))];
  return (
    <Paper withBorder radius="md" p={6} w={{ base: "100%", sm: 210 }} style={{ flexShrink: 0 }} component="nav" aria-label="Student tools">
      {groups.map((group) => (
        <div key={group}>
          <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt={8} pb={2}>
            {group}
          </Text>
          {tabs
            .filter((t) => t.group === group)
            .map((t) => (
              <NavLink
                key={t.id}
                component={Link}
                to={`/students/${personId}/${t.id}`}
                label={t.label}
                active={t.id === current}
                aria-current={t.id === current ? "page" : undefined}
                title={t.tool}
                py={6}
              />
            ))}
        </div>
      ))}
    </Paper>
  );
}
