/** MedicationRequest → prescriptions (处方), one item per request. */
import type { BundleIndex, IndexedEntry } from './bundle-index';
import { containedResource } from './bundle-index';
import { linkEncounter, linkPatient, skippedStatus, type ResourceMapping } from './clinical-context';
import { asNumber, asObject, asString, codeOf, conceptText, objects, preferredCoding, put, quantityText } from './fhir-elements';
import type { FhirJson } from './fhir-types';
import { recordBase, type RecordLocation } from './mapped-record';

const DAILY: Record<number, string> = { 1: 'qd', 2: 'bid', 3: 'tid', 4: 'qid' };

/** Timing → frequency as written on Chinese prescriptions: qd, bid, tid, qid, q8h; otherwise "3/1d". */
export function frequencyText(timing: unknown): string | undefined {
  const t = asObject(timing);
  const coded = conceptText(t?.code) ?? codeOf(t?.code);
  if (coded) return coded;
  const repeat = asObject(t?.repeat);
  const frequency = asNumber(repeat?.frequency);
  const period = asNumber(repeat?.period);
  const unit = asString(repeat?.periodUnit);
  if (frequency === undefined || period === undefined || !unit) return undefined;
  if (unit === 'd' && period === 1 && DAILY[frequency]) return DAILY[frequency];
  if (unit === 'h' && frequency === 1) return `q${period}h`;
  return `${frequency}/${period}${unit}`;
}

/** The medication: medicationCodeableConcept, or the Medication a medicationReference names (bundle or contained). */
function medication(index: BundleIndex, entry: IndexedEntry): { concept?: unknown; display?: string } {
  const req = entry.resource;
  if (req.medicationCodeableConcept !== undefined) return { concept: req.medicationCodeableConcept };
  const ref = req.medicationReference;
  const med = containedResource(req, ref) ?? index.lookup(ref)?.resource;
  return { concept: med?.resourceType === 'Medication' ? med.code : undefined, display: asString(asObject(ref)?.display) };
}

export function mapMedicationRequest(index: BundleIndex, entry: IndexedEntry): ResourceMapping {
  const skipped = skippedStatus(entry, ['cancelled', 'entered-in-error', 'draft']);
  if (skipped) return { ok: false, status: 422, issues: [skipped] };
  const patient = linkPatient(index, entry, 'subject');
  const encounter = linkEncounter(index, entry);
  if (!patient.ok || encounter.issue) return { ok: false, status: 422, issues: [...(patient.ok ? [] : [patient.issue]), ...(encounter.issue ? [encounter.issue] : [])] };

  const req = entry.resource;
  const record: FhirJson = { ...recordBase(entry), patient: patient.block };
  put(record, 'encounterSourceId', encounter.sourceId);
  put(record, 'prescriptionNo', asString(asObject(req.groupIdentifier)?.value) ?? asString(objects(req.identifier)[0]?.value));
  put(record, 'prescribedAt', asString(req.authoredOn));
  put(record, 'doctorName', asString(asObject(req.requester)?.display));

  const med = medication(index, entry);
  const coding = preferredCoding(med.concept);
  const item: FhirJson = {};
  put(item, 'drugCode', coding?.code);
  if (coding?.system) item.drugCodeSystem = coding.system;
  put(item, 'drugName', conceptText(med.concept) ?? med.display);
  const dosage = objects(req.dosageInstruction)[0];
  const doseAndRate = objects(dosage?.doseAndRate)[0];
  put(item, 'dose', quantityText(doseAndRate?.doseQuantity));
  put(item, 'route', conceptText(dosage?.route));
  put(item, 'frequency', frequencyText(dosage?.timing) ?? asString(dosage?.text)?.slice(0, 40));
  const dispense = asObject(req.dispenseRequest);
  const supply = asObject(dispense?.expectedSupplyDuration);
  const days = asNumber(supply?.value);
  if (days !== undefined && Number.isInteger(days) && (asString(supply?.code) ?? asString(supply?.unit) ?? 'd').startsWith('d')) item.days = days;
  const quantity = asObject(dispense?.quantity);
  put(item, 'quantity', asNumber(quantity?.value));
  put(item, 'quantityUnit', asString(quantity?.unit) ?? asString(quantity?.code));
  put(item, 'dosageText', asString(dosage?.text));
  record.items = [item];

  const locations: RecordLocation[] = [
    { path: '', entry: entry.index, expression: '' },
    ...patient.locations,
    { path: 'sourceId', entry: entry.index, expression: 'id' },
    { path: 'encounterSourceId', entry: entry.index, expression: 'encounter' },
    { path: 'prescribedAt', entry: entry.index, expression: 'authoredOn' },
    { path: 'items', entry: entry.index, expression: 'medication' },
    { path: 'items[0].dose', entry: entry.index, expression: 'dosageInstruction[0].doseAndRate[0]' },
    { path: 'items[0].frequency', entry: entry.index, expression: 'dosageInstruction[0].timing' },
    { path: 'items[0].quantity', entry: entry.index, expression: 'dispenseRequest.quantity' },
    { path: 'items[0].days', entry: entry.index, expression: 'dispenseRequest.expectedSupplyDuration' },
  ];
  return { ok: true, record: { dataset: 'prescriptions', record, entry: entry.index, parts: [], locations }, notes: [] };
}
