import { Router, type Request, type Response } from 'express';
import { stringify } from 'csv-stringify/sync';
import type { Actor, SignedInActor } from '../access/actor';
import { organisationAccess } from '../access/policy';
import type { PaymentsService } from '../payments/payments.service';
import type { BookingsService } from '../bookings/bookings.service';
import type { BudgetsService } from './budgets.service';

const pounds = (pence: number) => (pence / 100).toFixed(2);
const londonDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export interface CsvDeps {
  budgets: BudgetsService;
  payments: PaymentsService;
  bookings: BookingsService;
  /** Who sent the request (its session cookie or bearer token). */
  actorOf: (req: Request) => Promise<Actor>;
}

/**
 * CSV downloads: a fund's statement (the family, or commissioners), a provider's monthly
 * statement (its members, or commissioners), and the commissioners' spend report. Each checks
 * role and ownership as the GraphQL fields do.
 */
export function budgetCsvRoutes(deps: CsvDeps): Router {
  const router = Router();
  const send = (res: Response, name: string, rows: (string | number | null)[][]) => {
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    res.setHeader('Cache-Control', 'no-store');
    res.send(stringify(rows));
  };
  const signedIn = async (req: Request, res: Response): Promise<SignedInActor | null> => {
    const actor = await deps.actorOf(req);
    if (actor.kind === 'account') return actor;
    res.status(401).json({ error: 'Sign in to download this' });
    return null;
  };

  router.get('/api/budgets/:fundId/statement.csv', async (req, res, next) => {
    try {
      const actor = await signedIn(req, res);
      if (!actor) return;
      const statement = await deps.budgets.statement(actor, req.params.fundId).catch(() => null);
      if (!statement) {
        res.status(404).json({ error: 'There is no budget with this id that you can see' });
        return;
      }
      const rows = [['date', 'what happened', 'booking', 'available (£)', 'held (£)', 'spent (£)']];
      for (const m of statement.movements) {
        rows.push([
          londonDate.format(m.at),
          m.memo,
          m.bookingId ? ((await deps.bookings.referenceOf(m.bookingId)) ?? '') : '',
          pounds(m.availablePence),
          pounds(m.heldPence),
          pounds(m.spentPence),
        ]);
      }
      send(res, `statement-${statement.fund.id}.csv`, rows);
    } catch (failure) {
      next(failure);
    }
  });

  router.get('/api/providers/:organisationId/statements/:period.csv', async (req, res, next) => {
    try {
      const actor = await signedIn(req, res);
      if (!actor) return;
      const { organisationId, period } = req.params;
      const council = actor.role === 'COMMISSIONER' || actor.role === 'ADMIN';
      if (
        (!council && !organisationAccess(actor, organisationId)) ||
        !/^\d{4}-\d{2}$/.test(period)
      ) {
        res.status(404).json({ error: 'There is no statement here that you can see' });
        return;
      }
      const statement = await deps.payments.statement(organisationId, period);
      const rows = [['date', 'what', 'booking', 'amount (£)']];
      for (const line of statement.lines) {
        rows.push([
          londonDate.format(line.at),
          line.memo,
          line.bookingId ? ((await deps.bookings.referenceOf(line.bookingId)) ?? '') : '',
          pounds(line.amountPence),
        ]);
      }
      rows.push([], ['captured', '', '', pounds(statement.capturedPence)]);
      rows.push(['refunded', '', '', pounds(statement.refundedPence)]);
      rows.push(['paid out', '', '', pounds(statement.paidOutPence)]);
      rows.push(['owed now', '', '', pounds(statement.owedNowPence)]);
      send(res, `statement-${period}.csv`, rows);
    } catch (failure) {
      next(failure);
    }
  });

  router.get('/api/commissioners/spend.csv', async (req, res, next) => {
    try {
      const actor = await signedIn(req, res);
      if (!actor) return;
      if (actor.role !== 'COMMISSIONER' && actor.role !== 'ADMIN') {
        res.status(403).json({ error: 'Only commissioners can download spending' });
        return;
      }
      const year = Number(req.query.year) || undefined;
      const rows: (string | number)[][] = [
        ['fund', 'district', 'service type', 'allocated (£)', 'held (£)', 'spent (£)'],
      ];
      for (const row of await deps.budgets.spendReport(year)) {
        rows.push([
          row.fundKind,
          row.district,
          row.serviceType,
          pounds(row.allocatedPence),
          pounds(row.heldPence),
          pounds(row.spentPence),
        ]);
      }
      send(res, 'spend.csv', rows);
    } catch (failure) {
      next(failure);
    }
  });
  return router;
}
