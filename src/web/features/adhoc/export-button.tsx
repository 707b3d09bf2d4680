import { Button, Tooltip } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { api } from "../../api.js";
import { downloadFile } from "../../components/download-file.js";
import { adhocApi, type Definition } from "./adhoc-api.js";

type Props = {
  /** A saved filter with no unsaved changes: the browser downloads the server's stream directly. */
  savedId: string | null;
  definition: Definition;
  name: string;
  disabled?: boolean;
  disabledReason?: string;
  onStart?(): void;
  onError(error: unknown): void;
};

function fileName(name: string) {
  return `${name.trim().replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "") || "adhoc"}.csv`;
}

/**
 * Every matching row as CSV. A saved, unchanged filter is a plain link, so the file streams
 * to disk however large; an unsaved design is posted and handed over when it has arrived.
 */
export function ExportButton({ savedId, definition, name, disabled, disabledReason, onStart, onError }: Props) {
  const [busy, setBusy] = useState(false);
  if (savedId && !disabled) {
    return (
      <Button component="a" href={adhocApi.savedExportUrl(savedId)} download={fileName(name)} variant="default">
        Export CSV
      </Button>
    );
  }
  const run = async () => {
    setBusy(true);
    onStart?.();
    try {
      const csv = await api.post<string>("/api/adhoc/export", { definition, name: name.trim() || undefined });
      downloadFile(fileName(name), csv, "text/csv;charset=utf-8");
      notifications.show({ color: "green", title: "CSV exported", message: `${fileName(name)} is in your downloads.` });
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };
  const button = (
    <Button variant="default" onClick={() => void run()} loading={busy} disabled={disabled}>
      Export CSV
    </Button>
  );
  return disabled && disabledReason ? (
    <Tooltip label={disabledReason}>
      <span>{button}</span>
    </Tooltip>
  ) : (
    button
  );
}
