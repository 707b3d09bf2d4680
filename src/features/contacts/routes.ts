import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../platform/deps.js";
import { access } from "../../platform/http/access.js";
import { notFound } from "../../platform/http/errors.js";
import { designateContact } from "./designate-contact.js";
import { getContactHistory } from "./get-contact-history.js";
import { getDistrict, listDistricts } from "./list-districts.js";
import { findDistrict, searchDistrictUsers } from "./repo.js";
import { ZContact, ZContactHistory, ZDesignation, ZDistrictDetail, ZDistrictQuery, ZDistrictSummary, ZDistrictUpdate, ZDistrictUser } from "./schema.js";
import { updateDistrict } from "./update-district.js";

const ZDistrictParams = z.object({ districtId: z.uuid() });

/** Vendor staff manage districts: hosting, add-on products, contact allowance and designations. */
export function contactRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps.database;
  return async (app) => {
    const vendor = { access: access.vendor() };
    app.get(
      "/api/vendor/districts",
      { config: vendor, schema: { tags: ["vendor"], summary: "Districts with hosting, add-on products and contact allowance", querystring: ZDistrictQuery, response: { 200: z.array(ZDistrictSummary) } } },
      async (request) => listDistricts(db, request.query.search),
    );

    app.get(
      "/api/vendor/districts/:districtId",
      { config: vendor, schema: { tags: ["vendor"], summary: "One district and its authorized contacts", params: ZDistrictParams, response: { 200: ZDistrictDetail } } },
      async (request) => getDistrict(db, request.params.districtId),
    );

    app.put(
      "/api/vendor/districts/:districtId",
      {
        config: vendor,
        schema: { tags: ["vendor"], summary: "Set a district's hosting and licensed add-on products", params: ZDistrictParams, body: ZDistrictUpdate, response: { 200: ZDistrictDetail } },
      },
      async (request) => updateDistrict(db, request.actor!, request.params.districtId, request.body),
    );

    app.get(
      "/api/vendor/districts/:districtId/users",
      {
        config: vendor,
        schema: {
          tags: ["vendor"],
          summary: "Find district users to designate as contacts",
          params: ZDistrictParams,
          querystring: z.object({ search: z.string().trim().max(100).default("") }),
          response: { 200: z.array(ZDistrictUser) },
        },
      },
      async (request) => {
        if (!(await findDistrict(db, request.params.districtId))) throw notFound("District");
        return searchDistrictUsers(db, { districtId: request.params.districtId }, request.query.search);
      },
    );

    app.post(
      "/api/vendor/districts/:districtId/contacts",
      {
        config: vendor,
        schema: { tags: ["vendor"], summary: "Designate a district user as an authorized contact", params: ZDistrictParams, body: ZDesignation, response: { 201: ZContact } },
      },
      async (request, reply) => reply.status(201).send(await designateContact(deps, request.actor!, request.params.districtId, request.body)),
    );

    app.get(
      "/api/vendor/contacts/:contactId",
      { config: vendor, schema: { tags: ["vendor"], summary: "A contact's status, activity and designation history", params: z.object({ contactId: z.uuid() }), response: { 200: ZContactHistory } } },
      async (request) => getContactHistory(db, request.params.contactId),
    );
  };
}
