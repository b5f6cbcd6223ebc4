import { resolve } from 'node:path';
import { z } from 'zod';

const DEV_SESSION_SECRET = 'development-only-session-secret-change-me-0000';
const DEV_STRIPE_SECRET_KEY = 'sk_test_harbourdevelopment';
const DEV_STRIPE_WEBHOOK_SECRET = 'whsec_harbour_development';

const booleanText = z
  .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce
    .number({ error: 'must be a whole number between 0 and 65535' })
    .int('must be a whole number between 0 and 65535')
    .min(0, 'must be a whole number between 0 and 65535')
    .max(65535, 'must be a whole number between 0 and 65535')
    .default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\/\S+$/, 'must be a mongodb:// or mongodb+srv:// connection string')
    .optional(),
  /** Set by `npm start` and the test harness when they started the server themselves. */
  HARBOUR_DATABASE_KIND: z.enum(['ferretdb', 'mongodb', 'external']).default('external'),
  /** FerretDB's storage backend, when the scripts started FerretDB (reported at /readyz). */
  HARBOUR_FERRETDB_BACKEND: z.enum(['postgresql', 'sqlite']).optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').default(DEV_SESSION_SECRET),
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_(test|live)_\w+$/, 'must be a Stripe secret key (sk_test_… or sk_live_…)')
    .default(DEV_STRIPE_SECRET_KEY),
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_\w+$/, 'must be a Stripe webhook signing secret (whsec_…)')
    .default(DEV_STRIPE_WEBHOOK_SECRET),
  /**
   * Stripe's publishable key (pk_…): the card page loads Stripe.js and its Payment Element with
   * it. Unset in development and tests, where the card page is the labelled test mode.
   */
  STRIPE_PUBLISHABLE_KEY: z
    .string()
    .regex(/^pk_(test|live)_\w+$/, 'must be a Stripe publishable key (pk_test_… or pk_live_…)')
    .optional(),
  /** Points the Stripe SDK at stripe-mock in development and tests; unset means Stripe itself. */
  STRIPE_API_URL: z.url({ error: 'must be a URL such as http://127.0.0.1:12111' }).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CLIENT_DIST: z.string().default(resolve(__dirname, '../../../client/dist')),
  DEMO_SEED: booleanText.optional(),
  DEMO_PROVIDERS: z.coerce
    .number({ error: 'must be a whole number from 0 to 5000' })
    .int('must be a whole number from 0 to 5000')
    .min(0, 'must be a whole number from 0 to 5000')
    .max(5000, 'must be a whole number from 0 to 5000')
    .default(400),
  DEMO_FAMILIES: z.coerce
    .number({ error: 'must be a whole number from 0 to 2000' })
    .int('must be a whole number from 0 to 2000')
    .min(0, 'must be a whole number from 0 to 2000')
    .max(2000, 'must be a whole number from 0 to 2000')
    .default(40),
  DEMO_PASSWORD: z.string().min(12, 'must be at least 12 characters').default('harbour-demo-2026'),
  DEMO_TOTP_SECRET: z
    .string()
    .regex(/^[A-Z2-7]{16,}=*$/, 'must be a base32 secret')
    .default('JBSWY3DPEHPK3PXP'),
  /** Run background jobs inside this server process (also `npm run worker`). */
  WORKER_IN_PROCESS: booleanText.default(true),
  /** Reliability tests only: the process kills itself at this step of a booking. */
  HARBOUR_CRASH_AT: z
    .enum([
      'after-place-claims',
      'after-support-claims',
      'after-booking-insert',
      'after-first-hold',
      'after-holds',
      'after-ledger-leg',
    ])
    .optional(),
  /**
   * How old a half-made booking must be before the reconciler at start-up undoes it: long
   * enough that another server's booking still in progress is left alone.
   */
  RECONCILE_GRACE_SECONDS: z.coerce.number().int().min(0).max(3600).default(120),
  /** If set, /metrics requires `Authorization: Bearer <token>`. */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  TRUST_PROXY: z.string().optional(),
  /** Where links in emails point. */
  PUBLIC_URL: z.url({ error: 'must be a URL such as https://harbour.example' }).optional(),
  /** How messages leave: kept in the database (development, tests), GOV.UK Notify, or SMTP. */
  MESSAGE_TRANSPORT: z.enum(['recording', 'notify', 'smtp']).default('recording'),
  NOTIFY_API_KEY: z.string().min(74, 'must be a GOV.UK Notify API key').optional(),
  /** A Notify email template whose subject is ((subject)) and body ((body)). */
  NOTIFY_EMAIL_TEMPLATE_ID: z.uuid({ error: 'must be a Notify template id (a UUID)' }).optional(),
  NOTIFY_SMS_TEMPLATE_ID: z.uuid({ error: 'must be a Notify template id (a UUID)' }).optional(),
  NOTIFY_BASE_URL: z.url().optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/\S+$/, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().default('Harbour <no-reply@harbour.localhost>'),
});

export type Config = ReturnType<typeof loadConfig>;

