/** Immunization → immunizations (预防接种). */
import type { BundleIndex, IndexedEntry } from './bundle-index';
import { linkPatient, skippedStatus, type ResourceMapping } from './clinical-context';
import { asNumber, asObject, asString, conceptText, objects, preferredCoding, put } from './fhir-elements';
import type { FhirJson } from './fhir-types';
import { recordBase, type RecordLocation } from './mapped-record';

function doseNumber(protocol: FhirJson | undefined): number | undefined {
  const n = asNumber(protocol?.doseNumberPositiveInt);
  if (n !== undefined) return n;
  const s = asString(protocol?.doseNumberString);
  return s && /^\d{1,2}$/.test(s) ? Number(s) : undefined;
}

export function mapImmunization(index: BundleIndex, entry: IndexedEntry): ResourceMapping {
  const skipped = skippedStatus(entry, ['not-done', 'entered-in-error']);
  if (skipped) return { ok: false, status: 422, issues: [skipped] };
  const patient = linkPatient(index, entry, 'patient');
  if (!patient.ok) return { ok: false, status: 422, issues: [patient.issue] };

  const imm = entry.resource;
  const record: FhirJson = { ...recordBase(entry), patient: patient.block };
  const coding = preferredCoding(imm.vaccineCode);
  put(record, 'vaccineCode', coding?.code);
  if (coding?.system) record.vaccineCodeSystem = coding.system;
  put(record, 'vaccineName', conceptText(imm.vaccineCode));
  put(record, 'doseNumber', doseNumber(objects(imm.protocolApplied)[0]));
  put(record, 'administeredAt', asString(imm.occurrenceDateTime));
  put(record, 'lotNumber', asString(imm.lotNumber));
  put(record, 'manufacturer', asString(asObject(imm.manufacturer)?.display));
  put(record, 'site', conceptText(imm.site));
  put(record, 'route', conceptText(imm.route));
  const locations: RecordLocation[] = [
    { path: '', entry: entry.index, expression: '' },
    ...patient.locations,
    { path: 'sourceId', entry: entry.index, expression: 'id' },
    { path: 'vaccineCode', entry: entry.index, expression: 'vaccineCode' },
    { path: 'vaccineName', entry: entry.index, expression: 'vaccineCode.text' },
    { path: 'doseNumber', entry: entry.index, expression: 'protocolApplied[0].doseNumber' },
    { path: 'administeredAt', entry: entry.index, expression: 'occurrence' },
    { path: 'lotNumber', entry: entry.index, expression: 'lotNumber' },
  ];
  return { ok: true, record: { dataset: 'immunizations', record, entry: entry.index, parts: [], locations }, notes: [] };
}
