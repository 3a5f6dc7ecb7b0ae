/**
 * Practitioners per institution (doctors, nurses, pharmacists, technicians),
 * spread over its departments, and the doctor rosters clinical records name
 * as attending, ordering or responsible doctors.
 */
import { DEPARTMENTS, type DepartmentKey } from './catalogue/departments';
import type { SeedInstitution } from './institutions';
import { personName } from './names';
import { createRandom, type Random, weighted } from './random';
import type { RowSink } from './sink';

export interface Roster {
  /** Doctors by department key; '*' holds everyone. */
  byDept: Map<string, string[]>;
}

const DOCTOR_TITLES = weighted<string>([['主任医师', 8], ['副主任医师', 17], ['主治医师', 35], ['住院医师', 40]]);
const NURSE_TITLES = weighted<string>([['主任护师', 1], ['副主任护师', 5], ['主管护师', 30], ['护师', 35], ['护士', 29]]);
const CLINICAL: ReadonlySet<DepartmentKey> = new Set(['laboratory', 'imaging'] as DepartmentKey[]);

export function departmentCode(key: DepartmentKey): string {
  return `K${DEPARTMENTS[key].standardCode.replace('.', '')}`;
}

function staffMix(total: number, cap: number): Array<[string, number]> {
  const scale = Math.min(1, cap / Math.max(1, total));
  const n = (share: number) => Math.max(1, Math.round(total * share * scale));
  return [['doctor', n(0.34)], ['nurse', n(0.4)], ['pharmacist', n(0.05)], ['technician', n(0.08)], ['other', Math.max(0, Math.round(total * 0.13 * scale))]];
}

/** Writes departments and practitioners; returns each institution's doctor roster. */
export function writeStaff(sink: RowSink, seed: number | string, institutions: readonly SeedInstitution[], cap: number, createdAt: string): Map<number, Roster> {
  const rosters = new Map<number, Roster>();
  for (const inst of institutions) {
    const rng = createRandom(seed, 'staff', inst.index);
    for (const key of inst.departments) {
      const d = DEPARTMENTS[key];
      sink.add('departments', { institution_id: inst.id, code: departmentCode(key), name: d.name, standard_code: d.standardCode, active: true, created_at: createdAt, updated_at: createdAt });
    }
    const clinicalDepts = inst.departments.filter((k) => !CLINICAL.has(k));
    const roster: Roster = { byDept: new Map([['*', []]]) };
    let seq = 1;
    for (const [category, count] of staffMix(inst.staff, cap)) {
      for (let i = 0; i < count; i++) {
        const sex = category === 'nurse' ? (rng.chance(0.95) ? '2' : '1') : rng.chance(0.55) ? '1' : '2';
        const birthYear = rng.int(1965, 2000);
        const name = personName(rng, sex, birthYear);
        const dept = category === 'doctor' || category === 'nurse' ? rng.pick(clinicalDepts.length ? clinicalDepts : inst.departments) : category === 'technician' ? rng.pick(inst.departments.filter((k) => CLINICAL.has(k)).concat(inst.departments.slice(0, 1))) : null;
        sink.add('practitioners', {
          institution_id: inst.id,
          code: `${String(seq++).padStart(5, '0')}`,
          name,
          category,
          title: category === 'doctor' ? rng.weighted(DOCTOR_TITLES) : category === 'nurse' ? rng.weighted(NURSE_TITLES) : category === 'pharmacist' ? rng.pick(['主管药师', '药师', '药士']) : category === 'technician' ? rng.pick(['主管技师', '技师', '技士']) : null,
          department_code: dept ? departmentCode(dept) : null,
          licence_no: category === 'doctor' || category === 'nurse' ? `${category === 'doctor' ? '1' : '2'}${rng.digits(14)}` : null,
          active: rng.chance(0.98),
          created_at: createdAt,
          updated_at: createdAt,
        });
        if (category === 'doctor' && dept) {
          roster.byDept.get('*')?.push(name);
          const list = roster.byDept.get(dept) ?? [];
          list.push(name);
          roster.byDept.set(dept, list);
        }
      }
    }
    rosters.set(inst.index, roster);
  }
  return rosters;
}

/** A doctor of the department (or of the institution). */
export function pickDoctor(rng: Random, roster: Roster | undefined, dept?: string): string | null {
  if (!roster) return null;
  const list = (dept && roster.byDept.get(dept)) || roster.byDept.get('*');
  return list && list.length ? rng.pick(list) : null;
}
