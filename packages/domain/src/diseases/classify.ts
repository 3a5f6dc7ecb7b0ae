/**
 * classifyDisease: which notifiable disease a report card or diagnosis is, on a
 * date. An explicit disease name wins; otherwise the ICD-10 code's longest
 * matching prefix among the diseases in force decides.
 */
import type { DiseaseClass } from './disease';
import { diseaseByCode } from './disease-catalogue';
import { codeInVersion, diseaseListFor, listedDiseases } from './disease-list';
import { diseaseCodeForName } from './disease-names';
import { icd10HasPrefix, isIcd10Format, normalizeIcd10 } from './icd10';

export interface ClassifyDiseaseInput {
  /** Disease name as written on the card (bulletin name or a known alias). */
  readonly name?: string | null;
  readonly icd10?: string | null;
  /** Date the list version is taken from ('YYYY-MM-DD' or ISO date-time). */
  readonly date: string;
}

export interface DiseaseClassification {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly diseaseClass: DiseaseClass;
  /** For subtypes (乙型肝炎…): the disease they are counted under (病毒性肝炎). */
  readonly parent?: string;
  readonly method: 'name' | 'icd10';
  readonly versionId: string;
  /** Both were given and the ICD-10 code points at another disease (the name was used). */
  readonly icd10Conflict?: string;
}

export type ClassifyDiseaseResult =
  | { readonly ok: true; readonly disease: DiseaseClassification }
  | { readonly ok: false; readonly reason: 'unknown_name' | 'not_notifiable' | 'bad_icd10' | 'no_input'; readonly versionId: string };

/** Longest ICD-10 prefix among the codes listed in force on the date, or null. */
function codeForIcd10(icd10: string, date: string): string | null {
  const version = diseaseListFor(date);
  let best: { code: string; length: number } | null = null;
  for (const listed of listedDiseases(version)) {
    for (const prefix of diseaseByCode(listed.code)?.icd10 ?? []) {
      const p = normalizeIcd10(prefix);
      if (icd10HasPrefix(icd10, p) && (best === null || p.length > best.length)) best = { code: listed.code, length: p.length };
    }
  }
  return best?.code ?? null;
}

function describe(code: string, date: string, method: 'name' | 'icd10', icd10Conflict?: string): DiseaseClassification {
  const version = diseaseListFor(date);
  const listed = listedDiseases(version).find((d) => d.code === code);
  const def = diseaseByCode(code);
  if (!listed || !def) throw new Error(`disease ${code} is not listed in version ${version.id}`);
  return {
    code,
    nameZh: listed.nameZh ?? def.nameZh,
    nameEn: def.nameEn,
    diseaseClass: listed.diseaseClass,
    ...(listed.parent ? { parent: listed.parent } : {}),
    method,
    versionId: version.id,
    ...(icd10Conflict ? { icd10Conflict } : {}),
  };
}

export function classifyDisease(input: ClassifyDiseaseInput): ClassifyDiseaseResult {
  const version = diseaseListFor(input.date);
  const name = input.name?.trim() ?? '';
  const icd10 = input.icd10?.trim() ?? '';

  const fromIcd = icd10 !== '' && isIcd10Format(icd10) ? codeForIcd10(icd10, input.date) : null;

  if (name !== '') {
    const catalogueCode = diseaseCodeForName(name);
    // 病毒性肝炎 without a subtype is reported as 未分型.
    const resolved = catalogueCode === 'hepatitis' ? 'hepatitis_unspecified' : catalogueCode;
    if (resolved) {
      const code = codeInVersion(version, resolved);
      if (!code) return { ok: false, reason: 'not_notifiable', versionId: version.id };
      const conflict = fromIcd !== null && fromIcd !== code ? fromIcd : undefined;
      return { ok: true, disease: describe(code, input.date, 'name', conflict) };
    }
    // An unknown name falls back to the ICD-10 code when there is one.
    if (icd10 === '') return { ok: false, reason: 'unknown_name', versionId: version.id };
  }

  if (icd10 === '') return { ok: false, reason: 'no_input', versionId: version.id };
  if (!isIcd10Format(icd10)) return { ok: false, reason: 'bad_icd10', versionId: version.id };
  if (!fromIcd) return { ok: false, reason: 'not_notifiable', versionId: version.id };
  return { ok: true, disease: describe(fromIcd, input.date, 'icd10') };
}
