import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { JobQueue } from '../../server/src/modules/jobs/job.service';
import { JobWorker } from '../../server/src/modules/jobs/job.worker';
import {
  OutboxMessageModel,
  RecordedMessageModel,
  SendClaimModel,
} from '../../server/src/modules/outbox/message.model';
import { DELIVER_JOB, OutboxService } from '../../server/src/modules/outbox/outbox.service';
import {
  notifyTransport,
  recordingTransport,
  smtpTransport,
  type MessageTransport,
} from '../../server/src/modules/outbox/transports';
import { createLogger } from '../../server/src/platform/logger';
import { freePort } from '../../scripts/services/process';
import { startTestHarbour, type TestHarbour } from '../support/harbour';

let harbour: TestHarbour;
const log = createLogger('silent');
const queue = new JobQueue();

beforeAll(async () => {
  harbour = await startTestHarbour();
});

afterAll(async () => {
  await harbour.stop();
});

function outboxWith(transport: MessageTransport) {
  const outbox = new OutboxService(queue, transport, log);
  const worker = () =>
    new JobWorker({
      queue,
      handlers: { [DELIVER_JOB]: (p) => outbox.deliver(String(p.messageId)) },
      log,
    });
  return { outbox, worker };
}

const reset = {
  template: 'PASSWORD_RESET' as const,
  name: 'Alex',
  link: 'https://harbour.example/reset-password?token=abc',
};

it('hands each email to the transport exactly once, however many workers race for it', async () => {
  const { outbox, worker } = outboxWith(recordingTransport(log));
  const ids = await Promise.all(
    [1, 2, 3, 4, 5].map((n) => outbox.send(`race${n}@example.com`, reset)),
  );
  await Promise.all([worker(), worker(), worker()].map((w) => w.drain()));

  for (const [n, id] of ids.entries()) {
    expect(await RecordedMessageModel.countDocuments({ to: `race${n + 1}@example.com` })).toBe(1);
    expect(await OutboxMessageModel.findById(id).lean()).toMatchObject({
      state: 'SENT',
      attempts: 1,
    });
  }
  // Running the jobs again sends nothing more.
  await OutboxMessageModel.updateMany({}, { $set: { state: 'QUEUED' } });
  await Promise.all(ids.map((id) => outbox.deliver(id)));
  expect(await RecordedMessageModel.countDocuments({ to: /^race/ })).toBe(5);
});

it('does not send again a message whose delivery was interrupted, and marks it for a person to check', async () => {
  const { outbox } = outboxWith(recordingTransport(log));
  const id = await outbox.send('crashed@example.com', reset);
  await SendClaimModel.create({ _id: id }); // a worker claimed it, then the process died
  await outbox.deliver(id);
  expect(await RecordedMessageModel.countDocuments({ to: 'crashed@example.com' })).toBe(0);
  expect(await OutboxMessageModel.findById(id).lean()).toMatchObject({ state: 'UNCERTAIN' });
});

