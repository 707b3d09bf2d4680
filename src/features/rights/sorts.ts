/** The columns a list of groups, members or users may be sorted by (a whitelist: each maps to one key in its repo). */
export const GROUP_SORTS = ["name", "members", "entries", "updated"] as const;
export const MEMBER_SORTS = ["username", "name", "from", "until"] as const;
export const USER_SORTS = ["username", "name", "email", "lastLogin", "groups"] as const;
