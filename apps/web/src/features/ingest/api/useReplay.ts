import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ingestKeys } from '../../../api/query-keys';
import { replayBatch } from './ingest-api';

/** Replays a dead letter; dead letters, batch lists and the replayed batch refetch. */
export function useReplay() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (batchId: string) => replayBatch(batchId),
    onSuccess: (_result, batchId) => {
      void queryClient.invalidateQueries({ queryKey: ingestKeys.deadLetterLists() });
      void queryClient.invalidateQueries({ queryKey: ingestKeys.batches() });
      void queryClient.invalidateQueries({ queryKey: ingestKeys.batch(batchId) });
    },
  });
}