describe('over SMTP, to a real SMTP server', () => {
  let smtp: SMTPServer;
  let port: number;
  const received: { to: string; data: string }[] = [];
  let refuseNext = 0;

  beforeAll(async () => {
    port = await freePort();
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onRcptTo(address, _session, callback) {
        if (refuseNext > 0) {
          refuseNext -= 1;
          const error = Object.assign(new Error('Mailbox temporarily unavailable'), {
            responseCode: 450,
          });
          callback(error);
          return;
        }
        callback();
      },
      onData(stream, session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => (data += chunk.toString()));
        stream.on('end', () => {
          // Undo quoted-printable soft line breaks and escapes, as a mail client would.
          const text = data.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
          received.push({ to: session.envelope.rcptTo[0]?.address ?? '', data: text });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(port, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('delivers the email with its subject and link', async () => {
    const { outbox, worker } = outboxWith(
      smtpTransport({ url: `smtp://127.0.0.1:${port}`, from: 'Harbour <no-reply@harbour.test>' }),
    );
    await outbox.send('smtp.parent@example.com', reset);
    await worker().drain();
    const mail = received.find((m) => m.to === 'smtp.parent@example.com');
    expect(mail?.data).toContain('Subject: Reset your Harbour password');
    expect(mail?.data).toContain('https://harbour.example/reset-password?token=abc');
  });

  it('retries with backoff when the server refuses for now, and sends once it accepts', async () => {
    const { outbox, worker } = outboxWith(
      smtpTransport({ url: `smtp://127.0.0.1:${port}`, from: 'Harbour <no-reply@harbour.test>' }),
    );
    refuseNext = 1;
    const id = await outbox.send('retry.parent@example.com', reset);
    await worker().drain();
    const afterFirst = await OutboxMessageModel.findById(id).lean();
    expect(afterFirst).toMatchObject({
      state: 'QUEUED',
      attempts: 1,
      lastError: expect.stringMatching(/Mailbox temporarily unavailable/),
    });
    expect(await SendClaimModel.countDocuments({ _id: id })).toBe(0);

    const { JobModel } = await import('../../server/src/modules/jobs/job.model');
    const job = await JobModel.findOne({ key: `${DELIVER_JOB}:${id}` }).lean();
    expect(job!.runAt.getTime()).toBeGreaterThan(Date.now()); // backoff before the next try
    await JobModel.updateOne({ _id: job!._id }, { $set: { runAt: new Date() } });
    await worker().drain();
    expect(await OutboxMessageModel.findById(id).lean()).toMatchObject({
      state: 'SENT',
      attempts: 2,
    });
    expect(received.filter((m) => m.to === 'retry.parent@example.com')).toHaveLength(1);
  });
});

describe('through GOV.UK Notify', () => {
  const serviceId = randomUUID();
  const secret = randomUUID();
  const apiKey = `harbour_test-${serviceId}-${secret}`;
  const templateId = randomUUID();
  let server: Server;
  let baseUrl: string;
  const requests: {
    path: string;
    body: Record<string, unknown>;
    issuer: string;
    signatureValid: boolean;
  }[] = [];

  beforeAll(async () => {
    // Notify's API contract: POST /v2/notifications/email, a JWT (HS256, iss = service id)
    // signed with the key's secret. This endpoint checks both, as Notify does.
    server = createServer((req, res) => {
      let text = '';
      req.on('data', (chunk: Buffer) => (text += chunk.toString()));
      req.on('end', () => {
        const [header, payload, signature] = (req.headers.authorization ?? '')
          .replace('Bearer ', '')
          .split('.');
        const expected = createHmac('sha256', secret)
          .update(`${header}.${payload}`)
          .digest('base64url');
        const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString() || '{}') as {
          iss?: string;
        };
        requests.push({
          path: req.url ?? '',
          body: JSON.parse(text),
          issuer: claims.iss ?? '',
          signatureValid: signature === expected,
        });
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            id: 'notify-notification-1',
            reference: null,
            content: {},
            uri: '',
            template: {},
          }),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('sends the rendered subject and body through one template, signed with the API key', async () => {
    const { outbox, worker } = outboxWith(notifyTransport({ apiKey, templateId, baseUrl }));
    const id = await outbox.send('notify.parent@example.com', reset);
    await worker().drain();
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      path: '/v2/notifications/email',
      issuer: serviceId,
      signatureValid: true,
      body: {
        template_id: templateId,
        email_address: 'notify.parent@example.com',
        reference: id,
        personalisation: {
          subject: 'Reset your Harbour password',
          body: expect.stringContaining('reset-password?token=abc'),
        },
      },
    });
    expect(await OutboxMessageModel.findById(id).lean()).toMatchObject({
      state: 'SENT',
      providerReference: 'notify-notification-1',
    });
  });
});
