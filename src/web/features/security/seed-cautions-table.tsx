import { Blockquote, Stack, Table, Text } from "@mantine/core";

export type SeedCaution = { code: string; seedSays: string; subject: string; finding: string };

/** The seed's cautions that the district's rights go against, each under the seed's own words. */
export function SeedCautionsTable({ data }: { data: { rows: SeedCaution[] } }) {
  if (data.rows.length === 0) return <Text c="dimmed">Nothing in the district goes against the seed's cautions.</Text>;
  const bySaying = new Map<string, SeedCaution[]>();
  for (const r of data.rows) bySaying.set(r.seedSays, [...(bySaying.get(r.seedSays) ?? []), r]);
  return (
    <Stack>
      {[...bySaying].map(([seedSays, rows]) => (
        <section key={seedSays} aria-label={`Caution: ${rows[0]!.code}`} data-testid="seed-caution">
          <Blockquote color="yellow" p="sm" mb="xs">
            {seedSays}
          </Blockquote>
          <Table withTableBorder aria-label={`Findings: ${rows[0]!.code}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Where</Table.Th>
                <Table.Th>Finding</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={`${r.subject}|${r.finding}`}>
                  <Table.Td>{r.subject}</Table.Td>
                  <Table.Td>{r.finding}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </section>
      ))}
    </Stack>
  );
}
