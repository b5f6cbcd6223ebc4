import type { Db } from 'mongodb';

/** One benchmark: a synthetic dataset, an API request, and the raw driver work it stands for. */
export interface Scenario {
  name: string;
  description: string;
  defaultSize: number;
  /** Fills an empty database with `size` synthetic records. */
  seed(db: Db, size: number): Promise<void>;
  /** The GraphQL request the load generator sends. */
  request: { query: string; variables?: Record<string, unknown> };
  /** The same read done with the raw driver: the baseline the API is compared with. */
  raw(db: Db): Promise<unknown>;
  /** Another API request to compare with, e.g. the same work without one step. */
  apiBaseline?: { name: string; request: { query: string; variables?: Record<string, unknown> } };
}
