// Typed wrappers of MetricsService (店铺数据): the shops' daily figures, targets, alerts.
import * as MetricsService from '../../wailsjs/go/app/MetricsService';
import type { metrics } from '../../wailsjs/go/models';

export type MetricDay = metrics.Day;
export type MetricInput = metrics.Input;
export type MetricAlert = metrics.Alert;

/** The day now in the shops' zone, 'YYYY-MM-DD' (not the PC's or the browser's). */
export function metricsToday(): Promise<string> {
  return MetricsService.Today();
}

/** Every shop's figures of the days [from, to], by shop id. */
export async function metricRange(from: string, to: string): Promise<Record<number, MetricDay[]>> {
  const out: Record<number, MetricDay[]> = {};
  for (const s of (await MetricsService.Range(from, to)) ?? []) out[s.shopId] = s.days ?? [];
  return out;
}

export function saveMetric(input: MetricInput): Promise<void> {
  return MetricsService.Save(input);
}

export function setTarget(shopId: number, month: string, fen: number): Promise<void> {
  return MetricsService.SetTarget(shopId, month, fen);
}

export async function metricAlerts(day: string): Promise<MetricAlert[]> {
  return (await MetricsService.Alerts(day)) ?? [];
}

export function alertPct(): Promise<number> {
  return MetricsService.AlertPct();
}

export function setAlertPct(pct: number): Promise<void> {
  return MetricsService.SetAlertPct(pct);
}
