import { noteChanges } from './insights.changes';
import { randomUUID } from 'node:crypto';
import { Schema } from 'mongoose';
import { model } from '../../platform/models';

/**
 * One summary cell: a key (`family|dimension|…`, see insights.cells.ts), the period it
 * belongs to (a month, a budget year, or '-') and its counts. `v` is the summaries'
 * version when it last changed, so each server's copy reads only what changed since.
 */
const cellSchema = new Schema(
  {
    _id: { type: String, required: true },
    period: { type: String, required: true },
    m: { type: Schema.Types.Mixed, required: true },
    v: { type: Number, required: true },
  },
  { collection: 'insight_cells', versionKey: false, minimize: false },
);
cellSchema.index({ v: 1 });
cellSchema.index({ period: 1 });
export const InsightCellModel = model('InsightCell', cellSchema);

/**
 * What one source record (`child:<id>`, `booking:<id>`, …) last added to the cells, so a
 * change to it adds only the difference. `c` is a list of { k: key, m: counts }.
 */
const contributionSchema = new Schema(
  {
    _id: { type: String, required: true },
    c: { type: [Schema.Types.Mixed], default: [] },
  },
  { collection: 'insight_contributions', versionKey: false },
);
export const InsightContributionModel = model('InsightContribution', contributionSchema);

/**
 * The summaries' bookkeeping, one document: the version, the generation (a new one after
 * each rebuild, so copies reload). While a batch
 * is being written its absolute results are kept in `batch`, so a crash part-way is
 * finished by writing them again rather than by adding the differences twice.
 */
const stateSchema = new Schema(
  {
    _id: { type: String, required: true },
    version: { type: Number, required: true, default: 0 },
    generation: { type: Number, required: true, default: 0 },
    batch: { type: Schema.Types.Mixed, default: null },
    /** Set while a rebuild runs: a catch-up that finds it set finishes the rebuild instead. */
    rebuildingSince: { type: Date, default: null },
  },
  { collection: 'insight_state', versionKey: false, minimize: false },
);
export const InsightStateModel = model('InsightState', stateSchema);

/**
 * A family search that found nothing or few services: only its filters and how many it
 * found. Nothing says who searched, from where, or when to closer than the day.
 */
const searchGapSchema = new Schema(
  {
    // Random, unlike an ObjectId, which records the second it was made.
    _id: { type: String, default: () => randomUUID() },
    /** The day (midnight UTC), no closer. */
    at: { type: Date, required: true },
    district: { type: String },
    need: { type: String },
    ageBand: { type: String },
    serviceType: { type: String },
    results: { type: Number, required: true },
  },
  { collection: 'search_gaps', versionKey: false },
);
noteChanges(searchGapSchema, 'search');
export const SearchGapModel = model('SearchGap', searchGapSchema);
