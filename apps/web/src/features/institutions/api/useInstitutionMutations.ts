import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateInstitution, InstitutionDetail, UpdateInstitution } from '@rhip/contracts';
import { institutionKeys } from '../../../api/query-keys';
import { createInstitution, issueCredential, revokeCredential, rotateCredential, updateInstitution } from './institutions-api';

/** Register an institution; the lists refetch, the new detail is cached. */
export function useCreateInstitution() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateInstitution) => createInstitution(body),
    onSuccess: (created) => {
      queryClient.setQueryData<InstitutionDetail>(institutionKeys.detail(created.id), created);
      void queryClient.invalidateQueries({ queryKey: institutionKeys.lists() });
    },
  });
}

export function useUpdateInstitution(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateInstitution) => updateInstitution(id, body),
    onSuccess: (updated) => {
      queryClient.setQueryData<InstitutionDetail>(institutionKeys.detail(id), updated);
      void queryClient.invalidateQueries({ queryKey: institutionKeys.lists() });
    },
  });
}

/**
 * Issue, rotate and revoke keys. Each refetches the institution's detail (its
 * key list); the issued key itself is returned to the caller only, never cached.
 */
export function useCredentialMutations(institutionId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: institutionKeys.detail(institutionId) });
  // gcTime 0: once the caller resets the mutation, the answer holding the key is dropped from memory.
  const issue = useMutation({
    mutationFn: (label: string | undefined) => issueCredential(institutionId, label),
    onSettled: refresh,
    gcTime: 0,
  });
  const rotate = useMutation({
    mutationFn: (credentialId: string) => rotateCredential(institutionId, credentialId),
    onSettled: refresh,
    gcTime: 0,
  });
  const revoke = useMutation({
    mutationFn: (credentialId: string) => revokeCredential(institutionId, credentialId),
    onSettled: refresh,
  });
  return { issue, rotate, revoke };
}
