import { Alert, Anchor, Badge, Button, Group, Loader, Tabs, Text } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useParams, useSearchParams } from "react-router-dom";
import { PageHeader } from "../../components/page-header.js";
import { CalendarGrantsEditor } from "./calendar-grants-editor.js";
import { GroupCautions } from "./group-cautions.js";
import { GroupMembers } from "./group-members.js";
import { GroupSettings } from "./group-settings.js";
import { RightsEditor } from "./rights-editor.js";
import { RoleNotice, SecurityProblem } from "./role-notice.js";
import { keys, securityApi } from "./security-api.js";
import { CHANGES, useCapabilities } from "./use-capabilities.js";
import { useCatalogTree } from "./use-catalog.js";
import { RightsHistoryTab } from "../governance/rights-history-tab.js";

/** One user group: its tool rights, calendar rights, members and settings. */
export function GroupPage() {
  const { groupId = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const queryClient = useQueryClient();
  const group = useQuery({ queryKey: keys.group(groupId), queryFn: () => securityApi.group(groupId) });
  const tree = useCatalogTree();
  // the preference decides whether this group may take tool rights; without the tool to read it, the save says so
  const prefs = useQuery({ queryKey: keys.preferences, queryFn: securityApi.preferences, retry: false });
  const { can } = useCapabilities();
  const reload = () => void queryClient.invalidateQueries({ queryKey: keys.all });
  const tab = params.get("tab") ?? "rights";
  const g = group.data;
  const calendarGroup =
    prefs.data?.automaticStaffAccounts === true && g !== undefined && g.calendarGrants.length > 0 && !g.entries.some((e) => !e.deny && e.rights !== "");

  if (!g) {
    return (
      <>
        <PageHeader title="User group" />
        <SecurityProblem error={group.error} />
        {group.isPending && <Loader aria-label="Loading the group" />}
      </>
    );
  }
  return (
    <>
      <Text size="sm" mb={4}>
        <Anchor component={Link} to="/security/groups">
          User groups
        </Anchor>{" "}
        ›
      </Text>
      <PageHeader
        title={g.name}
        actions={
          <Group gap="sm">
            <Button component={Link} to={`/security/groups/${g.id}/report`} variant="default">
              Print view
            </Button>
            <Button component="a" href={`/api/groups/${g.id}/rights.csv`} download variant="default">
              Export rights (CSV)
            </Button>
          </Group>
        }
        description={
          <>
            {g.description || "No description."}{" "}
            <Group gap={6} mt={6} component="span">
              <Badge variant="light" color="gray" tt="none">
                {g.memberCount} {g.memberCount === 1 ? "member" : "members"}
                {g.memberLimit !== null ? ` of ${g.memberLimit} allowed` : ""}
              </Badge>
              {g.template && (
                <Badge variant="light" color="blue" tt="none">
                  from the seed's {g.template}
                </Badge>
              )}
            </Group>
          </>
        }
      />
      <RoleNotice />
      <GroupCautions groupId={g.id} />
      <Tabs value={tab} onChange={(v) => v && setParams({ tab: v }, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="rights">Tool rights</Tabs.Tab>
          <Tabs.Tab value="calendars">Calendar rights</Tabs.Tab>
          <Tabs.Tab value="members">Members</Tabs.Tab>
          <Tabs.Tab value="settings">Settings</Tabs.Tab>
          <Tabs.Tab value="history">History</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="rights">
          <SecurityProblem error={tree.error} />
          {tree.data && (
            <RightsEditor
              tree={tree.data}
              entries={g.entries}
              version={g.version}
              readOnly={!can(CHANGES.rights)}
              granteeLabel={`group "${g.name}"`}
              intro={
                calendarGroup && (
                  <Alert color="orange" variant="light" title="A calendar group: tool rights cannot be added" data-testid="calendar-group-notice">
                    "{g.name}" holds only calendar rights and Automatic Creation of Staff Accounts is on (Account Security Preferences), so it
                    places automatically created staff accounts in calendars and cannot also be given tool rights. Put the tool rights in a separate
                    group and add the same people to it. Deny entries can still be added here.
                  </Alert>
                )
              }
              preview={(entries) => securityApi.previewGroupRights(g.id, entries)}
              save={(entries, version) => securityApi.saveGroupRights(g.id, entries, version)}
              onSaved={reload}
            />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="calendars">
          <CalendarGrantsEditor
            grants={g.calendarGrants}
            readOnly={!can(CHANGES.groupCalendarRights)}
            granteeLabel={`group "${g.name}"`}
            save={(grants) => securityApi.saveGroupGrants(g.id, grants, g.version)}
            onSaved={reload}
          />
        </Tabs.Panel>
        <Tabs.Panel value="members">
          <GroupMembers group={g} onChanged={reload} />
        </Tabs.Panel>
        <Tabs.Panel value="settings">
          <GroupSettings group={g} readOnly={!can(CHANGES.groupSettings)} onChanged={reload} />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <RightsHistoryTab group={g} readOnly={!can(CHANGES.restoreRights)} onRestored={reload} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
