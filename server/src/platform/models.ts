import mongoose, { type Schema } from 'mongoose';
import { oneUpdateAtATime } from './one-update-at-a-time';

/**
 * mongoose's `model`, making every update of one document wait for the one before it
 * (`oneUpdateAtATime`), without which FerretDB v1 loses concurrent updates. Every model is
 * made through this one; a test checks that none is made without it.
 */
export const model = ((name: string, schema: Schema, ...rest: unknown[]) => {
  schema.plugin(oneUpdateAtATime);
  return (mongoose.model as (...args: unknown[]) => unknown)(name, schema, ...rest);
}) as typeof mongoose.model;
