import { Alert } from "@mantine/core";
import type { ReactNode } from "react";

type Props = {
  /** The tool path the user has only Read on, e.g. "System Administration > User Security > User Groups". */
  tool?: string;
  children?: ReactNode;
};

/** Says up front that a screen is view-only for this user, so disabled buttons are not a puzzle. */
export function ReadOnlyNotice({ tool, children }: Props) {
  return (
    <Alert color="gray" variant="light" title="View only" mb="md">
      {children ?? (
        <>
          You can look at this but not change it: your rights on {tool ? <strong>{tool}</strong> : "this tool"} are Read only. Ask your
          district's system administrator if you need to make changes.
        </>
      )}
    </Alert>
  );
}
