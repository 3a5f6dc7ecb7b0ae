/**
 * Builds docs/ingest-api.md from the contracts themselves — data sets,
 * required elements, event times and one worked example per data set — so the
 * integrator guide cannot drift from what the API accepts (a test compares).
 */
import { DATASETS, INGEST_DATASET_META, INGEST_EXAMPLES, INGEST_MAX_RECORDS, IngestRecordSchemas } from '@rhip/contracts';

const TITLES: Record<string, string> = {
  persons: '个人基本信息 Persons (master person index)',
  'health-records': '健康档案首页 Health record home page',
  followups: '慢病随访 Chronic-disease follow-ups',
  immunizations: '预防接种 Immunisations',
  contracts: '家庭医生签约 Family-doctor contracts',
  encounters: '门急诊/住院 Encounters',
  'lab-reports': '检验报告 Lab reports',
  'exam-reports': '检查报告 Exam reports',
  prescriptions: '处方 Prescriptions',
  'disease-reports': '传染病报告卡 Notifiable disease report cards',
  'facility-resources': '机构资源月报 Facility resources',
};

export function renderIngestGuide(): string {
  const out: string[] = [];
  out.push(`# Ingest API for integrators (数据采集接口)

Generated from \`packages/contracts\` by \`npm run docs\`; do not edit by hand.
The OpenAPI document is served at \`/api/openapi.json\` and browsable at \`/api/docs\`.

## Authentication

Each institution gets API keys from the platform administrator (console 机构管理, or
\`POST /api/v1/institutions/{id}/credentials\`). A key is shown once; only its hash is
stored. Send it on every request:

\`\`\`
Authorization: Bearer rk_…
\`\`\`

Keys can be rotated (issue a new one, switch, revoke the old one) and revoked
(\`DELETE /api/v1/institutions/{id}/credentials/{credentialId}\`).

## Pushing records

\`POST /api/v1/ingest/{dataset}\` with \`{ "records": [ … ] }\`, 1 to ${INGEST_MAX_RECORDS.toLocaleString('en')} records of one data set.

- Every record has \`sourceId\` (your own id, unique per institution and data set) and
  may carry \`version\` (integer) or \`updatedAt\`. Re-sending the same or an older version
  is a no-op; a newer one updates the stored record. Re-sending is always safe.
- Clinical records carry the patient's identity as \`patient: { idType, idNumber, name, sex, birthDate }\`
  so they link to the resident even if the person was never pushed.
- Codes follow the national standards (sex GB/T 2261.1, ID type CV02.01.101, ethnicity
  GB 3304, ICD-10 diagnoses). Common free-text forms are cleansed (男 → 1, full-width
  digits, 15-digit ID numbers, \`YYYYMMDDHHmmss\` timestamps) and the change is recorded.
- Times without an offset are Beijing time (+08:00).

### The answer

\`202 Accepted\` once the accepted records are durably stored:

\`\`\`json
{ "batchId": "…", "received": 3, "accepted": 2, "rejected": 1,
  "errors": [ { "index": 2, "sourceId": "E202", "path": "patient.idNumber", "code": "ID.CHECKSUM",
                "message": "patient.idNumber: …", "messageZh": "…", "severity": "error" } ] }
\`\`\`

Each rejection names the record (\`index\`, \`sourceId\`), the element (\`path\`), the rule
(\`code\`, stable) and the reason (English and Chinese). Warnings do not reject a record;
they are kept as quality findings and counted in the institution's data-quality scores.

Whole-request problems get a 4xx with \`{ statusCode, code, message, details?, requestId }\`:
\`INVALID_JSON\`, \`UNKNOWN_DATASET\` (404), \`VALIDATION_FAILED\` (no records or more than
${INGEST_MAX_RECORDS}), \`BODY_TOO_LARGE\` (413), \`INVALID_API_KEY\` (401), \`RATE_LIMITED\` (429).

### Following a batch

\`GET /api/v1/ingest/batches/{batchId}\` answers \`status\` (\`queued\` | \`processing\` | \`done\` | \`failed\`),
\`counts\` (\`received\`, \`accepted\`, \`stored\`, \`linked\`, \`rejected\`, \`inReview\`, \`failed\`, \`parked\`, \`noop\`)
and per-record \`outcomes\`. \`parked\` records (a report whose encounter has not arrived yet)
are stored automatically when the encounter lands.

## Data sets
`);
  for (const dataset of DATASETS) {
    const meta = INGEST_DATASET_META[dataset];
    const schema = IngestRecordSchemas[dataset];
    out.push(`### \`${dataset}\` — ${TITLES[dataset] ?? dataset}\n`);
    if (schema.description) out.push(`${schema.description}\n`);
    out.push(`- Required elements: ${meta.requiredPaths.map((p) => `\`${p}\``).join(', ')}`);
    if (meta.requiredAnyOf.length) out.push(`- At least one of: ${meta.requiredAnyOf.map((g) => g.map((p) => `\`${p}\``).join(' or ')).join('; ')}`);
    out.push(`- Event time (timeliness): ${meta.eventTimePath ? `\`${meta.eventTimePath}\`` : 'none'}`);
    if (meta.parent) out.push(`- Parent: \`${meta.parent.sourceIdPath}\` names the \`${meta.parent.dataset}\` record; a record whose parent has not arrived is parked, not dropped.`);
    out.push(`\nExample:\n\n\`\`\`sh\ncurl -X POST https://platform.example/api/v1/ingest/${dataset} \\\n  -H 'Authorization: Bearer rk_…' -H 'Content-Type: application/json' \\\n  -d '${JSON.stringify({ records: [INGEST_EXAMPLES[dataset]] }, null, 2).replaceAll("'", "'\\''")}'\n\`\`\`\n`);
  }
  out.push(`## FHIR R4

\`POST /fhir/R4\` with a \`Bundle\` of type \`batch\` or \`transaction\` (Patient, Encounter,
Condition, Observation, DiagnosticReport, MedicationRequest, Immunization) feeds the same
data sets and pipeline and answers a \`batch-response\` Bundle with one outcome per entry.
See \`apps/api/src/modules/fhir/README.md\` for the field mapping.
`);
  return out.join('\n');
}
