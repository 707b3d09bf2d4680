import { z } from "zod";
import { zPage, zPageQuery } from "../../platform/http/paging.js";

export const NOTIFICATION_SORTS = ["created"] as const;

export const ZNotificationQuery = zPageQuery(NOTIFICATION_SORTS, { sort: "created", order: "desc", limit: 20, max: 100 });

export const ZNotification = z.object({
  id: z.string(),
  kind: z.string(),
  headline: z.string().describe("what happened, worded as the email's headline"),
  createdAt: z.date(),
  readAt: z.date().nullable(),
  case: z.object({ id: z.string(), number: z.number(), subject: z.string() }),
  path: z.string().describe("where the case opens in the web app, for this reader"),
});

export const ZNotificationPage = zPage(ZNotification).extend({ unread: z.number().describe("the reader's unread notifications, on every page") });

export const ZNotificationParams = z.object({ notificationId: z.uuid() });

export type NotificationQuery = z.infer<typeof ZNotificationQuery>;
export type Notification = z.infer<typeof ZNotification>;
