import { Anchor, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router-dom";
import { useMe } from "../../app/auth-context.js";
import { PageHeader } from "../../components/page-header.js";

/** Vendor pages for vendor staff; a district user who opens one is told so plainly and sent home. */
export function VendorOnly({ children }: { children: ReactNode }) {
  const me = useMe();
  if (me?.user.kind === "vendor") return <>{children}</>;
  return (
    <Stack maw={720}>
      <PageHeader title="This page is for vendor staff" />
      <Text>Vendor support staff work their case queue here. To open or follow a case for your district, use the Support Case Portal.</Text>
      <Anchor component={Link} to="/support">
        Go to the Support Case Portal
      </Anchor>
      <Anchor component={Link} to="/">
        Go to the home page
      </Anchor>
    </Stack>
  );
}
