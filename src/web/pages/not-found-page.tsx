import { Anchor, Button, Code, Group, List, Paper, Stack, Text } from "@mantine/core";
import { useMemo } from "react";
import { Link, useLocation } from "react-router-dom";
import { useMe, type Me } from "../app/auth-context.js";
import { buildNavSections } from "../app/nav-model.js";
import { useToolRights } from "../app/tool-rights.js";
import { PageHeader } from "../components/page-header.js";

/** An unknown address inside the app: say so plainly and offer the places this user can go. */
export function NotFoundPage() {
  const me = useMe() as Me;
  const location = useLocation();
  const rights = useToolRights(me.user.kind === "district");
  const items = useMemo(() => buildNavSections(me, rights.data).flatMap((s) => s.items), [me, rights.data]);
  return (
    <Stack maw={720}>
      <PageHeader title="Page not found" />
      <Paper withBorder p="lg" radius="md">
        <Text>
          There is no page at <Code>{location.pathname}</Code>. The link may be old or mistyped, or the page may belong to a tool you do not
          have rights to.
        </Text>
        {items.length > 0 && (
          <>
            <Text mt="md" fw={600}>
              Pages you can open:
            </Text>
            <List mt={4} spacing={2}>
              {items.map((item) => (
                <List.Item key={item.path}>
                  <Anchor component={Link} to={item.path}>
                    {item.label}
                  </Anchor>{" "}
                  <Text span c="dimmed" size="sm">
                    ({item.section})
                  </Text>
                </List.Item>
              ))}
            </List>
          </>
        )}
        <Group mt="lg">
          <Button component={Link} to="/">
            Go to the home page
          </Button>
        </Group>
      </Paper>
    </Stack>
  );
}
