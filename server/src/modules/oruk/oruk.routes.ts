import { Router, type ErrorRequestHandler, type Response } from 'express';
import type { DirectoryService } from '../directory/directory.service';
import { OrukDirectory } from './oruk.directory';
import { API_DETAILS, type ServiceCapacity } from './oruk.mapping';
import {
  checkFormat,
  OrukQueryError,
  parseListingFilters,
  parsePaging,
  parseSearchOnly,
  parseTermFilters,
} from './oruk.query';

function found(res: Response, value: unknown, what: string, id: string) {
  if (value) res.json(value);
  else res.status(404).json({ error: `No published ${what} has the id "${id}"` });
}

/**
 * Open Referral UK 3.0 (`/api/oruk/`): Harbour's directory as open data, read-only and with
 * no sign-in, so any site or council system may read it (hence the open CORS headers).
 */
export function orukRoutes(directory: DirectoryService, capacity?: ServiceCapacity): Router {
  const oruk = new OrukDirectory(directory, capacity);
  const router = Router();

  router.use((req, res, next) => {
    res.set('Access-Control-Allow-Origin', '*');
    res.set('Cross-Origin-Resource-Policy', 'cross-origin');
    checkFormat(req.query);
    next();
  });

  router.get('/', (_req, res) => {
    res.json(API_DETAILS);
  });

  router.get('/services', async (req, res) => {
    res.json(await oruk.services(parseListingFilters(req.query), parsePaging(req.query)));
  });
  router.get('/services/:id', async (req, res) => {
    found(res, await oruk.service(req.params.id), 'service', req.params.id);
  });

  router.get('/organizations', async (req, res) => {
    res.json(await oruk.organizations(parseListingFilters(req.query), parsePaging(req.query)));
  });
  router.get('/organizations/:id', async (req, res) => {
    found(res, await oruk.organization(req.params.id), 'organization', req.params.id);
  });

  router.get('/service_at_locations', async (req, res) => {
    res.json(await oruk.serviceAtLocations(parseListingFilters(req.query), parsePaging(req.query)));
  });
  router.get('/service_at_locations/:id', async (req, res) => {
    found(res, await oruk.serviceAtLocation(req.params.id), 'service at location', req.params.id);
  });

  router.get('/taxonomies', (req, res) => {
    res.json(oruk.taxonomies(parseSearchOnly(req.query), parsePaging(req.query)));
  });
  router.get('/taxonomies/:id', (req, res) => {
    found(res, oruk.taxonomy(req.params.id), 'taxonomy', req.params.id);
  });

  router.get('/taxonomy_terms', (req, res) => {
    res.json(oruk.taxonomyTerms(parseTermFilters(req.query), parsePaging(req.query)));
  });
  router.get('/taxonomy_terms/:id', (req, res) => {
    found(res, oruk.taxonomyTerm(req.params.id), 'taxonomy term', req.params.id);
  });

  router.use(queryErrors);
  return router;
}

/** A parameter the API cannot use is the caller's mistake: 400, saying which and why. */
const queryErrors: ErrorRequestHandler = (error, _req, res, next) => {
  if (error instanceof OrukQueryError) res.status(400).json({ error: error.message });
  else next(error);
};
