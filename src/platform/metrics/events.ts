import diagnosticsChannel from "node:diagnostics_channel";

/**
 * What the code reports for metrics, through Node's diagnostics channels: a module publishes
 * without knowing who listens, and publishing costs one boolean check while nobody does (the
 * CLI, most tests). The server's metrics subscribe (see create-metrics.ts).
 */
export type RightsCompiled = { kind: "full" | "incremental"; seconds: number };
export type SweepRan = { stages: { stage: string; count: number }[] };
export type DeliveryRan = { sent: number; retrying: number; failed: number };

const rightsCompiledChannel = diagnosticsChannel.channel("gatehouse:rights-compiled");
const sweepRanChannel = diagnosticsChannel.channel("gatehouse:sweep-ran");
const deliveryRanChannel = diagnosticsChannel.channel("gatehouse:delivery-ran");

export const channels = { rightsCompiled: rightsCompiledChannel, sweepRan: sweepRanChannel, deliveryRan: deliveryRanChannel };

export function reportRightsCompiled(event: RightsCompiled): void {
  if (rightsCompiledChannel.hasSubscribers) rightsCompiledChannel.publish(event);
}

export function reportSweepRan(event: SweepRan): void {
  if (sweepRanChannel.hasSubscribers) sweepRanChannel.publish(event);
}

export function reportDeliveryRan(event: DeliveryRan): void {
  if (deliveryRanChannel.hasSubscribers) deliveryRanChannel.publish(event);
}
