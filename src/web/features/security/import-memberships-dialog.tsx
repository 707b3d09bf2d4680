import { Alert, Button, FileInput, Group, List, Modal, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { isApiError } from "../../api.js";
import { useFieldProblems } from "../../components/field-problems.js";
import { SecurityProblem } from "./role-notice.js";
import { securityApi } from "./security-api.js";

/**
 * Memberships from a CSV of `username,group` rows. The server checks the whole file first; its
 * problems are listed by row here and nothing is written until the file is clean.
 */
export function ImportMembershipsDialog({ onClose, onImported }: { onClose(): void; onImported(): void }) {
  const [csv, setCsv] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [overLimit, setOverLimit] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const rowErrors = isApiError(error) ? error.errors.filter((e) => e.path.startsWith("row ")) : [];
  // the rows are one input: its message says how many rows to correct, the list below says which
  const fields = useFieldProblems(rowErrors.length > 0 ? null : error, ["csv"]);
  const rowsError = rowErrors.length > 0 ? `Correct ${rowErrors.length === 1 ? "the row" : `the ${rowErrors.length} rows`} listed below, then import again` : fields.at("csv");
  const submit = async (confirmOverLimit: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const r = await securityApi.importMemberships(csv, confirmOverLimit);
      notifications.show({ color: "green", message: `Imported ${r.rows} ${r.rows === 1 ? "row" : "rows"}: ${r.added} added, ${r.unchanged} already members.` });
      onImported();
      onClose();
    } catch (e) {
      if (isApiError(e) && e.code === "member-limit-reached") setOverLimit(e.detail);
      else {
        setError(e);
        // row problems are listed, not sent to the input: put the person on the rows to correct
        if (isApiError(e) && e.errors.some((x) => x.path.startsWith("row "))) fields.focusFirstInvalid();
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title="Import memberships from CSV" size="lg">
      <Stack ref={fields.formRef}>
        <Text size="sm">
          One row per membership: <code>username,group</code> (a first row <code>username,group</code> is skipped). Every row is checked before anything is added; people already in a group are left as they are.
        </Text>
        <FileInput
          label="CSV file"
          accept=".csv,text/csv"
          placeholder="Choose a file"
          onChange={(file) => {
            setError(null);
            if (file) void file.text().then(setCsv);
          }}
        />
        <Textarea label="Rows" description="The file's rows, or paste them here" autosize minRows={4} maxRows={12} value={csv} onChange={(e) => setCsv(e.currentTarget.value)} error={rowsError} />
        {rowErrors.length > 0 ? (
          <Alert color="red" title={isApiError(error) ? error.detail : "Nothing was imported"} role="alert">
            <List size="sm" data-testid="import-errors">
              {rowErrors.map((e) => (
                <List.Item key={`${e.path}${e.message}`}>{e.message}</List.Item>
              ))}
            </List>
          </Alert>
        ) : (
          fields.alert && <SecurityProblem error={error} title="Nothing was imported" />
        )}
        {overLimit && (
          <Alert color="orange" title="Past a member limit" role="alert">
            {overLimit}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          {overLimit ? (
            <Button color="orange" loading={busy} onClick={() => void submit(true)}>
              Import anyway
            </Button>
          ) : (
            <Button loading={busy} disabled={!csv.trim()} onClick={() => void submit(false)}>
              Import
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
