/** Number formatting that follows the UI language. */
export function formatPercent(value: number, lng: string, digits = 1): string {
  return new Intl.NumberFormat(lng, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

export function formatNumber(value: number, lng: string): string {
  return new Intl.NumberFormat(lng).format(value);
}
