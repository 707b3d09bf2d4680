import { Badge } from "@mantine/core";

const COLOR: Record<string, string> = { "": "gray", R: "blue", RW: "cyan", RWA: "indigo", RWAD: "red" };

/** A right as a badge: "none", R…RWAD, or "deny" (which beats every allow). */
export function RightsCell({ rights, deny = false }: { rights: string; deny?: boolean }) {
  if (deny) return <Badge color="dark" variant="filled">deny</Badge>;
  return (
    <Badge color={COLOR[rights] ?? "gray"} variant={rights === "" ? "outline" : "light"}>
      {rights === "" ? "none" : rights}
    </Badge>
  );
}
