import { Router, type Request } from 'express';
import { Types } from 'mongoose';
import type { DirectoryService } from '../directory/directory.service';
import { ScheduledSessionModel, SessionSeriesModel } from './booking.model';
import { capacityUsed } from './capacity-claims';
import {
  datasetDescription,
  FEED_LICENSE,
  type FeedSeries,
  scheduledSessionData,
  sessionSeriesData,
} from './openactive.mapping';

const PAGE_SIZE = 500;

/** RPDE's "modified then id" position, from afterTimestamp and afterId; null at the start. */
function positionOf(req: Request): { modified: number; id: Types.ObjectId } | null {
  const modified = Number(req.query.afterTimestamp);
  const id = String(req.query.afterId ?? '');
  if (!Number.isSafeInteger(modified) || !Types.ObjectId.isValid(id)) return null;
  return { modified, id: new Types.ObjectId(id) };
}

const after = (position: { modified: number; id: Types.ObjectId } | null) =>
  position
    ? {
        $or: [
          { modified: { $gt: position.modified } },
          { modified: position.modified, _id: { $gt: position.id } },
        ],
      }
    : {};

function page<T extends { _id: unknown; modified: number }>(
  path: string,
  rows: T[],
  position: { modified: number; id: Types.ObjectId } | null,
  kind: string,
  data: (row: T) => unknown,
) {
  const last = rows.at(-1);
  const next = last
    ? `${path}?afterTimestamp=${last.modified}&afterId=${String(last._id)}`
    : position
      ? `${path}?afterTimestamp=${position.modified}&afterId=${String(position.id)}`
      : path;
  return {
    next,
    items: rows.map((row) => ({
      state: 'updated',
      kind,
      id: String(row._id),
      modified: row.modified,
      data: data(row),
    })),
    license: FEED_LICENSE,
  };
}

/**
 * OpenActive open data (`/api/openactive/`): session series and scheduled sessions as RPDE
 * feeds ordered by modified then id, with places left from the same claims booking uses.
 */
export function openActiveRoutes(directory: DirectoryService, publicUrl: string): Router {
  const router = Router();
  router.use((_req, res, next) => {
    res.set('Access-Control-Allow-Origin', '*');
    res.set('Cross-Origin-Resource-Policy', 'cross-origin');
    next();
  });

  router.get('/', (_req, res) => {
    res.json(datasetDescription(publicUrl));
  });

  router.get('/session-series', async (req, res) => {
    const position = positionOf(req);
    const rows = await SessionSeriesModel.find(after(position))
      .sort({ modified: 1, _id: 1 })
      .limit(PAGE_SIZE)
      .lean();
    const listings = new Map(
      await Promise.all(
        [...new Set(rows.map((r) => r.listingId))].map(
          async (id) => [id, await directory.listingById(id)] as const,
        ),
      ),
    );
    res.type('application/json').json(
      page(`${publicUrl}/api/openactive/session-series`, rows, position, 'SessionSeries', (row) =>
        sessionSeriesData(
          {
            id: String(row._id),
            listing: listings.get(row.listingId) ?? null,
            schedule: row.schedule as FeedSeries['schedule'],
            minAge: row.minAge,
            maxAge: row.maxAge,
            pricePence: row.pricePence,
            modified: row.modified,
          },
          publicUrl,
        ),
      ),
    );
  });

  router.get('/scheduled-sessions', async (req, res) => {
    const position = positionOf(req);
    const rows = await ScheduledSessionModel.find(after(position))
      .sort({ modified: 1, _id: 1 })
      .limit(PAGE_SIZE)
      .lean();
    const used = await capacityUsed(rows.map((r) => String(r._id)));
    res.json(
      page(
        `${publicUrl}/api/openactive/scheduled-sessions`,
        rows,
        position,
        'ScheduledSession',
        (row) =>
          scheduledSessionData(
            {
              id: String(row._id),
              seriesId: String(row.series),
              startsAt: row.startsAt,
              endsAt: row.endsAt,
              status: row.status,
              places: row.places,
              placesLeft: Math.max(0, row.places - (used.get(String(row._id))?.places ?? 0)),
              pricePence: row.pricePence,
              modified: row.modified,
            },
            publicUrl,
          ),
      ),
    );
  });
  return router;
}
