import type { FastifyInstance } from 'fastify';
import { generateUscc } from '@rhip/domain';
import { bearer, json, login } from '../../../test/helper';

let seq = 0;

/** Registers an institution through the admin API and issues it a key. */
export async function createInstitutionWithKey(app: FastifyInstance, name = '测试医院'): Promise<{ id: string; key: string }> {
  const token = await login(app);
  seq += 1;
  const code = generateUscc({ regionCode: '511002', sequence: (Date.now() % 1_000_000) * 100 + seq });
  const inst = await app.inject({
    method: 'POST',
    url: '/api/v1/institutions',
    headers: bearer(token),
    payload: { code, name: `${name}${seq}`, regionCode: '511002', level: '2A', type: 'general_hospital', ownership: 'public' },
  });
  if (inst.statusCode !== 201) throw new Error(`create institution: ${inst.statusCode} ${inst.body}`);
  const id = json<{ id: string }>(inst).id;
  const cred = await app.inject({ method: 'POST', url: `/api/v1/institutions/${id}/credentials`, headers: bearer(token), payload: {} });
  if (cred.statusCode !== 201) throw new Error(`issue key: ${cred.statusCode} ${cred.body}`);
  return { id, key: json<{ key: string }>(cred).key };
}

export async function push(app: FastifyInstance, key: string, dataset: string, records: unknown[]) {
  return app.inject({ method: 'POST', url: `/api/v1/ingest/${dataset}`, headers: bearer(key), payload: { records } });
}
