import { Button } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router-dom";
import { api, isApiError } from "../../api.js";
import { useAuth } from "../../app/auth-context.js";
import { CHANGES, useCapabilities } from "../security/use-capabilities.js";

/** "Preview as" on a user's page: opens the app as that person sees it, read-only. */
export function PreviewButton({ user }: { user: { id: string; displayName: string } }) {
  const { me, refresh } = useAuth();
  const { can } = useCapabilities();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  if (!can(CHANGES.preview) || !me || me.user.id === user.id || me.preview) return null;
  const start = async () => {
    try {
      await api.post("/api/preview", { userId: user.id });
      queryClient.clear();
      await refresh();
      navigate("/");
    } catch (e) {
      notifications.show({ color: "red", message: isApiError(e) ? e.detail : "The preview could not start.", autoClose: false });
    }
  };
  return (
    <Button variant="default" onClick={() => void start()}>
      Preview as {user.displayName}
    </Button>
  );
}
