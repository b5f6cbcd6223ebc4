import { loadConfig } from './config';

/** A production environment with every setting production insists on. */
const PRODUCTION: Record<string, string> = {
  NODE_ENV: 'production',
  MONGODB_URI: 'mongodb://db/harbour',
  SESSION_SECRET: 'x'.repeat(40),
  STRIPE_SECRET_KEY: 'sk_live_abc',
  STRIPE_WEBHOOK_SECRET: 'whsec_abc',
  STRIPE_PUBLISHABLE_KEY: 'pk_live_abc',
  PUBLIC_URL: 'https://harbour.example',
  MESSAGE_TRANSPORT: 'smtp',
  SMTP_URL: 'smtp://mail.example:587',
  METRICS_TOKEN: 'metrics-token-of-our-own',
};

describe('configuration', () => {
  it('has development defaults for everything', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.env).toBe('development');
    expect(config.demo.seed).toBe(true);
  });

  it.each([
    [
      { PORT: 'abc' },
      'Configuration error: PORT must be a whole number between 0 and 65535 (got "abc")',
    ],
    [
      { MONGODB_URI: 'postgres://x' },
      'Configuration error: MONGODB_URI must be a mongodb:// or mongodb+srv:// connection string (got "postgres://x")',
    ],
    [
      { SESSION_SECRET: 'short' },
      'Configuration error: SESSION_SECRET must be at least 32 characters',
    ],
    [
      { WORKER_IN_PROCESS: 'maybe' },
      'Configuration error: WORKER_IN_PROCESS must be true or false (got "maybe")',
    ],
  ])('names the variable in one line when it is malformed: %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('refuses development secrets in production', () => {
    expect(() =>
      loadConfig({ NODE_ENV: 'production', MONGODB_URI: 'mongodb://db/harbour' }),
    ).toThrow(
      'Configuration error: SESSION_SECRET must be set to a secret of your own in production',
    );
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      'Configuration error: MONGODB_URI must be set in production',
    );
  });

  it('needs Stripe’s publishable key in production, from the same mode as the secret key', () => {
    const production = { ...PRODUCTION };
    delete production.STRIPE_PUBLISHABLE_KEY;
    expect(() => loadConfig(production)).toThrow(
      'Configuration error: STRIPE_PUBLISHABLE_KEY must be set in production: the card page needs Stripe.js',
    );
    expect(() => loadConfig({ ...PRODUCTION, STRIPE_PUBLISHABLE_KEY: 'pk_test_abc' })).toThrow(
      'Configuration error: STRIPE_PUBLISHABLE_KEY must be from the same mode (test or live) as STRIPE_SECRET_KEY',
    );
    expect(() => loadConfig({ STRIPE_PUBLISHABLE_KEY: 'sk_test_abc' })).toThrow(
      'Configuration error: STRIPE_PUBLISHABLE_KEY must be a Stripe publishable key (pk_test_… or pk_live_…) (got "sk_test_abc")',
    );
    expect(loadConfig(PRODUCTION).stripe.publishableKey).toBe('pk_live_abc');
    expect(loadConfig({}).stripe.publishableKey).toBeNull();
  });

  it('keeps /metrics private in production: refuses to start without a metrics token', () => {
    const production = { ...PRODUCTION };
    delete production.METRICS_TOKEN;
    expect(() => loadConfig(production)).toThrow(
      'Configuration error: METRICS_TOKEN must be set in production: /metrics is never public',
    );
    expect(loadConfig(PRODUCTION).metricsToken).toBe('metrics-token-of-our-own');
  });

  it('needs the settings of the chosen message transport', () => {
    expect(() => loadConfig({ MESSAGE_TRANSPORT: 'smtp' })).toThrow(
      'Configuration error: SMTP_URL must be set when MESSAGE_TRANSPORT is smtp',
    );
    expect(() => loadConfig({ MESSAGE_TRANSPORT: 'notify' })).toThrow(
      'Configuration error: NOTIFY_API_KEY must be set when MESSAGE_TRANSPORT is notify',
    );
  });

  it('never seeds demo data in production', () => {
    expect(loadConfig(PRODUCTION).demo.seed).toBe(false);
    expect(() => loadConfig({ ...PRODUCTION, DEMO_SEED: 'true' })).toThrow(
      'DEMO_SEED cannot be true in production',
    );
  });
});
