/**
 * Medical institution practising-licence registration number
 * (医疗机构执业许可证登记号 / 医疗机构代码), 22 characters:
 *   1–9   organisation code (组织机构代码, GB 11714; placeholder bodies such as
 *         "PDY…" exist for institutions that never had one)
 *   10–15 GB/T 2260 county code
 *   16–17 economic type (经济类型代码, e.g. 11 国有全资)
 *   18–21 health institution category (卫生机构类别代码, e.g. A100 综合医院, B100 社区卫生服务中心)
 *   22    classification for management (机构分类管理代码: 1 非营利性, 2 营利性, 9 其他)
 * Only the shape is checked: the licence register itself is the authority.
 */
import { hasValidProvincePrefix } from './region-code';

export type LicenceNumberIssue = 'format' | 'region';

export interface LicenceNumberCheck {
  readonly valid: boolean;
  readonly issues: readonly LicenceNumberIssue[];
  readonly regionCode?: string;
  readonly categoryCode?: string;
}

const PATTERN = /^[0-9A-Z]{8}[0-9X]\d{6}\d{2}[A-Z]\d{3}\d$/;

export function checkLicenceNumber(value: string): LicenceNumberCheck {
  const v = value.trim().toUpperCase();
  if (!PATTERN.test(v)) return { valid: false, issues: ['format'] };
  const regionCode = v.slice(9, 15);
  const categoryCode = v.slice(17, 21);
  if (!hasValidProvincePrefix(regionCode)) return { valid: false, issues: ['region'], regionCode, categoryCode };
  return { valid: true, issues: [], regionCode, categoryCode };
}

export function isValidLicenceNumber(value: string): boolean {
  return checkLicenceNumber(value).valid;
}
