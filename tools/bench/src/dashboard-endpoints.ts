/**
 * The read endpoints `npm run bench -- dashboards` measures: only endpoints
 * the API serves today (each is checked with one request before it is
 * measured). Adding one is one line. Targets: issue 4 and 5 ask p95 ≤ 100 ms
 * at the large seed for the status, quality and KPI endpoints.
 */

export interface EndpointContext {
  /** An institution of the seeded region (the first in the register). */
  readonly institutionId: string;
  /** A county code of the region. */
  readonly countyCode: string;
}

export interface DashboardEndpoint {
  readonly name: string;
  /** Path and query, or a function of the seeded data. */
  readonly path: string | ((ctx: EndpointContext) => string);
  /** p95 target in ms, when an issue sets one. */
  readonly targetP95Ms?: number;
}

export const DASHBOARD_ENDPOINTS: readonly DashboardEndpoint[] = [
  { name: 'regions summary', path: '/api/v1/regions/summary', targetP95Ms: 100 },
  { name: 'regions tree', path: '/api/v1/regions' },
  { name: 'institutions page', path: '/api/v1/institutions?pageSize=50' },
  { name: 'institutions of a county', path: (c) => `/api/v1/institutions?regionCode=${c.countyCode}&pageSize=50` },
  { name: 'institutions search', path: '/api/v1/institutions?q=%E5%8C%BB%E9%99%A2&pageSize=20' },
  { name: 'institution detail', path: (c) => `/api/v1/institutions/${c.institutionId}` },
  // 互联互通 (issue 4: p95 ≤ 100 ms)
  { name: 'interconnection institutions', path: '/api/v1/interconnection/institutions?pageSize=50', targetP95Ms: 100 },
  { name: 'interconnection silent, by delay', path: '/api/v1/interconnection/institutions?status=silent&sort=lastReceivedAt&order=asc&pageSize=50', targetP95Ms: 100 },
  { name: 'interconnection of a county', path: (c) => `/api/v1/interconnection/institutions?regionCode=${c.countyCode}&pageSize=50`, targetP95Ms: 100 },
  { name: 'interconnection institution detail', path: (c) => `/api/v1/interconnection/institutions/${c.institutionId}`, targetP95Ms: 100 },
  { name: 'interconnection county rollups', path: '/api/v1/interconnection/regions', targetP95Ms: 100 },
  { name: 'volume anomalies', path: '/api/v1/interconnection/anomalies?pageSize=50', targetP95Ms: 100 },
  // 数据质量 (issue 4: p95 ≤ 100 ms)
  { name: 'quality summary', path: '/api/v1/quality/summary', targetP95Ms: 100 },
  { name: 'quality scores by institution', path: '/api/v1/quality/scores?pageSize=50', targetP95Ms: 100 },
  { name: 'quality scores of a county', path: (c) => `/api/v1/quality/scores?regionCode=${c.countyCode}&pageSize=50`, targetP95Ms: 100 },
  { name: 'quality failing rules', path: '/api/v1/quality/failing-rules', targetP95Ms: 100 },
  { name: 'quality failing rules of an institution', path: (c) => `/api/v1/quality/failing-rules?institutionId=${c.institutionId}`, targetP95Ms: 100 },
  { name: 'quality findings page', path: '/api/v1/quality/findings?pageSize=50', targetP95Ms: 100 },
  { name: 'quality findings of an institution', path: (c) => `/api/v1/quality/findings?institutionId=${c.institutionId}&pageSize=50`, targetP95Ms: 100 },
  { name: 'quality rule catalogue', path: '/api/v1/quality/rules' },
  { name: 'alert notifications', path: '/api/v1/alerts/notifications?pageSize=50' },
  { name: 'kpi registry', path: '/api/v1/kpi/indicators' },
  { name: 'kpi plan table', path: '/api/v1/kpi/plan', targetP95Ms: 100 },
  { name: 'kpi service values of the city', path: '/api/v1/kpi/values', targetP95Ms: 100 },
  { name: 'kpi values by county', path: '/api/v1/kpi/values?by=county', targetP95Ms: 100 },
  { name: 'kpi values by institution', path: (c) => `/api/v1/kpi/values?by=institution&regionCode=${c.countyCode}`, targetP95Ms: 100 },
  { name: 'kpi monthly trend', path: '/api/v1/kpi/values?by=month&indicators=HS.OUTPATIENT_EMERGENCY_VISITS,HS.DISCHARGES,HS.EHR_COVERAGE', targetP95Ms: 100 },
  { name: 'notifiable-disease report', path: () => `/api/v1/reports/notifiable-diseases?month=${new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7)}`, targetP95Ms: 100 },
];

export function endpointPath(e: DashboardEndpoint, ctx: EndpointContext): string {
  return typeof e.path === 'string' ? e.path : e.path(ctx);
}
