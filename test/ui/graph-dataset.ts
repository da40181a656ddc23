import type { Dataset } from '../../src/data/dataset.ts';
import { DATASET } from '../fixtures/dataset.ts';

/** The test dataset plus TikTok as ByteDance's subsidiary and an outlet owned by Jeff Yass. */
export const GRAPH_DATASET: Dataset = {
  ...DATASET,
  entities: [
    ...DATASET.entities,
    {
      type: 'entity',
      id: 'outlet:daily',
      kind: 'outlet',
      names: [{ text: 'The Daily Test', kind: 'primary' }],
      description: 'test outlet',
      domains: ['daily.example'],
    },
  ],
  claims: [
    ...DATASET.claims,
    {
      type: 'hierarchy',
      id: 'hier:bytedance-tiktok',
      parent: 'company:bytedance',
      child: 'company:tiktok',
      relation: 'subsidiary',
      sources: [{ url: 'https://example.org/h', asOf: '2025' }],
    },
    {
      type: 'ownership',
      id: 'own:yass-daily',
      owner: 'person:jeff-yass',
      asset: 'outlet:daily',
      share: { min: 25, max: 50 },
      sources: [{ url: 'https://example.org/d', asOf: '2025' }],
    },
  ],
};
