/** zod schemas of the FHIR endpoint, for request validation of the envelope and the OpenAPI docs. */
import { z } from 'zod';
import { SUPPORTED_RESOURCE_TYPES } from './fhir-mapper';

/**
 * Only "is it a JSON object" is checked here; everything else (Bundle, type,
 * entries) is checked by the endpoint so that the answer is an
 * OperationOutcome naming the exact problem, and per-entry problems stay per
 * entry.
 */
export const FhirBundleRequestSchema = z
  .looseObject({
    resourceType: z.unknown().optional().describe('"Bundle"'),
    type: z.unknown().optional().describe('"batch" or "transaction"'),
    entry: z
      .unknown()
      .optional()
      .describe(`Entries { fullUrl?, resource, request? { method: POST | PUT, url } } with ${SUPPORTED_RESOURCE_TYPES.join(', ')}; 1 to 5,000`),
  })
  .describe('FHIR R4 Bundle of type batch or transaction (application/fhir+json or application/json)');

const IssueSchema = z.looseObject({
  severity: z.enum(['error', 'warning', 'information']),
  code: z.string().describe('FHIR issue type: invalid, required, value, code-invalid, not-found, not-supported, business-rule, processing…'),
  details: z
    .looseObject({
      coding: z.array(z.looseObject({ system: z.string(), code: z.string() })),
      text: z.string().optional(),
    })
    .optional()
    .describe('Rule code (system urn:rhip:rule) and the message in Chinese'),
  diagnostics: z.string().describe('"<rule code>: <message>"'),
  expression: z.array(z.string()).optional().describe('FHIRPath of the element, e.g. Bundle.entry[2].resource.identifier[1].value'),
});

export const OperationOutcomeSchema = z
  .looseObject({
    resourceType: z.literal('OperationOutcome'),
    issue: z.array(IssueSchema),
  })
  .describe('OperationOutcome');

export const BatchResponseSchema = z
  .looseObject({
    resourceType: z.literal('Bundle'),
    id: z.string(),
    type: z.enum(['batch-response', 'transaction-response']),
    timestamp: z.string(),
    entry: z.array(
      z.looseObject({
        response: z.looseObject({
          status: z.string().describe('"202 Accepted", "400 Bad Request" or "422 Unprocessable Entity"'),
          location: z.string().optional().describe('The ingest batch: /api/v1/ingest/batches/{batchId}'),
          outcome: OperationOutcomeSchema,
        }),
      }),
    ),
  })
  .describe('batch-response / transaction-response: one entry per request entry, in order');
