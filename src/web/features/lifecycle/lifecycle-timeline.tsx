import { Group, Text } from "@mantine/core";
import { dayNumber, formatDay, type ContactLifecycle } from "./types.js";

const NOTICE_AFTER = 180;
const DEACTIVATE_AFTER = 30;
const REMINDER_AFTER = 15;
const BEFORE = 35;
const AFTER = 45;
const LABEL_W = 150;
const ROW_H = 26;
const WIDTH = 880;
const AXIS_H = 28;

const COLORS = { active: "#2f9e44", warning: "#f08c00", final: "#e03131", deactivated: "#868e96", projected: "#fab005" };

type Row = { c: ContactLifecycle; start: number; noticeDay: number; deadline: number; projected: boolean };

/** Rows worth drawing: anything whose notice period overlaps the window around today. */
function rowsFor(contacts: ContactLifecycle[], today: number): Row[] {
  const rows: Row[] = [];
  for (const c of contacts) {
    const noticeDay = dayNumber(c.noticeOn ?? c.noticeDueOn);
    const deadline = c.deactivationOn ? dayNumber(c.deactivationOn) : noticeDay + DEACTIVATE_AFTER;
    if (deadline < today - BEFORE || noticeDay > today + AFTER) continue;
    rows.push({ c, start: dayNumber(c.lastActivityOn), noticeDay, deadline, projected: c.status === "active" });
  }
  return rows.sort((a, b) => a.deadline - b.deadline).slice(0, 20);
}

/**
 * A district's inactivity timeline around today: one row per contact with something in the
 * window — green while active, amber from the notice to deactivation (dashed when it is only
 * what will happen without activity), dots for the notices sent, a cross for the deactivation.
 */
export function LifecycleTimeline({ contacts, asOf, district }: { contacts: ContactLifecycle[]; asOf: string; district: string }) {
  const today = dayNumber(asOf);
  const from = today - BEFORE;
  const to = today + AFTER;
  const rows = rowsFor(contacts, today);
  const plotW = WIDTH - LABEL_W - 16;
  const x = (day: number) => LABEL_W + ((Math.min(Math.max(day, from), to) - from) / (to - from)) * plotW;
  const height = AXIS_H + Math.max(1, rows.length) * ROW_H + 8;
  const ticks: number[] = [];
  for (let d = from + ((7 - ((from - today) % 7)) % 7); d <= to; d += 7) ticks.push(d);
  const dayLabel = (d: number) => formatDay(new Date(d * 86_400_000).toISOString().slice(0, 10), { month: "short", day: "numeric" });

  return (
    <div>
      <svg role="img" aria-label={`Inactivity timeline for ${district}: ${rows.length} contacts with notices or deadlines between ${dayLabel(from)} and ${dayLabel(to)}`} viewBox={`0 0 ${WIDTH} ${height}`} width="100%" style={{ maxWidth: WIDTH, fontFamily: "inherit" }}>
        {ticks.map((d) => (
          <g key={d}>
            <line x1={x(d)} x2={x(d)} y1={AXIS_H - 6} y2={height} stroke="#e9ecef" />
            {Math.abs(d - today) > 3 && (
              <text x={x(d)} y={14} fontSize={11} textAnchor="middle" fill="#868e96">
                {dayLabel(d)}
              </text>
            )}
          </g>
        ))}
        {rows.length === 0 && (
          <text x={LABEL_W} y={AXIS_H + 16} fontSize={12} fill="#868e96">
            No notices or deactivations due between {dayLabel(from)} and {dayLabel(to)}.
          </text>
        )}
        {rows.map((r, i) => {
          const y = AXIS_H + i * ROW_H + ROW_H / 2;
          const deactivated = r.c.status === "deactivated";
          const pending = r.c.status === "pending-deactivation";
          const warn = deactivated ? COLORS.deactivated : r.projected ? COLORS.projected : COLORS.warning;
          const reminder = r.c.reminderOn ? dayNumber(r.c.reminderOn) : r.noticeDay + REMINDER_AFTER;
          const final = r.c.finalNoticeOn ? dayNumber(r.c.finalNoticeOn) : r.deadline - 1;
          return (
            <g key={r.c.contactId}>
              <title>{`${r.c.name} (${r.c.username}): last active ${formatDay(r.c.lastActivityOn)}; notice ${r.c.noticeOn ? "sent" : "due"} ${formatDay(r.c.noticeOn ?? r.c.noticeDueOn)}; deactivation ${formatDay(r.c.deactivationOn ?? new Date(r.deadline * 86_400_000).toISOString().slice(0, 10))}`}</title>
              <text x={LABEL_W - 8} y={y + 4} fontSize={12} textAnchor="end" fill="#343a40">
                {r.c.name.length > 20 ? `${r.c.name.slice(0, 19)}…` : r.c.name}
              </text>
              {r.noticeDay > from && <line x1={x(r.start)} x2={x(r.noticeDay)} y1={y} y2={y} stroke={deactivated ? COLORS.deactivated : COLORS.active} strokeWidth={6} strokeLinecap="round" />}
              <line x1={x(r.noticeDay)} x2={x(r.deadline)} y1={y} y2={y} stroke={warn} strokeWidth={6} strokeDasharray={r.projected ? "6 4" : undefined} />
              {/* Filled: sent. Hollow: still to come (pending contacts only). */}
              {r.c.noticeOn && <circle cx={x(r.noticeDay)} cy={y} r={5} fill={COLORS.warning} stroke="#fff" />}
              {(r.c.reminderOn || (pending && !r.c.finalNoticeOn)) && <circle cx={x(reminder)} cy={y} r={4} fill={r.c.reminderOn ? COLORS.warning : "#fff"} stroke={COLORS.warning} />}
              {(r.c.finalNoticeOn || pending) && <circle cx={x(final)} cy={y} r={4} fill={r.c.finalNoticeOn ? COLORS.final : "#fff"} stroke={COLORS.final} />}
              {r.deadline <= to && (
                <text x={x(r.deadline)} y={y + 4} fontSize={13} fontWeight={700} textAnchor="middle" fill={deactivated ? COLORS.deactivated : COLORS.final}>
                  ✕
                </text>
              )}
            </g>
          );
        })}
        <line x1={x(today)} x2={x(today)} y1={AXIS_H - 8} y2={height} stroke="#1c7ed6" strokeWidth={2} />
        <text x={x(today)} y={14} fontSize={11} textAnchor="middle" fill="#1c7ed6" fontWeight={700}>
          Today
        </text>
      </svg>
      <Group gap="md" mt={4}>
        <Legend color={COLORS.active} label="Active" />
        <Legend color={COLORS.projected} label="Notice period if nothing happens" dashed />
        <Legend color={COLORS.warning} label="Pending deactivation (notice, reminder sent)" />
        <Legend color={COLORS.final} label="Final notice · ✕ deactivation" />
      </Group>
    </div>
  );
}

function Legend({ color, label, dashed }: { color: string; label: string; dashed?: boolean }) {
  return (
    <Group gap={6}>
      <svg width={22} height={8} aria-hidden>
        <line x1={1} x2={21} y1={4} y2={4} stroke={color} strokeWidth={6} strokeDasharray={dashed ? "5 3" : undefined} />
      </svg>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Group>
  );
}
