import { Anchor, Badge, Box, Button, Flex, Group, Loader, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link, Navigate, useParams } from "react-router-dom";
import { EmptyState } from "../../components/empty-state.js";
import { PageHeader } from "../../components/page-header.js";
import { AttendanceTab } from "./attendance-tab.js";
import { BehaviorTab } from "./behavior-tab.js";
import { DemographicsTab } from "./demographics-tab.js";
import { EnglishLearnersTab } from "./english-learners-tab.js";
import { EnrollmentsTab } from "./enrollments-tab.js";
import { formatDay, GENDER_LABELS } from "./format.js";
import { FramTab } from "./fram-tab.js";
import { GradesTab } from "./grades-tab.js";
import { HealthConditionsTab } from "./health-conditions-tab.js";
import { sisApi, sisKeys } from "./sis-api.js";
import { TOOLS, visibleTabs, type StudentTabId } from "./student-tabs.js";
import { StudentToolNav } from "./student-tool-nav.js";
import { SummaryTab } from "./summary-tab.js";
import { useSisTools } from "./use-sis-tools.js";

function tabContent(id: StudentTabId, personId: string, tool: string): ReactNode {
  switch (id) {
    case "summary":
      return <SummaryTab personId={personId} />;
    case "enrollments":
      return <EnrollmentsTab personId={personId} via="student" tool={tool} />;
    case "attendance":
      return <AttendanceTab personId={personId} />;
    case "behavior":
      return <BehaviorTab personId={personId} tool={tool} />;
    case "grades":
      return <GradesTab personId={personId} />;
    case "health":
      return <HealthConditionsTab personId={personId} tool={tool} />;
    case "english-learners":
      return <EnglishLearnersTab personId={personId} />;
    case "fram":
      return <FramTab personId={personId} />;
    case "demographics":
      return <DemographicsTab personId={personId} tool={tool} />;
    case "census-enrollments":
      return <EnrollmentsTab personId={personId} via="census" tool={tool} />;
  }
}

/** One student, with a tab for each student-data tool this user can read (and none for the others). */
export function StudentPage() {
  const { personId = "", tab } = useParams();
  const tools = useSisTools();
  const tabs = visibleTabs(tools.levels);
  const canSummary = tabs.some((t) => t.id === "summary");
  const summary = useQuery({ queryKey: sisKeys.tab(personId, "summary"), queryFn: () => sisApi.summary(personId), enabled: canSummary });
  const current = tabs.find((t) => t.id === tab);
  const canReadAccessLog = (tools.levels.get(TOOLS.accessLog) ?? "").includes("R");

  if (tools.isPending) return <Loader aria-label="Loading your rights" />;
  if (tabs.length === 0) {
    return <EmptyState title="No student tools" message="Your account has no rights to read student records. Ask your district's system administrator if you need them." />;
  }
  if (!current) return <Navigate to={`/students/${personId}/${tabs[0]!.id}`} replace />;

  const s = summary.data;
  const enrollment = s?.enrollments[0];
  return (
    <>
      <Text size="sm" mb={4}>
        <Anchor component={Link} to="/students">
          Students
        </Anchor>{" "}
        ›
      </Text>
      <PageHeader
        title={s ? `${s.lastName}, ${s.firstName}` : "Student"}
        actions={
          canReadAccessLog && (
            <Button component={Link} to={`/access-log?${new URLSearchParams({ personId, person: s ? `${s.lastName}, ${s.firstName} (${s.localId})` : "" })}`} variant="default" size="xs">
              Who has read this record
            </Button>
          )
        }
        description={
          s && (
            <Group gap={8} component="span">
              <Text span size="sm">
                Student #{s.localId} · born {formatDay(s.birthDate)} · {GENDER_LABELS[s.gender] ?? s.gender}
              </Text>
              {enrollment && (
                <Badge variant="light" tt="none">
                  Grade {enrollment.grade} · {enrollment.calendar.schoolName}
                </Badge>
              )}
            </Group>
          )
        }
      />
      {/* beside the record on a laptop, above it on a phone (the record needs the whole width there) */}
      <Flex direction={{ base: "column", sm: "row" }} align={{ base: "stretch", sm: "flex-start" }} gap="lg">
        <StudentToolNav personId={personId} tabs={tabs} current={current.id} />
        <Box style={{ flex: 1, minWidth: 0 }}>
          <Text size="xs" c="dimmed" mb="sm" data-testid="tool-path">
            {current.tool}
          </Text>
          {tabContent(current.id, personId, current.tool)}
        </Box>
      </Flex>
    </>
  );
}
