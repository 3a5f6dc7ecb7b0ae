import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MergePersons } from '@rhip/contracts';
import { personIndexKeys } from '../../../api/query-keys';
import { decideReview, mergePersons, undoMerge, type ReviewDecision } from './person-index-api';

/** Accept or reject a match review; every review list refetches (the item moves between statuses). */
export function useDecideReview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision, note }: { id: string; decision: ReviewDecision; note?: string }) => decideReview(id, decision, note),
    onSettled: () => queryClient.invalidateQueries({ queryKey: personIndexKeys.reviews() }),
  });
}

/** Merge and unmerge change which master person records belong to: review candidates may change too. */
export function useMergeMutations() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: personIndexKeys.all });
  const merge = useMutation({ mutationFn: (body: MergePersons) => mergePersons(body), onSuccess: refresh });
  const undo = useMutation({ mutationFn: (mergeId: string) => undoMerge(mergeId), onSuccess: refresh });
  return { merge, undo };
}
