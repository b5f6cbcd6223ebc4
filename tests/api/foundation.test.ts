import { MongoClient } from 'mongodb';
import { databaseUri } from '../../scripts/services/database';
import { startTestHarbour, testDatabaseServer, type TestHarbour } from '../support/harbour';

let harbour: TestHarbour;

beforeAll(async () => {
  harbour = await startTestHarbour();
});

afterAll(async () => {
  await harbour.stop();
});

const SUBMIT = /* GraphQL */ `
  mutation Submit($input: FeedbackSubmitInput!) {
    feedbackSubmit(input: $input) {
      userErrors {
        field
        message
        code
      }
      feedback {
        id
        rating
        createdAt
      }
    }
  }
`;

describe('health and readiness', () => {
  it('says the process is alive at /healthz', async () => {
    const response = await fetch(`${harbour.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('names the database server it really talks to at /readyz', async () => {
    const response = await fetch(`${harbour.url}/readyz`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { database: { server: string; backend?: string } };
    const { kind, backend } = testDatabaseServer();
    expect(body).toMatchObject({ status: 'ready', database: { kind, name: harbour.databaseName } });
    if (kind === 'ferretdb') {
      expect(body.database.server).toBe('ferretdb');
      expect(body.database).toMatchObject({
        backend: expect.stringMatching(/^(postgresql|sqlite)$/),
      });
      expect(body.database).toMatchObject({ backend });
    } else expect(['ferretdb', 'mongodb']).toContain(body.database.server);
  });

  it('tags every response with a request id, and keeps a safe one the caller sent', async () => {
    const mine = await fetch(`${harbour.url}/healthz`, {
      headers: { 'x-request-id': 'trace-12345678' },
    });
    expect(mine.headers.get('x-request-id')).toBe('trace-12345678');
    const unsafe = await fetch(`${harbour.url}/healthz`, {
      headers: { 'x-request-id': 'bad id; drop' },
    });
    expect(unsafe.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('GraphQL against the real database', () => {
  it('writes feedback through /graphql, reads the summary back, and the document is in the database', async () => {
    for (const rating of ['VERY_SATISFIED', 'SATISFIED', 'DISSATISFIED']) {
      const { status, body } = await harbour.graphql<{
        feedbackSubmit: { userErrors: unknown[]; feedback: { id: string; rating: string } };
      }>(SUBMIT, { input: { rating, comments: 'Easy to use', page: '/families' } });
      expect(status).toBe(200);
      expect(body.data?.feedbackSubmit.userErrors).toEqual([]);
      expect(body.data?.feedbackSubmit.feedback.rating).toBe(rating);
    }

    const { body } = await harbour.graphql<{
      feedbackSummary: {
        total: number;
        satisfiedPercent: number;
        ratings: { rating: string; count: number }[];
      };
    }>('{ feedbackSummary { total satisfiedPercent ratings { rating count } } }');
    expect(body.data?.feedbackSummary).toMatchObject({ total: 3, satisfiedPercent: 67 });
    expect(body.data?.feedbackSummary.ratings).toContainEqual({ rating: 'DISSATISFIED', count: 1 });

    const client = await MongoClient.connect(
      databaseUri(testDatabaseServer().uri, harbour.databaseName),
    );
    try {
      const stored = await client.db().collection('feedback').find().toArray();
      expect(stored).toHaveLength(3);
      expect(stored[0]).toMatchObject({ comments: 'Easy to use', page: '/families' });
      expect(stored[0]!.createdAt).toBeInstanceOf(Date);
    } finally {
      await client.close();
    }
  });

  it('answers input a person can fix with userErrors naming the field', async () => {
    const { status, body } = await harbour.graphql<{
      feedbackSubmit: { userErrors: unknown[]; feedback: null };
    }>(SUBMIT, {
      input: { rating: 'SATISFIED', comments: 'x'.repeat(1201), page: 'https://elsewhere.example' },
    });
    expect(status).toBe(200);
    expect(body.data?.feedbackSubmit.feedback).toBeNull();
    expect(body.data?.feedbackSubmit.userErrors).toEqual([
      {
        field: ['input', 'comments'],
        message: 'How we could improve must be 1200 characters or fewer',
        code: 'INVALID',
      },
      {
        field: ['input', 'page'],
        message: 'Page must be a path on this site, like /families',
        code: 'INVALID',
      },
    ]);
  });
});

describe('malformed GraphQL gets a 400 with a clear message, never a 500', () => {
  const expectClear400 = (
    response: {
      status: number;
      body: { errors?: { message: string; extensions?: { code?: string } }[] };
    },
    code: string,
    words: RegExp,
  ) => {
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions?.code).toBe(code);
    expect(response.body.errors?.map((error) => error.message).join('\n')).toMatch(words);
    expect(JSON.stringify(response.body)).not.toMatch(/stacktrace|at .*\.ts:\d+/i);
  };

  it('refuses a syntax error', async () => {
    expectClear400(
      await harbour.graphql('{ feedbackSummary { total '),
      'GRAPHQL_PARSE_FAILED',
      /Syntax Error/,
    );
  });

  it('refuses variables of the wrong type', async () => {
    expectClear400(
      await harbour.graphql(SUBMIT, { input: { rating: 42 } }),
      'BAD_USER_INPUT',
      /rating/,
    );
  });

  it('refuses an operator object where a string is expected', async () => {
    expectClear400(
      await harbour.graphql(SUBMIT, { input: { rating: 'SATISFIED', comments: { $gt: '' } } }),
      'BAD_USER_INPUT',
      /String cannot represent a non string value/,
    );
  });

  it('refuses a query 20 levels deep', async () => {
    const deep = `{ __type(name: "Query") { ${'fields { type { '.repeat(10)}name${' } }'.repeat(10)} } }`;
    expectClear400(await harbour.graphql(deep), 'GRAPHQL_VALIDATION_FAILED', /nested too deeply/);
  });

  it('refuses a query of too many tokens', async () => {
    const long = `{ ${'feedbackSummary { total } '.repeat(600)} }`;
    expectClear400(await harbour.graphql(long), 'GRAPHQL_PARSE_FAILED', /too long/);
  });

  it('refuses 100 aliases', async () => {
    const aliases = Array.from({ length: 100 }, (_, i) => `a${i}: feedbackSummary { total }`).join(
      ' ',
    );
    expectClear400(
      await harbour.graphql(`{ ${aliases} }`),
      'GRAPHQL_VALIDATION_FAILED',
      /too many aliases/,
    );
  });

  it('does not reveal the limits it enforces', async () => {
    const aliases = Array.from({ length: 100 }, (_, i) => `a${i}: feedbackSummary { total }`).join(
      ' ',
    );
    const { body } = await harbour.graphql(`{ ${aliases} }`);
    expect(body.errors?.[0]?.message).not.toMatch(/\d/);
  });

  it('refuses a body that is not JSON', async () => {
    const response = await fetch(`${harbour.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [
        { message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } },
      ],
    });
  });

  it('refuses a simple cross-site form post (CSRF prevention)', async () => {
    const response = await fetch(`${harbour.url}/graphql?query=%7BfeedbackSummary%7Btotal%7D%7D`, {
      method: 'GET',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/);
  });
});

describe('security headers and metrics', () => {
  it('sends a strict Content-Security-Policy allowing only our origin and the map tiles', async () => {
    const response = await fetch(`${harbour.url}/healthz`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(
      "img-src 'self' data: https://tile.openstreetmap.org https://*.tile.openstreetmap.org",
    );
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('publishes Prometheus metrics per GraphQL operation and for the database pool', async () => {
    await harbour.graphql('query SummaryForMetrics { feedbackSummary { total } }');
    const text = await (await fetch(`${harbour.url}/metrics`)).text();
    expect(text).toMatch(
      /graphql_operations_total\{operation="SummaryForMetrics",type="query",outcome="ok"\} 1/,
    );
    expect(text).toMatch(
      /graphql_operation_duration_seconds_bucket\{le="0.005",operation="SummaryForMetrics"/,
    );
    expect(text).toMatch(/mongodb_pool_connections\{state="open"\} [1-9]/);
    expect(text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\}/,
    );
  });
});
