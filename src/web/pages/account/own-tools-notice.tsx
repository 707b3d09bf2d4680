import { Alert, List, Text } from "@mantine/core";
import { useToolRights } from "../../app/tool-rights.js";

/** The seed's All Campus Users tools, what each one does here, and what still works without it. */
const OWN_TOOLS: { tool: string; what: string; without: string }[] = [
  { tool: "Account Setting", what: "this page: your password, authenticator and sessions", without: "signing out your other sessions and setting up an authenticator still work" },
  { tool: "Log Off", what: "the Sign out button", without: "Sign out always works: nobody is kept signed in" },
  { tool: "My Data", what: "the My data page", without: "" },
];

/**
 * Shown instead of the forms a district user may not use: the server's own sentence (the same
 * one its 403 says) and, of the seed's own tools, the ones the district has not given.
 */
export function OwnToolsNotice({ reason }: { reason: string }) {
  const rights = useToolRights(true).data;
  const missing = rights ? OWN_TOOLS.filter((t) => !(rights[t.tool] ?? "").includes("R")) : [];
  return (
    <Alert color="yellow" title="Account Setting is not among your rights" role="status">
      <Text size="sm">{reason}</Text>
      {missing.length > 0 && (
        <>
          <Text size="sm" mt="xs">
            Of the tools the All Campus Users group gives, you do not have:
          </Text>
          <List size="sm" aria-label="Missing All Campus Users tools">
            {missing.map((t) => (
              <List.Item key={t.tool}>
                {t.tool} ({t.what}){t.without && ` — ${t.without}`}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Alert>
  );
}
