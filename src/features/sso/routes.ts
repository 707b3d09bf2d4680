import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { SsoProvider } from "../../platform/db/schema/sso.js";
import type { AppDeps } from "../../platform/deps.js";
import { access } from "../../platform/http/access.js";
import { accountSettingMissing, ownToolRefusal } from "../../platform/http/access-verdict.js";
import { AppError, notFound } from "../../platform/http/errors.js";
import { setSessionCookie } from "../auth/cookies.js";
import { installationPublicUrl } from "../installation/public-url.js";
import { districtActor } from "../rights/guards.js";
import { TOOLS } from "../rights/tools.js";
import { finishSso, type District } from "./finish-sso.js";
import { linkIdentity, unlinkIdentity } from "./manage-links.js";
import { finishOidc, oidcIdentity, oidcRedirectUri, startOidc } from "./oidc.js";
import { auditRefusal, SsoRefusal } from "./refusals.js";
import { findDistrict, findDistrictSlug, listLinks, readSettings, type SsoSettingsRow } from "./repo.js";
import { finishSaml, samlFor, spMetadataXml } from "./saml.js";
import { ZCreateLink, ZLink, ZSignInOption, ZSsoSettings, ZUpdateSsoSettings } from "./schema.js";
import { getSsoSettings, updateSsoSettings } from "./sso-settings.js";

const tags = ["single sign-on"];
const BINDING_COOKIE = "gh_sso";
const ZSlug = z.object({ slug: z.string().max(100) });
const ZStart = z.object({ link: z.enum(["1"]).optional() });
const ZRedirect = { 302: z.null() };

