import { createTheme } from "@mantine/core";

/** Dense enough for admin tables, with a focus ring that is always visible for keyboard users. */
export const theme = createTheme({
  primaryColor: "indigo",
  defaultRadius: "md",
  focusRing: "auto",
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  headings: { fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif" },
  components: {
    Table: { defaultProps: { verticalSpacing: "xs", highlightOnHover: true } },
  },
});
