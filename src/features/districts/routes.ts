import { asc, eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../platform/deps.js";
import { districts } from "../../platform/db/schema/districts.js";
import { access } from "../../platform/http/access.js";
import { notFound } from "../../platform/http/errors.js";
import { districtActor } from "../rights/guards.js";
import { TOOLS } from "../rights/tools.js";
import { readHelpContacts, replaceHelpContacts, ZHelpContactInput } from "./help-contacts.js";

const ZHelpContact = z.object({ name: z.string(), role: z.string(), email: z.string().optional(), phone: z.string().optional() });

/** What a sign-in page may show before anyone signs in: district names and their Help section. */
export function districtPublicRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/district/help-contacts",
      { config: { access: access.tool(TOOLS.preferences, "R") }, schema: { tags: ["sign-in"], summary: "The Help contacts the district's sign-in page shows", response: { 200: z.array(ZHelpContact) } } },
      async (request) => readHelpContacts(deps.database.db, districtActor(request.actor)),
    );
    app.put(
      "/api/district/help-contacts",
      {
        config: { access: access.tool(TOOLS.preferences, "W", { administers: "preferences", role: "student-information-system" }) },
        schema: { tags: ["sign-in"], summary: "Replace the Help contacts of the district's sign-in page (audited)", body: z.object({ contacts: z.array(ZHelpContactInput).max(20, "List at most 20 contacts") }), response: { 200: z.array(ZHelpContact) } },
      },
      async (request) => replaceHelpContacts(deps.database.db, districtActor(request.actor), request.body.contacts),
    );

    app.get(
      "/api/public/districts",
      { config: { access: access.public() }, schema: { tags: ["sign-in"], summary: "Districts that sign in here", response: { 200: z.array(z.object({ slug: z.string(), name: z.string() })) } } },
      async () => deps.database.db.select({ slug: districts.slug, name: districts.name }).from(districts).orderBy(asc(districts.name)),
    );

    app.get(
      "/api/public/districts/:slug",
      {
        config: { access: access.public() },
        schema: {
          tags: ["sign-in"],
          summary: "A district's sign-in page: its name and Help contacts",
          params: z.object({ slug: z.string().max(100) }),
          response: { 200: z.object({ slug: z.string(), name: z.string(), helpContacts: z.array(ZHelpContact) }) },
        },
      },
      async (request) => {
        const [row] = await deps.database.db
          .select({ slug: districts.slug, name: districts.name, helpContacts: districts.helpContacts })
          .from(districts)
          .where(eq(districts.slug, request.params.slug.toLowerCase()))
          .limit(1);
        if (!row) throw notFound(`District "${request.params.slug}"`);
        return row;
      },
    );
  };
}
