import { Alert, Button, Checkbox, CopyButton, Group, Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { downloadFile } from "../../components/download-file.js";

type Props = { codes: string[]; onDone: () => void; doneLabel: string };

/** The recovery codes, shown exactly once: copy or download them, then say they are saved. */
export function RecoveryCodes({ codes, onDone, doneLabel }: Props) {
  const [saved, setSaved] = useState(false);
  const text = `Gatehouse recovery codes (each works once)\n\n${codes.join("\n")}\n`;
  return (
    <Stack gap="md">
      <Alert color="yellow" variant="light" title="This is the only time these codes are shown">
        Each code signs you in once if you lose your authenticator. Keep them somewhere safe, such as a password manager.
      </Alert>
      <Paper withBorder p="md" radius="md" bg="gray.0">
        <SimpleGrid cols={2} spacing="xs" component="ol" aria-label="Recovery codes" style={{ listStyle: "none", margin: 0, padding: 0 }}>
          {codes.map((code) => (
            <Text component="li" key={code} className="gh-code" fz="md" data-testid="recovery-code">
              {code}
            </Text>
          ))}
        </SimpleGrid>
      </Paper>
      <Group>
        <CopyButton value={codes.join("\n")}>
          {({ copied, copy }) => (
            <Button variant="default" onClick={copy}>
              {copied ? "Copied" : "Copy codes"}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" onClick={() => downloadFile("gatehouse-recovery-codes.txt", text)}>
          Download as a file
        </Button>
      </Group>
      <Checkbox label="I have saved my recovery codes" checked={saved} onChange={(e) => setSaved(e.currentTarget.checked)} />
      <Group>
        <Button onClick={onDone} disabled={!saved}>
          {doneLabel}
        </Button>
      </Group>
    </Stack>
  );
}
