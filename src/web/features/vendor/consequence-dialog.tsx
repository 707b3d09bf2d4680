import { Button, Group, Modal, Text } from "@mantine/core";
import { isApiError } from "../../api.js";

/** The refusals that only need the person's yes: the server says the consequence, the person confirms it. */
export const CONSEQUENCE_CODES = ["last-technical-contact", "contact-without-email"];

export function needsConsequenceConfirm(error: unknown): error is { body: { consequence?: unknown }; detail: string } {
  return isApiError(error) && CONSEQUENCE_CODES.includes(error.code);
}

/** Asks "are you sure?" with the consequence the server named; confirming sends the change again. */
export function ConsequenceDialog({ error, onConfirm, onCancel, busy }: { error: unknown; onConfirm: () => void; onCancel: () => void; busy: boolean }) {
  const opened = needsConsequenceConfirm(error);
  const consequence = opened ? String(error.body.consequence ?? error.detail) : "";
  return (
    <Modal opened={opened} onClose={onCancel} title="Confirm this contact change" centered>
      <Text size="sm">{consequence}</Text>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
        <Button color="orange" onClick={onConfirm} loading={busy} data-autofocus>
          Go ahead anyway
        </Button>
      </Group>
    </Modal>
  );
}
