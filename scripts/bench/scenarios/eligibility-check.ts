import { DEVON_LIKE_STATEMENT } from '@harbour/shared';
import { ObjectId } from 'mongodb';
import type { Scenario } from '../scenario';
import { search } from './search';

/** About 25 km around Exeter (EX4), the radius the checker lists nearby services within. */
const nearExeter = { south: 50.5, west: -3.88, north: 50.95, east: -3.18 };

/**
 * The anonymous eligibility check: the child against every tier of the published rules, then
 * every listing within 25 km of their postcode against the service checks, keeping the ten
 * best. Same listings as the search scenario (20,000 providers, 40,000 listings). The raw
 * baseline is reading the rules and the listings in that area with the driver, which any
 * database-backed check would have to do before evaluating anything.
 */
export const eligibilityCheck: Scenario = {
  name: 'eligibility-check',
  description:
    'eligibilityCheckSubmit (4 tiers, every listing within 25 km of EX4 evaluated) vs reading the rules and those listings on the driver',
  defaultSize: search.defaultSize,
  async seed(db, size) {
    await search.seed(db, size);
    await db
      .collection<{ _id: number; [key: string]: unknown }>('eligibility_rule_versions')
      .insertOne({
        _id: 1,
        rules: DEVON_LIKE_STATEMENT,
        draft: new ObjectId(),
        publishedAt: new Date(),
        publishedBy: new ObjectId(),
      });
  },
  request: {
    query: /* GraphQL */ `
      mutation BenchCheck($input: EligibilityCheckInput!) {
        eligibilityCheckSubmit(input: $input) {
          userErrors {
            message
          }
          decision {
            bestTier {
              code
            }
            tiers {
              code
              outcome
              reasons {
                reason
                change
              }
            }
          }
          services {
            listing {
              id
              name
            }
            outcome
            reasons {
              reason
            }
          }
          eligibleServiceCount
        }
      }
    `,
    variables: {
      input: {
        dateOfBirth: '2016-05-14',
        homePostcode: 'EX4',
        needs: ['AUTISM'],
        diagnosis: 'DIAGNOSED',
        ehcPlan: 'NO',
        socialCareAssessment: 'NONE',
      },
    },
  },
  apiBaseline: {
    name: 'the same nearby search without eligibility',
    request: {
      query: /* GraphQL */ `
        query BenchNearby($input: DirectorySearchInput!) {
          directorySearch(input: $input, first: 100) {
            results {
              totalCount
              edges {
                node {
                  id
                  name
                }
              }
            }
            markers {
              id
            }
          }
        }
      `,
      variables: { input: { near: { postcode: 'EX4', radiusKm: 25 } } },
    },
  },
  raw: async (db) => {
    await db.collection('eligibility_rule_versions').findOne({ _id: 1 as never });
    return db
      .collection('service_listings')
      .find({
        'document.lat': { $gte: nearExeter.south, $lte: nearExeter.north },
        'document.lng': { $gte: nearExeter.west, $lte: nearExeter.east },
      })
      .toArray();
  },
};
