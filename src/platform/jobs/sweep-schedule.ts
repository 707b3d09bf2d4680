/** The daily cron expression (UTC) for GATEHOUSE_SWEEP_TIME "HH:MM"; an impossible time is refused. */
export function dailyCron(time: string): string {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  if (!match || hours > 23 || minutes > 59) throw new RangeError(`GATEHOUSE_SWEEP_TIME must be a time of day HH:MM (UTC), such as 02:00; got "${time}"`);
  return `${minutes} ${hours} * * *`;
}
