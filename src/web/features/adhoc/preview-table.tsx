import { Badge, Group, ScrollArea, Table, Text, Tooltip } from "@mantine/core";
import { EmptyState } from "../../components/empty-state.js";
import type { Column, Preview } from "./adhoc-api.js";
import { formatCell } from "./definition.js";

function ColumnHeader({ column }: { column: Column }) {
  return (
    <Group gap={4} wrap="nowrap" justify={column.type === "number" ? "flex-end" : "flex-start"}>
      <span>{column.label}</span>
      {column.withheld ? (
        <Tooltip label={`Withheld: you have no read right on ${column.tool}, so this column stays empty for you.`} multiline w={280} withArrow>
          <Badge size="xs" color="gray" variant="outline">
            withheld
          </Badge>
        </Tooltip>
      ) : (
        column.protected && (
          <Tooltip label={`Federally protected (${column.tool}): each value shown here is recorded in the access log.`} multiline w={280} withArrow>
            <Badge size="xs" color="orange" variant="light">
              protected
            </Badge>
          </Tooltip>
        )
      )}
    </Group>
  );
}

/** The first page of results, as the API returned it; withheld columns say why they are empty. */
export function PreviewTable({ preview }: { preview: Preview }) {
  if (preview.rows.length === 0) {
    return <EmptyState title="No rows match" message="No enrollment you can see meets every condition. Loosen or remove a condition and preview again." />;
  }
  return (
    <>
      <ScrollArea type="auto" offsetScrollbars>
        <Table aria-label="Preview" striped withTableBorder fz="sm" style={{ whiteSpace: "nowrap" }}>
          <Table.Thead>
            <Table.Tr>
              {preview.columns.map((c, i) => (
                <Table.Th key={`${c.id}:${i}`} scope="col" ta={c.type === "number" ? "right" : undefined}>
                  <ColumnHeader column={c} />
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.rows.map((row, r) => (
              <Table.Tr key={r}>
                {row.map((value, i) => (
                  <Table.Td key={i} c={preview.columns[i]?.withheld ? "dimmed" : undefined} ta={preview.columns[i]?.type === "number" ? "right" : undefined}>
                    {preview.columns[i]?.withheld ? "—" : formatCell(value)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      <Text size="xs" c="dimmed" mt={6}>
        {preview.more
          ? `The first ${preview.rows.length} rows. More rows match: export CSV to get all of them.`
          : `All ${preview.rows.length} ${preview.rows.length === 1 ? "row" : "rows"} that match.`}
      </Text>
    </>
  );
}
