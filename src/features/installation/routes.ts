import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../platform/deps.js";
import { access } from "../../platform/http/access.js";
import { changePublicUrl, installationPublicUrl } from "./public-url.js";

const ZInstallation = z.object({
  publicUrl: z.string().describe("Address used in links in emails, e.g. https://gatehouse.example.org (a server started with GATEHOUSE_PUBLIC_URL sets it to that)"),
});
const ZInstallationUpdate = z.object({
  publicUrl: z
    .url({ protocol: /^https?$/, error: "give an http:// or https:// address, e.g. https://gatehouse.example.org" })
    .refine((u) => !/[?#]/.test(u), "give the address without ?query or #fragment"),
});

/** Vendor staff read and change the installation's settings: the public URL used in email links. */
export function installationRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const vendor = { access: access.vendor() };
  const view = async () => ({ publicUrl: await installationPublicUrl(deps.database.db, deps.config) });
  return async (app) => {
    app.get(
      "/api/vendor/installation",
      { config: vendor, schema: { tags: ["installation"], summary: "The installation's settings", response: { 200: ZInstallation } } },
      view,
    );
    app.put(
      "/api/vendor/installation",
      { config: vendor, schema: { tags: ["installation"], summary: "Change the public URL used in links in emails (audited)", body: ZInstallationUpdate, response: { 200: ZInstallation } } },
      async (request) => {
        const actor = request.actor!;
        // This server's own links follow at once; other servers read it at their next start.
        deps.config.publicUrl = await changePublicUrl(deps.database.db, request.body.publicUrl, { id: actor.userId, name: actor.username }, deps.clock.now());
        return view();
      },
    );
  };
}