export function ssoRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const db = deps.database.db;
  return async (app) => {
    // The IdP POSTs the SAML response as a form; only these routes take one.
    app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string", bodyLimit: 1_048_576 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });

    const configured = async (slug: string, provider: SsoProvider) => {
      const district = await findDistrict(db, slug);
      const settings = district ? await readSettings(db, { districtId: district.id }) : null;
      const on = provider === "oidc" ? settings?.oidcEnabled : settings?.samlEnabled;
      return district && settings && on ? { district, settings } : null;
    };
    const client = (request: FastifyRequest) => ({ ip: request.ip, userAgent: request.headers["user-agent"] });
    const linkingUser = (request: FastifyRequest, district: District, wanted: boolean) =>
      wanted && request.actor?.districtId === district.id && !request.actor.preview ? request.actor.userId : null;
    // Linking an identity changes the person's own account: W on Account Setting, as the account page's changes need
    const mayLink = (request: FastifyRequest) => !request.actor || ownToolRefusal(request.actor, "Account Setting", "W") === null;
    const linkRefused = () => new SsoRefusal("account-setting-missing", accountSettingMissing("W"));

    /** A refusal in a browser flow: audited, then the person is back on the sign-in page, which says why. */
    async function refuse(reply: FastifyReply, district: District, provider: SsoProvider, e: unknown, linking: boolean) {
      const refusal = e instanceof SsoRefusal ? e : new SsoRefusal("invalid-response", "The sign-in could not be finished.", { technical: String(e) });
      if (!(e instanceof SsoRefusal)) reply.log.warn({ err: e }, "sso sign-in failed unexpectedly");
      await auditRefusal(db, district.id, provider, refusal);
      const page = linking ? "/account" : `/login/${district.slug}`;
      return reply.redirect(`${page}?sso-error=${refusal.code}`, 302);
    }
    async function signedIn(request: FastifyRequest, reply: FastifyReply, outcome: Awaited<ReturnType<typeof finishSso>>) {
      if ("linked" in outcome) return reply.redirect("/account?sso-linked=1", 302);
      setSessionCookie(deps, request, reply, outcome.token);
      return reply.redirect(outcome.stage === "mfa" ? "/sign-in/mfa" : "/", 302);
    }
    const notConfigured = (slug: string) => new AppError(404, "sso-not-configured", `District "${slug}" does not offer this single sign-on. Sign in with your username and password.`);

    app.get(
      "/api/public/districts/:slug/sign-in-options",
      { config: { access: access.public() }, schema: { tags, summary: "The \"Sign in with …\" buttons of a district's sign-in page", params: ZSlug, response: { 200: z.array(ZSignInOption) } } },
      async (request) => {
        const district = await findDistrict(db, request.params.slug);
        if (!district) throw notFound(`District "${request.params.slug}"`);
        const s = await readSettings(db, { districtId: district.id });
        return [
          ...(s?.oidcEnabled ? [{ provider: "oidc" as const, label: s.oidcLabel ?? "your identity provider", url: `/sso/${district.slug}/oidc/start` }] : []),
          ...(s?.samlEnabled ? [{ provider: "saml" as const, label: s.samlLabel ?? "SAML single sign-on", url: `/sso/${district.slug}/saml/start` }] : []),
        ];
      },
    );

    app.get(
      "/sso/:slug/oidc/start",
      { config: { access: access.public() }, schema: { tags, summary: "Start an OpenID Connect sign-in (302 to the IdP); ?link=1 links the signed-in user instead", params: ZSlug, querystring: ZStart, response: ZRedirect } },
      async (request, reply) => {
        const found = await configured(request.params.slug, "oidc");
        if (!found) throw notConfigured(request.params.slug);
        const linkUserId = linkingUser(request, found.district, request.query.link === "1");
        if (linkUserId && !mayLink(request)) return refuse(reply, found.district, "oidc", linkRefused(), true);
        try {
          const publicUrl = await installationPublicUrl(db, deps.config);
          const { url, binding } = await startOidc(deps, found.district, found.settings, oidcRedirectUri(publicUrl, found.district.slug), linkUserId);
          reply.setCookie(BINDING_COOKIE, binding, { path: `/sso/${found.district.slug}/oidc`, httpOnly: true, sameSite: "lax", secure: publicUrl.startsWith("https:"), maxAge: 600 });
          return reply.redirect(url, 302);
        } catch (e) {
          return refuse(reply, found.district, "oidc", e, Boolean(linkUserId));
        }
      },
    );

    app.get(
      "/sso/:slug/oidc/callback",
      { config: { access: access.public() }, schema: { tags, summary: "Where the OpenID provider sends the browser back (the redirect URI)", params: ZSlug, querystring: z.record(z.string(), z.string().max(4000)), response: ZRedirect } },
      async (request, reply) => {
        const found = await configured(request.params.slug, "oidc");
        if (!found) throw notConfigured(request.params.slug);
        const { district, settings } = found;
        reply.clearCookie(BINDING_COOKIE, { path: `/sso/${district.slug}/oidc` });
        let linking = false;
        try {
          const publicUrl = await installationPublicUrl(db, deps.config);
          const { claims, linkUserId } = await finishOidc(deps, district, settings, oidcRedirectUri(publicUrl, district.slug), request.query, request.cookies[BINDING_COOKIE]);
          linking = Boolean(linkUserId);
          if (linking && !mayLink(request)) throw linkRefused(); // the right went while the person was at the IdP
          return await signedIn(request, reply, await finishSso(deps, district, settings, oidcIdentity(settings, claims), linkUserId, client(request)));
        } catch (e) {
          return refuse(reply, district, "oidc", e, linking);
        }
      },
    );

    app.get(
      "/sso/:slug/saml/start",
      { config: { access: access.public() }, schema: { tags, summary: "Start a SAML sign-in (302 to the IdP with a signed AuthnRequest)", params: ZSlug, response: ZRedirect } },
      async (request, reply) => {
        const found = await configured(request.params.slug, "saml");
        if (!found) throw notConfigured(request.params.slug);
        try {
          const publicUrl = await installationPublicUrl(db, deps.config);
          const url = await (await samlFor(db, found.district, found.settings, publicUrl)).getAuthorizeUrlAsync("", undefined, {});
          return reply.redirect(url, 302);
        } catch (e) {
          return refuse(reply, found.district, "saml", e, false);
        }
      },
    );

    app.post(
      "/sso/:slug/saml/acs",
      {
        config: { access: access.public() },
        schema: { tags, summary: "The Assertion Consumer Service: where the SAML IdP POSTs its response", params: ZSlug, body: z.object({ SAMLResponse: z.string().min(1).max(1_000_000), RelayState: z.string().max(2000).optional() }), response: ZRedirect },
      },
      async (request, reply) => {
        const found = await configured(request.params.slug, "saml");
        if (!found) throw notConfigured(request.params.slug);
        const { district, settings } = found;
        // No self-linking over SAML: the IdP's cross-site POST cannot be bound to the browser that
        // asked (SameSite cookies stay behind), so a request started by someone else could link
        // the victim's identity to their account. Administrators link SAML identities.
        try {
          const publicUrl = await installationPublicUrl(db, deps.config);
          const { identity } = await finishSaml(deps, district, settings, publicUrl, request.body.SAMLResponse);
          return await signedIn(request, reply, await finishSso(deps, district, settings, identity, null, client(request)));
        } catch (e) {
          return refuse(reply, district, "saml", e, false);
        }
      },
    );

    app.get(
      "/sso/:slug/saml/metadata",
      { config: { access: access.public() }, schema: { tags, summary: "Gatehouse's SAML service provider metadata for this district (give it to the IdP)", params: ZSlug } },
      async (request, reply) => {
        const district = await findDistrict(db, request.params.slug);
        const settings: SsoSettingsRow | null = district ? await readSettings(db, { districtId: district.id }) : null;
        if (!district || !settings?.spCertificate) throw notConfigured(request.params.slug);
        const publicUrl = await installationPublicUrl(db, deps.config);
        return reply.type("application/samlmetadata+xml").send(await spMetadataXml(db, district, settings, publicUrl));
      },
    );

    app.get(
      "/api/sso/settings",
      { config: { access: access.tool(TOOLS.preferences, "R") }, schema: { tags, summary: "The district's single sign-on (the client secret only as set or not)", response: { 200: ZSsoSettings } } },
      async (request) => getSsoSettings(deps, districtActor(request.actor)),
    );
    app.put(
      "/api/sso/settings",
      {
        config: { access: access.tool(TOOLS.preferences, "W", { administers: "preferences", role: "student-information-system" }) },
        schema: { tags, summary: "Configure OpenID Connect, SAML and just-in-time creation", body: ZUpdateSsoSettings, response: { 200: ZSsoSettings } },
      },
      async (request) => updateSsoSettings(deps, districtActor(request.actor), request.body),
    );

    app.get(
      "/api/sso/links",
      { config: { access: access.tool(TOOLS.users, "R") }, schema: { tags, summary: "Which IdP subjects are linked to which users", querystring: z.object({ userId: z.uuid().optional() }), response: { 200: z.array(ZLink) } } },
      async (request) => listLinks(db, districtActor(request.actor), request.query.userId),
    );
    app.post(
      "/api/sso/links",
      {
        config: { access: access.tool(TOOLS.users, "W", { administers: "accounts", role: "student-information-system" }) },
        schema: { tags, summary: "Link a user to the subject (OIDC claim or SAML NameID) their IdP sends", body: ZCreateLink, response: { 200: ZLink } },
      },
      async (request) => linkIdentity(db, districtActor(request.actor), request.body),
    );
    app.delete(
      "/api/sso/links/:linkId",
      {
        config: { access: access.tool(TOOLS.users, "W", { administers: "accounts", role: "student-information-system" }) },
        schema: { tags, summary: "Remove a link: that IdP identity no longer signs in as the user", params: z.object({ linkId: z.uuid() }), response: { 204: z.null() } },
      },
      async (request, reply) => {
        await unlinkIdentity(db, districtActor(request.actor), request.params.linkId);
        return reply.status(204).send(null);
      },
    );

    app.get(
      "/api/account/sso-links",
      { config: { access: access.own("Account Setting", "R") }, schema: { tags, summary: "The signed-in user's own links, and the OpenID Connect sign-in they may link themself to", response: { 200: z.object({ links: z.array(ZLink), options: z.array(ZSignInOption) }) } } },
      async (request) => {
        const actor = request.actor!;
        if (!actor.districtId) return { links: [], options: [] };
        const links = await listLinks(db, { districtId: actor.districtId }, actor.userId);
        const s = await readSettings(db, { districtId: actor.districtId });
        const slug = (await findDistrictSlug(db, actor.districtId)) ?? "";
        return {
          links,
          options: [
            ...(s?.oidcEnabled && mayLink(request) ? [{ provider: "oidc" as const, label: s.oidcLabel ?? "your identity provider", url: `/sso/${slug}/oidc/start?link=1` }] : []),
          ],
        };
      },
    );
  };

}
