// Display helpers: money, dates and enum names the way a SAM reads them.

export function money(value: number | null | undefined): string {
  if (value == null) return "–";
  if (Math.abs(value) >= 1_000_000) return `$${(value / 1_000_000).toFixed(value >= 10_000_000 ? 0 : 1)}M`;
  if (Math.abs(value) >= 1_000) return `$${Math.round(value / 1_000)}k`;
  return `$${Math.round(value)}`;
}

/** ECONOMIC_BUYER -> "Economic buyer". */
export function words(value: string | null | undefined): string {
  if (!value) return "–";
  const text = value.toLowerCase().replace(/_/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Today in the browser's time zone, as the date input wants it (YYYY-MM-DD). */
export function todayIso(): string {
  const now = new Date();
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The date `days` before an ISO date (YYYY-MM-DD), as an ISO date. */
export function daysBefore(iso: string, days: number): string {
  const at = new Date(`${iso}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() - days);
  return at.toISOString().slice(0, 10);
}

export const MILESTONES = [
  "INTERNAL_REVIEW",
  "EXECUTIVE_ALIGNMENT",
  "PROPOSAL",
  "NEGOTIATION",
  "LEGAL_AND_PROCUREMENT",
  "SIGNATURE_TARGET",
  "RENEWAL",
];

/** A file name part from an account id (letters, digits, dot, dash, underscore). */
export function slug(value: string): string {
  return value.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "") || "account";
}
