import { Alert, Badge, Button, Group, Loader, Select, Stack, Table, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { isApiError } from "../../api.js";
import { EmptyState } from "../../components/empty-state.js";
import { RoleNotice, SecurityProblem } from "./role-notice.js";
import { keys, securityApi, type SchoolAssignments, type UserDetail } from "./security-api.js";
import { CHANGES, useCapabilities } from "./use-capabilities.js";

type Assignment = SchoolAssignments["assignments"][number];

const SOURCE_LABELS: Record<Assignment["source"], string> = { oneroster: "OneRoster", scim: "SCIM", web: "Entered here" };
/** Who owns an assignment that is not the web app's, and where to change it. */
const OWNER_NOTES: Record<Exclude<Assignment["source"], "web">, string> = {
  oneroster: "Set by the OneRoster import: change it in the roster the SIS exports, then import again.",
  scim: "Set by the identity provider over SCIM (the user's department and title): change it there.",
};

/**
 * A staff member's school assignments from every source. Only the ones entered here can be
 * added or removed here; each change is saved at once, at the account version last read.
 */
export function UserSchoolAssignmentsTab({ user }: { user: UserDetail }) {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: keys.schoolAssignments(user.id), queryFn: () => securityApi.schoolAssignments(user.id) });
  const { can } = useCapabilities();
  const canManage = can(CHANGES.schoolAssignments);
  const [schoolId, setSchoolId] = useState<string | null>(null);
  const [title, setTitle] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const data = query.data;
  if (!data) return query.error ? <SecurityProblem error={query.error} /> : <Loader aria-label="Loading the school assignments" />;

  const web = data.assignments.filter((a) => a.source === "web").map((a) => ({ schoolId: a.schoolId!, title: a.title }));
  const save = async (assignments: { schoolId: string; title: string }[], done: string) => {
    setBusy(true);
    setError(null);
    try {
      queryClient.setQueryData(keys.schoolAssignments(user.id), await securityApi.saveSchoolAssignments(user.id, assignments, data.version));
      notifications.show({ color: "green", message: done });
      setSchoolId(null);
      setTitle("");
      void queryClient.invalidateQueries({ queryKey: keys.user(user.id) });
    } catch (e) {
      setError(e);
      // a conflict: show the assignments as they are now, beside the message
      if (isApiError(e) && e.code === "version-conflict") void query.refetch();
    } finally {
      setBusy(false);
    }
  };
  const schoolName = (id: string) => data.schools.find((s) => s.id === id)?.name ?? "the school";
  const add = () => schoolId && void save([...web, { schoolId, title: title.trim() }], `${user.displayName} is now assigned to ${schoolName(schoolId)}.`);
  const remove = (a: Assignment) => {
    const i = web.findIndex((w) => w.schoolId === a.schoolId && w.title === a.title);
    void save(web.filter((_, j) => j !== i), `${user.displayName} is no longer assigned to ${a.schoolName} here.`);
  };

  return (
    <Stack gap="md" maw={900}>
      <RoleNotice changes={[CHANGES.schoolAssignments]} />
      <Text size="sm" c="dimmed">
        Where {user.displayName} works, and as what. Assignments come from the OneRoster import, from the identity provider over SCIM, or are entered
        here; only those entered here can be changed here.{" "}
        {data.automaticStaffAccounts
          ? "Automatic creation of staff accounts is on: these assignments decide the account's calendar-only and role groups, and the account is disabled when none is left."
          : "Automatic creation of staff accounts is off: the assignments are kept, and act once it is turned on."}
      </Text>
      {isApiError(error) && error.code === "version-conflict" ? (
        <Alert color="orange" variant="light" role="alert" title="Changed by someone else meanwhile">
          {user.displayName}'s account was changed by someone else after you opened this page, so your change was not saved. The assignments below are as
          they are now: make your change again if it is still needed.
        </Alert>
      ) : (
        <SecurityProblem error={error} title="The school assignments were not changed" />
      )}
      {data.assignments.length === 0 ? (
        <EmptyState title="No school assignments" message={`No source assigns ${user.displayName} to a school.`} />
      ) : (
        <Table aria-label="School assignments" withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>School</Table.Th>
              <Table.Th>Title</Table.Th>
              <Table.Th>Source</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.assignments.map((a) => (
              <Table.Tr key={`${a.source}:${a.schoolName}:${a.title}`} data-testid="school-assignment-row">
                <Table.Td>{a.schoolName}</Table.Td>
                <Table.Td>{a.title || "—"}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={a.source === "web" ? "indigo" : "gray"}>
                    {SOURCE_LABELS[a.source]}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {a.source === "web" ? (
                    <Button size="xs" variant="subtle" color="red" disabled={!canManage || busy} onClick={() => remove(a)} aria-label={`Remove ${a.schoolName}${a.title ? ` (${a.title})` : ""}`}>
                      Remove
                    </Button>
                  ) : (
                    <Text size="xs">{OWNER_NOTES[a.source]}</Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group align="flex-end" component="section" aria-label="Add a school assignment">
        <Select
          label="School"
          placeholder={data.schools.length ? "Choose a school" : "The district has no schools yet"}
          data={data.schools.map((s) => ({ value: s.id, label: s.name }))}
          value={schoolId}
          onChange={setSchoolId}
          searchable
          disabled={!canManage}
          w={280}
        />
        <TextInput label="Title" placeholder="Teacher" value={title} onChange={(e) => setTitle(e.currentTarget.value)} disabled={!canManage} maxLength={100} w={220} />
        <Button onClick={add} disabled={!canManage || !schoolId} loading={busy}>
          Add assignment
        </Button>
      </Group>
    </Stack>
  );
}
