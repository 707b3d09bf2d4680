import { Badge, Button, Card, Group, Select, Stack, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, isApiError } from "../../api.js";
import { PageHeader } from "../../components/page-header.js";
import { SecurityProblem } from "./role-notice.js";
import { keys } from "./security-api.js";
import { CHANGES, useCapabilities } from "./use-capabilities.js";
import { useCatalogTree } from "./use-catalog.js";

export type ProtectedAreasDto = { seed: string[]; district: { toolPath: string; markedBy: string; markedAt: string }[] };
export const PROTECTED_AREAS_KEY = ["protected-areas"] as const;

/** The district's protected areas (GET /api/protected-areas): anyone signed in may read them. */
export function useProtectedAreas() {
  return useQuery({ queryKey: PROTECTED_AREAS_KEY, queryFn: () => api.get<ProtectedAreasDto>("/api/protected-areas") });
}

const day = (iso: string) => iso.slice(0, 10);

/**
 * The seed: "This is not a comprehensive list." Its federally protected areas are fixed; the
 * district adds its own here, and they are treated the same everywhere.
 */
export function ProtectedAreasPage() {
  const queryClient = useQueryClient();
  const areas = useProtectedAreas();
  const tree = useCatalogTree();
  const canManage = useCapabilities().can(CHANGES.markProtected);
  const [tool, setTool] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const isProtected = (path: string) => [...(areas.data?.seed ?? []), ...(areas.data?.district.map((d) => d.toolPath) ?? [])].some((p) => path === p || path.startsWith(`${p} > `));
  const options = tree.data ? [...tree.data.nodes.values()].filter((n) => !isProtected(n.path)).map((n) => n.path) : [];
  const change = async (run: () => Promise<ProtectedAreasDto>, message: string) => {
    setBusy(true);
    setError(null);
    try {
      queryClient.setQueryData(PROTECTED_AREAS_KEY, await run());
      await queryClient.invalidateQueries({ queryKey: keys.catalog });
      notifications.show({ color: "green", message });
      setTool(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const mark = (path: string) => change(() => api.post<ProtectedAreasDto>("/api/protected-areas", { toolPath: path }), `${path} is now protected.`);
  const unmark = (path: string) => change(() => api.delete<ProtectedAreasDto>(`/api/protected-areas?toolPath=${encodeURIComponent(path)}`), `${path} is no longer protected by the district.`);
  const toolError = isApiError(error) ? error.errors.find((e) => e.path === "toolPath")?.message : undefined;
  return (
    <>
      <PageHeader
        title="Protected areas"
        description={`The seed lists the federally protected areas and says: "This is not a comprehensive list." Mark further tools the district protects: they are then withheld, logged in the access log, listed in the protected-data review and warned about in the rights editor, like the seed's.`}
      />
      <SecurityProblem error={areas.error ?? tree.error} />
      {canManage && (
        <Card withBorder radius="md" padding="md" mb="md" maw={860} component="section" aria-label="Mark a tool as protected">
          <Group align="flex-end" gap="sm">
            <Select label="Tool to protect" placeholder="Search the catalog" data={options} value={tool} onChange={setTool} searchable clearable w={560} error={toolError} nothingFoundMessage="No such tool" />
            <Button onClick={() => tool && void mark(tool)} disabled={!tool} loading={busy}>
              Mark as protected
            </Button>
          </Group>
          {isApiError(error) && !toolError && <SecurityProblem error={error} title="Nothing was changed" />}
        </Card>
      )}
      <Stack gap="lg" maw={860}>
        <Table striped withTableBorder aria-label="Protected by the district">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Protected by the district</Table.Th>
              <Table.Th>Marked by</Table.Th>
              <Table.Th>On</Table.Th>
              <Table.Th>Action</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {areas.data?.district.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={4}>
                  <Text size="sm">The district has not marked any tool: only the seed's list is protected.</Text>
                </Table.Td>
              </Table.Tr>
            )}
            {areas.data?.district.map((d) => (
              <Table.Tr key={d.toolPath}>
                <Table.Td>{d.toolPath}</Table.Td>
                <Table.Td>{d.markedBy}</Table.Td>
                <Table.Td>{day(d.markedAt)}</Table.Td>
                <Table.Td>
                  {canManage && (
                    <Button size="compact-xs" variant="subtle" color="red" onClick={() => void unmark(d.toolPath)} loading={busy} aria-label={`Unmark ${d.toolPath}`}>
                      Unmark
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Table striped withTableBorder aria-label="The seed's federally protected areas">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>The seed's federally protected areas (FERPA/HIPAA)</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {areas.data?.seed.map((p) => (
              <Table.Tr key={p}>
                <Table.Td>
                  {p}{" "}
                  <Badge size="xs" variant="light" color="gray">
                    fixed
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </>
  );
}
