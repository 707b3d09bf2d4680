import { Alert, Button, Group, Text } from "@mantine/core";
import { ConfirmButton } from "../../components/confirm-button.js";
import type { Actions } from "./sis-api.js";

type Action = { label?: string; onClick: () => unknown; loading?: boolean; disabled?: boolean };
type DeleteAction = { label?: string; confirmTitle: string; confirmMessage: string; onConfirm: () => Promise<unknown>; disabled?: boolean };

type Props = {
  /** What the API says this user may do here (the record's `actions`). */
  actions: Actions;
  /** The tool whose rights decide, named in the notice. */
  tool: string;
  /** Only the operations this screen has are shown; each is enabled only with its right. */
  save?: Action;
  create?: Action;
  remove?: DeleteAction;
};

const NEEDS = { save: "W (Write)", create: "A (Add)", remove: "D (Delete)" } as const;

/**
 * Save, New and Delete as the seed's Images 8 and 9 show them: present on every record screen,
 * usable only with W, A and D. With Read only, a notice says why nothing can be changed.
 */
export function RecordToolbar({ actions, tool, save, create, remove }: Props) {
  const allowed = { save: actions.canSave, create: actions.canCreate, remove: actions.canDelete };
  const offered = (["save", "create", "remove"] as const).filter((k) => ({ save, create, remove })[k]);
  const missing = offered.filter((k) => !allowed[k]);
  return (
    <>
      {offered.length > 0 && missing.length === offered.length && (
        <Alert color="gray" variant="light" mb="sm" py={8} data-testid="read-only-notice">
          <strong>View only.</strong> Your rights on {tool} are Read only here: every field is read-only and{" "}
          {offered.map((k) => buttonLabel(k, { save, create, remove })).join(", ")} cannot be used. Ask your district's system administrator if you need to
          make changes.
        </Alert>
      )}
      <Group gap="xs" mb="sm" aria-label="Record actions" role="toolbar">
        {save && (
          <Button size="xs" onClick={() => void save.onClick()} loading={save.loading} disabled={!allowed.save || save.disabled}>
            {save.label ?? "Save"}
          </Button>
        )}
        {create && (
          <Button size="xs" variant="default" onClick={() => void create.onClick()} loading={create.loading} disabled={!allowed.create || create.disabled}>
            {create.label ?? "New"}
          </Button>
        )}
        {remove && (
          <ConfirmButton
            size="xs"
            variant="default"
            color="red"
            disabled={!allowed.remove || remove.disabled}
            title={remove.confirmTitle}
            message={remove.confirmMessage}
            confirmLabel={remove.label ?? "Delete"}
            onConfirm={remove.onConfirm}
          >
            {remove.label ?? "Delete"}
          </ConfirmButton>
        )}
        {missing.length > 0 && missing.length < offered.length && (
          <Text size="xs" c="dimmed">
            {missing.map((k) => `${buttonLabel(k, { save, create, remove })} needs ${NEEDS[k]}`).join(" · ")} on {tool}
          </Text>
        )}
      </Group>
    </>
  );
}

function buttonLabel(k: "save" | "create" | "remove", given: { save?: Action; create?: Action; remove?: DeleteAction }): string {
  return given[k]?.label ?? { save: "Save", create: "New", remove: "Delete" }[k];
}
