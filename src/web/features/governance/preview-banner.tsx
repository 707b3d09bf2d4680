import { Alert, Button, Group, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router-dom";
import { api } from "../../api.js";
import { useAuth } from "../../app/auth-context.js";

/** Shown on every page while an administrator previews the app as someone else. */
export function PreviewBanner() {
  const { me, refresh } = useAuth();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  if (!me?.preview) return null;
  const end = async () => {
    const previewed = me.user.id;
    await api.post("/api/preview/end");
    queryClient.clear();
    await refresh();
    navigate(`/security/users/${previewed}`);
  };
  return (
    <Alert color="yellow" variant="filled" mb="md" role="status" data-testid="preview-banner">
      <Group justify="space-between" wrap="nowrap">
        <Text fw={600}>
          You are previewing Gatehouse as {me.user.displayName} ({me.user.username}). Everything is read-only; you are still {me.preview.by.displayName}.
        </Text>
        <Button color="dark" onClick={() => void end()}>
          End preview
        </Button>
      </Group>
    </Alert>
  );
}
