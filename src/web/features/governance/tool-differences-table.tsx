import { Checkbox, Table, Text } from "@mantine/core";
import { useState } from "react";
import { RightsCell } from "./rights-cell.js";

type Side = { rights: string; deny: boolean };
export type ToolDifferenceRow = { path: string; a: Side; b: Side; inherited: boolean };

/**
 * Tools where two sides differ. A tool that only repeats its parent's difference is folded into
 * the parent's row ("and N tools below") unless the reader asks to see every one.
 */
export function ToolDifferencesTable({ rows, label, headA, headB }: { rows: ToolDifferenceRow[]; label: string; headA: string; headB: string }) {
  const [every, setEvery] = useState(false);
  const shown = every ? rows : rows.filter((r) => !r.inherited);
  const below = (path: string) => rows.filter((r) => r.inherited && r.path.startsWith(`${path} > `)).length;
  return (
    <>
      <Checkbox mb="xs" label={`Show every tool (${rows.length}), not only where a difference starts (${rows.length - rows.filter((r) => r.inherited).length})`} checked={every} onChange={(e) => setEvery(e.currentTarget.checked)} />
      <Table aria-label={label} mb="lg" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Tool</Table.Th>
            <Table.Th w={160}>{headA}</Table.Th>
            <Table.Th w={160}>{headB}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((t) => {
            const n = every ? 0 : below(t.path);
            return (
              <Table.Tr key={t.path} data-testid="tool-difference-row" data-path={t.path}>
                <Table.Td>
                  {t.path}
                  {n > 0 && (
                    <Text span size="sm">
                      {" "}
                      and {n} {n === 1 ? "tool" : "tools"} below
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <RightsCell {...t.a} />
                </Table.Td>
                <Table.Td>
                  <RightsCell {...t.b} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </>
  );
}
