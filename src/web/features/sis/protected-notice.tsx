import { Alert } from "@mantine/core";

/** Said at the top of a screen of federally protected data, so the access log is no surprise. */
export function ProtectedNotice({ what }: { what: string }) {
  return (
    <Alert color="grape" variant="light" mb="sm" py={8} data-testid="protected-notice">
      <strong>Federally protected.</strong> {what} is protected by FERPA/HIPAA; your reading of it is recorded in the district's access log.
    </Alert>
  );
}
