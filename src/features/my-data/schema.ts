import { z } from "zod";

export const ZMyData = z.object({
  account: z.object({
    username: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    productSecurityRole: z.string(),
    lastLoginAt: z.string().nullable(),
  }),
  groups: z.array(z.object({ name: z.string(), from: z.string().nullable(), until: z.string().nullable() })),
  calendars: z.array(z.object({ school: z.string(), year: z.string(), calendar: z.string(), modify: z.boolean() })),
  tools: z.array(z.object({ tool: z.string(), rights: z.string() })).describe("where your rights start or change, top-down: a tool below one listed has the same rights unless listed itself"),
});
export type MyData = z.infer<typeof ZMyData>;
