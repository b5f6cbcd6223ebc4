import mongoose from 'mongoose';
import { describeDatabase, LOCAL_DATABASE_URI } from './database';

/**
 * Runs a command-line tool's work against MONGODB_URI (by default the database `npm start`
 * runs), saying plainly when it cannot be reached, and exits with the work's code: 2 when
 * the database cannot be used, or the work throws.
 */
export function runAgainstDatabase(name: string, work: (where: string) => Promise<number>): void {
  const main = async (): Promise<number> => {
    const uri = process.env.MONGODB_URI || LOCAL_DATABASE_URI;
    const where = describeDatabase(uri);
    if (!where) {
      console.error('MONGODB_URI is not a connection string (mongodb://host:port/database)');
      return 2;
    }
    try {
      await mongoose.connect(uri, { serverSelectionTimeoutMS: 5000 });
    } catch (error) {
      console.error(
        `Could not reach the database ${where}: ${(error as Error).message}. Is Harbour running (npm start), or MONGODB_URI set?`,
      );
      return 2;
    }
    try {
      return await work(where);
    } finally {
      await mongoose.disconnect();
    }
  };
  main().then(
    (code) => process.exit(code),
    (error: Error) => {
      console.error(`${name} failed: ${error.message}`);
      process.exit(2);
    },
  );
}
