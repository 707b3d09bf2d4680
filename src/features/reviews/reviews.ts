/**
 * The review reports, by name: each builds its JSON from a ReviewSource and renders the same rows
 * as CSV. routes.ts registers one JSON and one CSV route per entry.
 */
import type { z } from "zod";
import { buildDeleteRights } from "./build-delete-rights.js";
import { buildExpiringGrants, buildGroupsOverLimit, buildIndividualRights, EXPIRING_WITHIN_DAYS } from "./build-grant-reviews.js";
import { buildHeatMap } from "./build-heat-map.js";
import { buildProtectedAccess } from "./build-protected-access.js";
import { buildSeedCautions } from "./build-seed-cautions.js";
import {
  deleteRightsCsv,
  expiringGrantsCsv,
  groupsOverLimitCsv,
  heatMapCsv,
  individualRightsCsv,
  protectedAccessCsv,
  toCsv,
} from "./review-csv.js";
import type { ReviewSource } from "./review-source.js";
import {
  ZDeleteRightsReview,
  ZExpiringGrantsReview,
  ZGroupsOverLimitReview,
  ZHeatMapReview,
  ZIndividualRightsReview,
  ZProtectedAccessReview,
  ZSeedCautionsReview,
} from "./schema.js";

type Review<S extends z.ZodType> = {
  summary: string;
  schema: S;
  build(source: ReviewSource): z.infer<S>;
  csv(review: z.infer<S>): string;
};

const review = <S extends z.ZodType>(r: Review<S>) => r;

export const REVIEWS = {
  "protected-data": review({
    summary: "Who can see federally protected data: each protected area, the users with at least R, and through what",
    schema: ZProtectedAccessReview,
    build: (s) => ({ asOf: s.asOf, areas: buildProtectedAccess(s) }),
    csv: (r) => protectedAccessCsv(r.areas),
  }),
  "individual-rights": review({
    summary: "Rights given to single users instead of through groups",
    schema: ZIndividualRightsReview,
    build: (s) => ({ asOf: s.asOf, rows: buildIndividualRights(s) }),
    csv: (r) => individualRightsCsv(r.rows),
  }),
  "groups-over-limit": review({
    summary: "Groups with more members in force than their member limit",
    schema: ZGroupsOverLimitReview,
    build: (s) => ({ asOf: s.asOf, rows: buildGroupsOverLimit(s) }),
    csv: (r) => groupsOverLimitCsv(r.rows),
  }),
  "expiring-grants": review({
    summary: `Rights entries and group memberships that end within ${EXPIRING_WITHIN_DAYS} days`,
    schema: ZExpiringGrantsReview,
    build: (s) => ({ asOf: s.asOf, withinDays: EXPIRING_WITHIN_DAYS, rows: buildExpiringGrants(s) }),
    csv: (r) => expiringGrantsCsv(r.rows),
  }),
  "delete-rights": review({
    summary: "Groups with Delete rights, and groups reaching rights the catalog marks dangerous",
    schema: ZDeleteRightsReview,
    build: (s) => ({ asOf: s.asOf, rows: buildDeleteRights(s) }),
    csv: (r) => deleteRightsCsv(r.rows),
  }),
  "seed-cautions": review({
    summary: "The seed's cautions as live checks, each quoting the seed: Schedule Wizard holders, Delete on Schedule outside Schedulers, master scheduling rights after the period, limited groups over their limit, SSN rights without calendar rights",
    schema: ZSeedCautionsReview,
    build: (s) => ({ asOf: s.asOf, rows: buildSeedCautions(s) }),
    csv: (r) => toCsv(["code", "subject", "finding", "seed says"], r.rows.map((c) => [c.code, c.subject, c.finding, c.seedSays])),
  }),
  "heat-map": review({
    summary: "Groups × modules: the lowest and highest rights level each group has inside each module",
    schema: ZHeatMapReview,
    build: (s) => ({ asOf: s.asOf, ...buildHeatMap(s) }),
    csv: (r) => heatMapCsv(r),
  }),
};

export type ReviewName = keyof typeof REVIEWS;
