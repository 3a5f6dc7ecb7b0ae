/**
 * Monthly facility-resource reports (data set facility-resources): beds
 * approved and open, open and occupied bed-days (tertiary hospitals run over
 * 100% occupancy, township centres about half), staff by category, large
 * equipment. Each month's report arrives 3–10 days after the month ends.
 */
import type { SeedInstitution } from './institutions';
import { createRandom, type Random } from './random';
import type { Recorder } from './recorder';
import { addMonths, DAY, HOUR, isoDay, startOfMonth } from './time';

function occupancy(rng: Random, inst: SeedInstitution): number {
  if (inst.level === '3A') return rng.float(0.98, 1.08);
  if (inst.level.startsWith('3')) return rng.float(0.88, 0.99);
  if (inst.type === 'specialized_hospital' && inst.ownership === 'public') return rng.float(0.92, 1.02);
  if (inst.type === 'maternal_child') return rng.float(0.58, 0.8);
  if (inst.primaryCare) return rng.float(0.42, 0.7);
  if (inst.ownership === 'private') return rng.float(0.5, 0.8);
  return rng.float(0.74, 0.9);
}

function equipment(rng: Random, inst: SeedInstitution): Array<{ code: string; name: string; count: number }> | null {
  if (!inst.hospital && !inst.primaryCare) return null;
  const list: Array<{ code: string; name: string; count: number }> = [];
  const add = (code: string, name: string, count: number) => count > 0 && list.push({ code, name, count });
  if (inst.level === '3A') {
    add('CT', 'X线计算机断层扫描仪', rng.int(4, 7));
    add('MR', '磁共振成像设备', rng.int(2, 4));
    add('DSA', '数字减影血管造影机', rng.int(2, 3));
    add('LA', '医用直线加速器', inst.type === 'general_hospital' ? rng.int(1, 2) : 0);
    add('PET-CT', '正电子发射及X线计算机断层成像扫描系统', inst.name === '内江市第一人民医院' ? 1 : 0);
  } else if (inst.level.startsWith('3')) {
    add('CT', 'X线计算机断层扫描仪', rng.int(2, 4));
    add('MR', '磁共振成像设备', rng.int(1, 2));
    add('DSA', '数字减影血管造影机', rng.int(0, 1));
  } else if (inst.level.startsWith('2')) {
    add('CT', 'X线计算机断层扫描仪', rng.int(1, 2));
    add('MR', '磁共振成像设备', inst.ownership === 'public' ? rng.int(0, 1) : 0);
  } else if (inst.primaryCare && inst.beds >= 60) {
    add('CT', 'X线计算机断层扫描仪', rng.chance(0.4) ? 1 : 0);
  }
  if (inst.hospital || inst.primaryCare) add('DR', '数字化X射线摄影系统', inst.level.startsWith('3') ? rng.int(4, 8) : rng.int(1, 2));
  return list.length ? list : null;
}

/** Reports for the last `months` complete months. */
export function generateResourceReports(recorder: Recorder, seed: number | string, institutions: readonly SeedInstitution[], now: number, months = 12): void {
  const thisMonth = startOfMonth(now);
  for (const inst of institutions) {
    const base = createRandom(seed, 'resources', inst.index);
    const bedsOpen = inst.beds > 0 ? Math.round(inst.beds * base.float(0.97, 1.12)) : 0;
    const gear = equipment(base, inst);
    for (let m = months; m >= 1; m--) {
      const period = addMonths(thisMonth, -m);
      const next = addMonths(thisMonth, -m + 1);
      const days = Math.round((next - period) / DAY);
      const rng = createRandom(seed, 'resources', inst.index, m, isoDay(period));
      const reportAt = next + rng.int(3, 10) * DAY + rng.int(9, 17) * HOUR;
      const openBedDays = bedsOpen * days;
      const staff = Math.max(1, Math.round(inst.staff * rng.float(0.98, 1.02)));
      const doctors = Math.round(staff * 0.34);
      const nurses = Math.round(staff * 0.4);
      const pharmacists = Math.round(staff * 0.05);
      const technicians = Math.round(staff * 0.08);
      recorder.submit({
        inst, dataset: 'facility-resources', table: 'resource_reports', sourceId: `ZY${isoDay(period).slice(0, 7).replace('-', '')}`, eventAt: reportAt, person: null, rng, contact: false,
        parts: { row: {
          source_updated_at: `${isoDay(reportAt)}T${String(9 + (inst.index % 8)).padStart(2, '0')}:00:00.000+08:00`,
          period_start: isoDay(period),
          beds_approved: inst.beds || null,
          beds_open: bedsOpen || null,
          occupied_bed_days: bedsOpen ? Math.round(openBedDays * occupancy(rng, inst)) : null,
          open_bed_days: bedsOpen ? openBedDays : null,
          staff_total: staff,
          doctors,
          nurses,
          pharmacists,
          technicians,
          other_staff: Math.max(0, staff - doctors - nurses - pharmacists - technicians),
          large_equipment: gear,
        }, children: [] },
      });
    }
  }
}
