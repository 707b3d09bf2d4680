import { Anchor, Button, Group, Loader, Paper, Table, Text, TextInput } from "@mantine/core";
import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { ListTotal, LoadMore, SortableTh } from "../../components/paged-list.js";
import { useEffect, useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { isApiError } from "../../api.js";
import { EmptyState } from "../../components/empty-state.js";
import { PageHeader } from "../../components/page-header.js";
import { ProblemAlert } from "../../components/problem-alert.js";
import { formatDay, GENDER_LABELS } from "./format.js";
import { sisApi, sisKeys } from "./sis-api.js";
import { TOOLS } from "./student-tabs.js";
import { useSisTools } from "./use-sis-tools.js";

/**
 * Find a student by name or student number. With "Allow Unfiltered Search" an empty search lists
 * everyone the user may see; without it the API demands a name, and the page says so up front.
 */
export function StudentSearchPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const [draft, setDraft] = useState(q);
  useEffect(() => setDraft(q), [q]);
  const tools = useSisTools();
  const unfiltered = (tools.levels.get(TOOLS.unfilteredSearch) ?? "").includes("R");
  const searched = params.has("q");
  // Without unfiltered search, nothing is asked until the user has typed (or pressed Search).
  const sort = params.get("sort") ?? "name";
  const order = params.get("order") ?? "asc";
  const search = useInfiniteQuery({
    queryKey: [...sisKeys.search(q), sort, order],
    queryFn: ({ pageParam }) => sisApi.search(q, 50, { sort, order, cursor: pageParam }),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled: tools.isSuccess && (unfiltered || searched),
  });
  const students = search.data?.pages.flatMap((p) => p.students) ?? [];
  const total = search.data?.pages[0]?.total ?? 0;
  const sortBy = (s: string, o: "asc" | "desc") =>
    setParams(
      (now) => {
        const next = new URLSearchParams(now);
        next.set("sort", s);
        next.set("order", o);
        return next;
      },
      { replace: true },
    );
  const needsName = isApiError(search.error) && search.error.code === "search-needs-name";

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setParams(
      (now) => {
        const next = new URLSearchParams(now);
        next.set("q", draft.trim());
        return next;
      },
      { replace: true },
    );
  };

  return (
    <>
      <PageHeader title="Students" description="Find a student, then open their Summary, Enrollments, Attendance, Behavior, Grades, Health and Census records — each as far as your tool rights allow." />
      <Paper withBorder p="md" radius="md" mb="md" component="form" onSubmit={submit} role="search" aria-label="Search students">
        <Group align="flex-end" gap="sm">
          <TextInput
            label="Name or student number"
            placeholder="e.g. Adams, or Adams Abigail, or S0000431"
            value={draft}
            onChange={(e) => setDraft(e.currentTarget.value)}
            w={380}
            error={needsName ? (search.error as Error).message : undefined}
            data-autofocus
          />
          <Button type="submit">Search</Button>
        </Group>
        {tools.isSuccess && !unfiltered && !needsName && (
          <Text size="sm" c="dimmed" mt="xs" data-testid="unfiltered-hint">
            Type at least part of a name or a student number: your account does not have <strong>Allow Unfiltered Search</strong>, so Gatehouse does not list
            every student.
          </Text>
        )}
      </Paper>
      {!needsName && <ProblemAlert error={search.error ?? tools.error} title="The search did not work" />}
      {search.data && <ListTotal total={total} noun={["student", "students"]} />}
      {search.isFetching && <Loader size="sm" aria-label="Searching" />}
      {search.data && students.length === 0 && (
        <EmptyState title="No students found" message={q ? `Nobody you may see matches "${q}". Check the spelling, or try the student number.` : "No students are enrolled in calendars you have rights to."} />
      )}
      {search.data && students.length > 0 && (
        <>
          <Table striped withTableBorder aria-label="Students found">
            <Table.Thead>
              <Table.Tr>
                <SortableTh column="name" sort={sort} order={order} onSort={sortBy}>
                  Name
                </SortableTh>
                <SortableTh column="localId" sort={sort} order={order} onSort={sortBy}>
                  Student number
                </SortableTh>
                <SortableTh column="birthDate" sort={sort} order={order} onSort={sortBy}>
                  Birth date
                </SortableTh>
                <Table.Th>Gender</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {students.map((s) => (
                <Table.Tr key={s.id} data-testid="student-row">
                  <Table.Td>
                    <Anchor component={Link} to={`/students/${s.id}`} fw={500}>
                      {s.lastName}, {s.firstName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td className="gh-code">{s.localId}</Table.Td>
                  <Table.Td>{formatDay(s.birthDate)}</Table.Td>
                  <Table.Td>{GENDER_LABELS[s.gender] ?? s.gender}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <LoadMore query={search} shown={students.length} total={total} />
        </>
      )}
    </>
  );
}
