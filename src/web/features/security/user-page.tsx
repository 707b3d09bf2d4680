import { Alert, Anchor, Badge, Button, Group, Loader, Tabs, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useParams, useSearchParams } from "react-router-dom";
import { PageHeader } from "../../components/page-header.js";
import { CalendarGrantsEditor } from "./calendar-grants-editor.js";
import { EffectiveRightsTab } from "./effective-rights-tab.js";
import { RightsEditor } from "./rights-editor.js";
import { RoleNotice, SecurityProblem } from "./role-notice.js";
import { CHANGES, useCapabilities } from "./use-capabilities.js";
import { ROLE_LABELS } from "./roles.js";
import { keys, securityApi } from "./security-api.js";
import { useCatalogTree } from "./use-catalog.js";
import { UserAccountTab } from "./user-account-tab.js";
import { UserGroupsTab } from "./user-groups-tab.js";
import { UserSchoolAssignmentsTab } from "./user-school-assignments-tab.js";
import { PreviewButton } from "../governance/preview-button.js";

const INDIVIDUAL_ADVICE =
  "Campus highly recommends assigning tool rights through user groups. Individual users should NOT be assigned individual rights; rather, they should be made members of the user groups to which their job duties relate.";

/** One person: account and role, groups, individual rights, calendar rights, and their effective rights with "why". */
export function UserPage() {
  const { userId = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const queryClient = useQueryClient();
  const user = useQuery({ queryKey: keys.user(userId), queryFn: () => securityApi.user(userId) });
  const tree = useCatalogTree();
  const { can } = useCapabilities();
  const reload = () => void queryClient.invalidateQueries({ queryKey: keys.all });
  const tab = params.get("tab") ?? "account";
  const u = user.data;
  if (!u) {
    return (
      <>
        <PageHeader title="User" />
        <SecurityProblem error={user.error} />
        {user.isPending && <Loader aria-label="Loading the user" />}
      </>
    );
  }
  return (
    <>
      <Text size="sm" mb={4}>
        <Anchor component={Link} to="/security/users">
          Users
        </Anchor>{" "}
        ›
      </Text>
      <PageHeader
        title={u.displayName}
        actions={
          <Group gap="sm">
            <Button component={Link} to={`/security/users/${u.id}/report`} variant="default">
              Print view
            </Button>
            <Button component="a" href={`/api/users/${u.id}/effective-rights.csv`} download variant="default">
              Export rights (CSV)
            </Button>
            <PreviewButton user={u} />
          </Group>
        }
        description={
          <>
            {u.username} · {u.groups.length} {u.groups.length === 1 ? "group" : "groups"}{" "}
            {u.productSecurityRole !== "none" && (
              <Badge variant="light" ml={4}>
                {ROLE_LABELS[u.productSecurityRole]}
              </Badge>
            )}
          </>
        }
      />
      <RoleNotice />
      <Tabs value={tab} onChange={(v) => v && setParams({ tab: v }, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="account">Account</Tabs.Tab>
          <Tabs.Tab value="groups">Groups</Tabs.Tab>
          <Tabs.Tab value="rights">
            Individual rights{" "}
            {u.entries.length > 0 && (
              <Badge size="xs" color="orange" ml={4}>
                {u.entries.length}
              </Badge>
            )}
          </Tabs.Tab>
          <Tabs.Tab value="calendars">Calendar rights</Tabs.Tab>
          <Tabs.Tab value="effective">Effective rights</Tabs.Tab>
          <Tabs.Tab value="schools">School assignments</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="account">
          <UserAccountTab user={u} canManage={can(CHANGES.userRole)} onChanged={reload} />
        </Tabs.Panel>
        <Tabs.Panel value="groups">
          <UserGroupsTab user={u} canManage={can(CHANGES.addMember)} onChanged={reload} />
        </Tabs.Panel>
        <Tabs.Panel value="rights">
          <SecurityProblem error={tree.error} />
          {tree.data && (
            <RightsEditor
              tree={tree.data}
              entries={u.entries}
              version={u.version}
              readOnly={!can(CHANGES.userRights)}
              granteeLabel={u.displayName}
              intro={
                <Alert color="orange" variant="light" title="Use groups instead where you can">
                  {INDIVIDUAL_ADVICE} Individual rights are listed in the Individual rights review.
                </Alert>
              }
              save={async (entries, version) => {
                const saved = await securityApi.saveUserRights(u.id, entries, version);
                if (saved.warning) notifications.show({ color: "orange", title: "Saved, with a warning", message: saved.warning, autoClose: 10_000 });
                return saved;
              }}
              onSaved={reload}
            />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="calendars">
          <CalendarGrantsEditor grants={u.calendarGrants} readOnly={!can(CHANGES.userCalendarRights)} granteeLabel={u.displayName} save={(grants) => securityApi.saveUserGrants(u.id, grants, u.version)} onSaved={reload} />
        </Tabs.Panel>
        <Tabs.Panel value="effective">{tree.data && <EffectiveRightsTab userId={u.id} tree={tree.data} />}</Tabs.Panel>
        <Tabs.Panel value="schools">
          <UserSchoolAssignmentsTab user={u} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
