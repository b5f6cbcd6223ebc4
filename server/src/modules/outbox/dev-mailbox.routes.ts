import { Router } from 'express';
import { RecordedMessageModel } from './message.model';

/**
 * Development only (never mounted in production): the emails and texts the recording transport kept,
 * newest first, so a developer can follow a verification or reset link without a mail server.
 */
export function devMailboxRoutes(): Router {
  const router = Router();
  router.get('/dev/mailbox', async (_req, res) => {
    const messages = await RecordedMessageModel.find().sort({ createdAt: -1 }).limit(50).lean();
    res.json(
      messages.map(({ channel, to, subject, body, createdAt }) => ({
        channel,
        to,
        subject,
        body,
        createdAt,
      })),
    );
  });
  return router;
}
