import type { DatasetStore } from './store-spec';
import { opt, provenance, sourceTable } from './store-spec';

/** 机构资源月报: the month is stored as its first day. */
export const facilityResources: DatasetStore = {
  dataset: 'facility-resources',
  hasPatient: false,
  table: sourceTable('resource_reports', [
    { name: 'period_start', type: 'date' },
    { name: 'beds_approved', type: 'int' },
    { name: 'beds_open', type: 'int' },
    { name: 'occupied_bed_days', type: 'int' },
    { name: 'open_bed_days', type: 'int' },
    { name: 'staff_total', type: 'int' },
    { name: 'doctors', type: 'int' },
    { name: 'nurses', type: 'int' },
    { name: 'pharmacists', type: 'int' },
    { name: 'technicians', type: 'int' },
    { name: 'other_staff', type: 'int' },
    { name: 'large_equipment', type: 'jsonb' },
  ]),
  row: (r, ctx) => ({
    ...provenance(r, ctx),
    period_start: `${String(r.period)}-01`,
    beds_approved: opt(r.bedsApproved),
    beds_open: opt(r.bedsOpen),
    occupied_bed_days: opt(r.occupiedBedDays),
    open_bed_days: opt(r.openBedDays),
    staff_total: opt(r.staffTotal),
    doctors: opt(r.doctors),
    nurses: opt(r.nurses),
    pharmacists: opt(r.pharmacists),
    technicians: opt(r.technicians),
    other_staff: opt(r.otherStaff),
    large_equipment: opt(r.largeEquipment),
  }),
};