/** A configuration problem, told in one line that names the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  // Empty variables count as unset, as in most deployment tools.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    const name = String(issue?.path[0]);
    const shown = name.includes('SECRET') || name.includes('TOKEN') ? '' : ` (got "${env[name]}")`;
    throw new ConfigError(`Configuration error: ${name} ${issue?.message}${shown}`);
  }
  const config = parsed.data;
  const production = config.NODE_ENV === 'production';

  if (production) {
    const refuse = (name: string, why: string) => {
      throw new ConfigError(`Configuration error: ${name} ${why}`);
    };
    if (!config.MONGODB_URI) refuse('MONGODB_URI', 'must be set in production');
    if (config.SESSION_SECRET === DEV_SESSION_SECRET)
      refuse('SESSION_SECRET', 'must be set to a secret of your own in production');
    if (config.STRIPE_SECRET_KEY === DEV_STRIPE_SECRET_KEY)
      refuse('STRIPE_SECRET_KEY', 'must be set to your Stripe key in production');
    if (!config.STRIPE_PUBLISHABLE_KEY)
      refuse('STRIPE_PUBLISHABLE_KEY', 'must be set in production: the card page needs Stripe.js');
    if (config.STRIPE_WEBHOOK_SECRET === DEV_STRIPE_WEBHOOK_SECRET)
      refuse('STRIPE_WEBHOOK_SECRET', 'must be set to your webhook secret in production');
    if (config.DEMO_SEED)
      refuse('DEMO_SEED', 'cannot be true in production: demo data never goes live');
    if (!config.PUBLIC_URL) refuse('PUBLIC_URL', 'must be set in production (links in emails)');
    if (config.MESSAGE_TRANSPORT === 'recording')
      refuse('MESSAGE_TRANSPORT', 'must be notify or smtp in production');
    if (!config.METRICS_TOKEN)
      refuse('METRICS_TOKEN', 'must be set in production: /metrics is never public');
    if (config.HARBOUR_CRASH_AT) refuse('HARBOUR_CRASH_AT', 'is for reliability tests only');
  }

  const live = (key: string) => key.includes('_live_');
  if (
    config.STRIPE_PUBLISHABLE_KEY &&
    live(config.STRIPE_PUBLISHABLE_KEY) !== live(config.STRIPE_SECRET_KEY)
  ) {
    throw new ConfigError(
      'Configuration error: STRIPE_PUBLISHABLE_KEY must be from the same mode (test or live) as STRIPE_SECRET_KEY',
    );
  }

  if (config.MESSAGE_TRANSPORT === 'notify') {
    if (!config.NOTIFY_API_KEY)
      throw new ConfigError(
        'Configuration error: NOTIFY_API_KEY must be set when MESSAGE_TRANSPORT is notify',
      );
    if (!config.NOTIFY_EMAIL_TEMPLATE_ID)
      throw new ConfigError(
        'Configuration error: NOTIFY_EMAIL_TEMPLATE_ID must be set when MESSAGE_TRANSPORT is notify',
      );
  }
  if (config.MESSAGE_TRANSPORT === 'smtp' && !config.SMTP_URL) {
    throw new ConfigError(
      'Configuration error: SMTP_URL must be set when MESSAGE_TRANSPORT is smtp',
    );
  }

  return {
    env: config.NODE_ENV,
    production,
    port: config.PORT,
    host: config.HOST,
    database: {
      uri: config.MONGODB_URI ?? 'mongodb://127.0.0.1:27017/harbour?directConnection=true',
      kind: config.HARBOUR_DATABASE_KIND,
      backend:
        config.HARBOUR_DATABASE_KIND === 'ferretdb' ? config.HARBOUR_FERRETDB_BACKEND : undefined,
    },
    sessionSecret: config.SESSION_SECRET,
    stripe: {
      secretKey: config.STRIPE_SECRET_KEY,
      webhookSecret: config.STRIPE_WEBHOOK_SECRET,
      publishableKey: config.STRIPE_PUBLISHABLE_KEY ?? null,
      apiUrl: config.STRIPE_API_URL,
    },
    logLevel: config.LOG_LEVEL,
    clientDist: config.CLIENT_DIST,
    demo: {
      seed: config.DEMO_SEED ?? !production,
      providers: config.DEMO_PROVIDERS,
      families: config.DEMO_FAMILIES,
      password: config.DEMO_PASSWORD,
      totpSecret: config.DEMO_TOTP_SECRET,
    },
    workerInProcess: config.WORKER_IN_PROCESS,
    crashAt: config.HARBOUR_CRASH_AT ?? null,
    reconcileGraceMs: config.RECONCILE_GRACE_SECONDS * 1000,
    metricsToken: config.METRICS_TOKEN,
    trustProxy: config.TRUST_PROXY,
    publicUrl: (config.PUBLIC_URL ?? `http://localhost:${config.PORT || 4000}`).replace(/\/$/, ''),
    messages: {
      transport: config.MESSAGE_TRANSPORT,
      from: config.MAIL_FROM,
      notify: {
        apiKey: config.NOTIFY_API_KEY,
        templateId: config.NOTIFY_EMAIL_TEMPLATE_ID,
        smsTemplateId: config.NOTIFY_SMS_TEMPLATE_ID,
        baseUrl: config.NOTIFY_BASE_URL,
      },
      smtpUrl: config.SMTP_URL,
    },
  };
}
