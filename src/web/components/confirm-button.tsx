import { Button, Group, Modal, Text, type ButtonProps } from "@mantine/core";
import { useState, type ReactNode } from "react";

type Props = Omit<ButtonProps, "onClick"> & {
  children: ReactNode;
  /** What happens on "confirm"; the dialog stays open (and busy) until it settles, closes on success. */
  onConfirm: () => unknown | Promise<unknown>;
  title: string;
  message: ReactNode;
  confirmLabel?: string;
  /** Red for destructive actions (the default), or any Mantine colour. */
  confirmColor?: string;
  disabled?: boolean;
};

/** A button that asks first: for actions that are hard to undo (delete, revoke, sign out everywhere). */
export function ConfirmButton({ children, onConfirm, title, message, confirmLabel = "Confirm", confirmColor = "red", disabled, ...buttonProps }: Props) {
  const [opened, setOpened] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
      setOpened(false);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button {...buttonProps} disabled={disabled} onClick={() => setOpened(true)}>
        {children}
      </Button>
      <Modal opened={opened} onClose={() => !busy && setOpened(false)} title={title} centered>
        <Text size="sm">{message}</Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={() => setOpened(false)} disabled={busy}>
            Cancel
          </Button>
          <Button color={confirmColor} onClick={() => void confirm()} loading={busy} data-autofocus>
            {confirmLabel}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
