import { Box, Container, Group, Stack, Text, Title } from "@mantine/core";
import { useEffect, type ReactNode } from "react";

type Props = { title: string; subtitle?: ReactNode; children: ReactNode; width?: number };

/** The signed-out pages' frame: the product name, the page's heading, and its content. */
export function SignInFrame({ title, subtitle, children, width = 460 }: Props) {
  useEffect(() => {
    document.title = `${title} · Gatehouse`;
  }, [title]);
  return (
    <Box mih="100vh" bg="gray.0" py={48}>
      <Container size={width}>
        <Stack gap="lg">
          <Group justify="space-between" align="flex-end">
            <div>
              <Text size="sm" fw={700} c="indigo.7" tt="uppercase" style={{ letterSpacing: "0.08em" }}>
                Gatehouse
              </Text>
              <Title order={1} size="h2">
                {title}
              </Title>
              {subtitle && (
                <Text c="dimmed" size="sm" mt={4}>
                  {subtitle}
                </Text>
              )}
            </div>
          </Group>
          <main>{children}</main>
        </Stack>
      </Container>
    </Box>
  );
}
