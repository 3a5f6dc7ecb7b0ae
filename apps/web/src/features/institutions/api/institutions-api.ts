import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { CreateInstitution, Institution, InstitutionDetail, IssuedCredential, Page, UpdateInstitution } from '@rhip/contracts';
import { apiFetch } from '../../../api/client';
import { institutionKeys, type InstitutionFilters } from '../../../api/query-keys';

export function fetchInstitutions(filters: InstitutionFilters, signal?: AbortSignal): Promise<Page<Institution>> {
  return apiFetch<Page<Institution>>('/institutions', { query: { ...filters }, ...(signal ? { signal } : {}) });
}

export const institutionListQueryOptions = (filters: InstitutionFilters) =>
  queryOptions({
    queryKey: institutionKeys.list(filters),
    queryFn: ({ signal }) => fetchInstitutions(filters, signal),
    // Keep the current page on screen while the next one loads.
    placeholderData: keepPreviousData,
  });

export function fetchInstitution(id: string, signal?: AbortSignal): Promise<InstitutionDetail> {
  return apiFetch<InstitutionDetail>(`/institutions/${encodeURIComponent(id)}`, signal ? { signal } : {});
}

export const institutionDetailQueryOptions = (id: string) =>
  queryOptions({
    queryKey: institutionKeys.detail(id),
    queryFn: ({ signal }) => fetchInstitution(id, signal),
  });

export function createInstitution(body: CreateInstitution): Promise<InstitutionDetail> {
  return apiFetch<InstitutionDetail>('/institutions', { method: 'POST', body });
}

export function updateInstitution(id: string, body: UpdateInstitution): Promise<InstitutionDetail> {
  return apiFetch<InstitutionDetail>(`/institutions/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}

export function issueCredential(institutionId: string, label?: string): Promise<IssuedCredential> {
  return apiFetch<IssuedCredential>(`/institutions/${encodeURIComponent(institutionId)}/credentials`, {
    method: 'POST',
    body: label ? { label } : {},
  });
}

export function rotateCredential(institutionId: string, credentialId: string): Promise<IssuedCredential> {
  return apiFetch<IssuedCredential>(
    `/institutions/${encodeURIComponent(institutionId)}/credentials/${encodeURIComponent(credentialId)}/rotate`,
    { method: 'POST' },
  );
}

export function revokeCredential(institutionId: string, credentialId: string): Promise<void> {
  return apiFetch<void>(`/institutions/${encodeURIComponent(institutionId)}/credentials/${encodeURIComponent(credentialId)}`, {
    method: 'DELETE',
  });
}
