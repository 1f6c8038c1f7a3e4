import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

import { stack } from '../common/decorator-stack.js';
import { parseCidrList } from '../common/http/cidr.js';

/** A whole-number setting from min to max (environment values arrive as strings). */
function IntSetting(min: number, max: number) {
  return stack(
    Transform(({ value }) => Number(value)),
    IsInt(),
    Min(min),
    Max(max),
  );
}

/** Requests allowed per client in a rate-limit window: at least one, and no real cap. */
const RateLimitSetting = () => IntSetting(1, 1_000_000);

/** A period in whole days, up to ten years (retention and freshness policies). */
const DaysSetting = () => IntSetting(1, 3650);

const toBoolean = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()) : value;

/** A yes/no setting: 1, true, yes or on (any case) is yes, anything else no. */
const BooleanSetting = () => stack(Transform(toBoolean), IsBoolean());

/**
 * Every environment variable Mend reads, validated once at start-up.
 * Feature code never touches `process.env`: it receives this typed object.
 * The README's configuration table mirrors this class.
 */
export class Environment {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IsString()
  HOST = '0.0.0.0';

  @IntSetting(0, 65535)
  PORT = 3000;

  /** Real PostgreSQL when set; otherwise an embedded server under EMBEDDED_PG_DIR. Secret: never logged. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsString()
  EMBEDDED_PG_DIR = '.data/postgres';

  /** 0 picks a free port. */
  @IntSetting(0, 65535)
  EMBEDDED_PG_PORT = 0;

  @IntSetting(1, 200)
  DB_POOL_SIZE = 10;

  /** Upsert the curated directory on start-up (idempotent). */
  @BooleanSetting()
  SEED_ON_START = true;

  /**
   * Seed the fictional demo listings (seeds/data/local-demo.json). Unset: on only for the embedded
   * development database (no DATABASE_URL, NODE_ENV not production); see seedDemoListings().
   */
  @IsOptional()
  @BooleanSetting()
  SEED_DEMO?: boolean;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IntSetting(1024, 10_485_760)
  BODY_LIMIT_BYTES = 65_536;

  /** Longest query string (the part after `?`, as sent); longer ones get 414. */
  @IntSetting(256, 1_048_576)
  MAX_QUERY_BYTES = 4096;

  /** Largest request head (request line and headers); larger ones get 431. Node's own default. */
  @IntSetting(1024, 1_048_576)
  MAX_HEADER_BYTES = 16_384;

  /** Receiving a request (408 after it) and answering it (503 after it) each get this long. */
  @IntSetting(100, 300_000)
  REQUEST_TIMEOUT_MS = 15_000;

  @DaysSetting()
  INTAKE_RETENTION_DAYS = 30;

  /**
   * Server secret for API-key hashes (HMAC-SHA-256). Required unless NODE_ENV is explicitly
   * development or test; there a fixed, public development value is used, with a warning at
   * start-up. Never logged.
   */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'API_KEY_SECRET must be at least 32 characters' })
  API_KEY_SECRET?: string;

  /** Days a delivered (or finally failed) webhook event is kept before it is deleted. */
  @IntSetting(1, 365)
  WEBHOOK_EVENT_RETENTION_DAYS = 7;

  /**
   * Test and development only (refused in production): addresses or CIDRs a webhook may reach
   * although they are private or loopback, e.g. `127.0.0.1/32` for a local receiver; plain http
   * is then allowed to them. Everything else stays blocked (docs/security.md, SSRF).
   */
  @IsOptional()
  @IsString()
  WEBHOOK_TEST_ALLOWED_CIDRS?: string;

  /** Redis for rate limits shared by several API instances; in-memory limits when unset. */
  @IsOptional()
  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL?: string;

  /** Namespace of the rate-limit counters in Redis (several deployments may share one Redis). */
  @IsString()
  @Matches(/^[A-Za-z0-9:_-]{1,64}$/, { message: 'RATE_LIMIT_REDIS_PREFIX may use letters, digits, colon, dash and underscore' })
  RATE_LIMIT_REDIS_PREFIX = 'mend:rl';

  /** Requests per minute per IP address without a key (directory reads). */
  @RateLimitSetting()
  RATE_LIMIT_ANON_PER_MINUTE = 120;

  /**
   * How long a verified key is cached per instance. Revocations, rotations and partner suspensions
   * are broadcast (Redis pub/sub, or PostgreSQL NOTIFY) and clear it at once; this bounds the delay
   * only if that broadcast is lost.
   */
  @IntSetting(1, 86_400)
  AUTH_CACHE_SECONDS = 10;

  /** Per IP: presented keys not seen lately, i.e. lookups that reach the database (checked before the lookup). */
  @RateLimitSetting()
  RATE_LIMIT_KEY_LOOKUPS_PER_MINUTE = 60;

  /** Per IP: widget frame loads (/widget/frame), checked before the frame's key is looked up. */
  @RateLimitSetting()
  RATE_LIMIT_WIDGET_FRAME_PER_MINUTE = 120;

  /** Per client IP within one publishable key (on top of the partner's per-key quota). */
  @RateLimitSetting()
  PUBLISHABLE_KEY_PER_IP_PER_MINUTE = 60;

  /** Per client IP within one publishable key: intakes and referrals created (they store data and fire webhooks). */
  @RateLimitSetting()
  PUBLISHABLE_KEY_WRITES_PER_IP_PER_MINUTE = 10;

  /** Per client IP: attempts to redeem a listing claim token (POST /v1/listing-claims/redeem), successful or not. */
  @RateLimitSetting()
  RATE_LIMIT_CLAIM_REDEEM_PER_MINUTE = 10;

  /** Per listing key: requests a provider's listing key may make. */
  @RateLimitSetting()
  RATE_LIMIT_LISTING_KEY_PER_MINUTE = 120;

  /** Hours a listing claim token can be redeemed after a curator issues it (then it expires unused). */
  @IntSetting(1, 720)
  LISTING_CLAIM_TTL_HOURS = 168;

  /**
   * Proxies whose X-Forwarded-For is believed for the client IP (rate limits, logs): a comma list
   * of addresses or CIDRs (e.g. `127.0.0.1,10.0.0.0/8`). Unset (the default): no proxy is trusted
   * and the client IP is the connection's peer. Never trust more than your own proxies: whoever
   * is trusted can choose the IP every limit is counted against.
   */
  @IsOptional()
  @IsString()
  TRUST_PROXY?: string;

  /** Serve Swagger UI at /docs and the OpenAPI document at /docs-json (part of the product; can be turned off). */
  @BooleanSetting()
  DOCS_ENABLED = true;

  /** Create the `demo` partner and print its test keys on the first start with the embedded database. */
  @BooleanSetting()
  DEMO_PARTNER = true;

  /**
   * Freshness policy (README, "Freshness"): a listing whose details were last verified this many
   * days ago is `due` for a check, and `stale` from VERIFICATION_STALE_DAYS (ranked lower in
   * intakes, with a caveat). Safety lines have their own, shorter periods: a stale safety line is
   * never shown as one.
   */
  @DaysSetting()
  VERIFICATION_DUE_DAYS = 180;

  @DaysSetting()
  VERIFICATION_STALE_DAYS = 365;

  @DaysSetting()
  SAFETY_LINE_DUE_DAYS = 90;

  @DaysSetting()
  SAFETY_LINE_STALE_DAYS = 180;

  /**
   * Reports of `phone_not_working` or `closed` from this many distinct reporters within
   * SAFETY_REPORT_WINDOW_HOURS suspend a safety line from every safety list until a curator
   * resolves or dismisses one of them.
   */
  @IntSetting(1, 100)
  SAFETY_REPORT_SUSPEND_COUNT = 3;

  @IntSetting(1, 720)
  SAFETY_REPORT_WINDOW_HOURS = 72;

  /** Per IP: listing reports from visitors (no key, or a publishable key), in a one-hour window. */
  @RateLimitSetting()
  RATE_LIMIT_REPORTS_PER_IP_PER_HOUR = 5;

  /**
   * Per partner: listing reports sent with its secret keys, in a one-hour window. A partner's
   * server is one reporter, but each report lands in the curators' queue and fires their webhook.
   */
  @RateLimitSetting()
  RATE_LIMIT_REPORTS_PER_PARTNER_PER_HOUR = 60;

  /** Days a closed report keeps its note; then the note is erased (the reason and dates stay, for the numbers). */
  @DaysSetting()
  REPORT_NOTE_RETENTION_DAYS = 90;

  /** When retention jobs (intake and idempotency purges) fire; each runs on one instance per hour. */
  @IsString()
  @Matches(/^(\S+\s+){4,5}\S+$/, { message: 'RETENTION_CRON must be a cron expression such as "0 * * * *"' })
  RETENTION_CRON = '0 * * * *';

  /** Not an environment variable: whether NODE_ENV was given (true) or defaulted to development. */
  nodeEnvExplicit = false;
}

export function validateEnvironment(raw: Record<string, unknown>): Environment {
  const defined = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== ''));
  const env = plainToInstance(Environment, defined, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false });
  env.nodeEnvExplicit = defined.NODE_ENV !== undefined;
  if (env.NODE_ENV === 'production' && !env.API_KEY_SECRET) {
    errors.push({ property: 'API_KEY_SECRET', constraints: { required: 'API_KEY_SECRET is required when NODE_ENV=production' } });
  }
  if (env.TRUST_PROXY) {
    try {
      parseCidrList(env.TRUST_PROXY);
    } catch {
      errors.push({
        property: 'TRUST_PROXY',
        constraints: { format: 'TRUST_PROXY must be a comma list of proxy addresses or CIDRs, e.g. 127.0.0.1,10.0.0.0/8' },
      });
    }
  }
  if (env.WEBHOOK_TEST_ALLOWED_CIDRS) {
    if (env.NODE_ENV === 'production') {
      errors.push({
        property: 'WEBHOOK_TEST_ALLOWED_CIDRS',
        constraints: { testOnly: 'WEBHOOK_TEST_ALLOWED_CIDRS is for tests and development only; unset it in production' },
      });
    } else {
      try {
        parseCidrList(env.WEBHOOK_TEST_ALLOWED_CIDRS);
      } catch {
        errors.push({
          property: 'WEBHOOK_TEST_ALLOWED_CIDRS',
          constraints: { format: 'WEBHOOK_TEST_ALLOWED_CIDRS must be a comma list of addresses or CIDRs' },
        });
      }
    }
  }
  for (const [due, stale] of [
    ['VERIFICATION_DUE_DAYS', 'VERIFICATION_STALE_DAYS'],
    ['SAFETY_LINE_DUE_DAYS', 'SAFETY_LINE_STALE_DAYS'],
  ] as const) {
    if (Number.isInteger(env[due]) && Number.isInteger(env[stale]) && env[due] >= env[stale]) {
      errors.push({
        property: due,
        constraints: { order: `${due} must be less than ${stale} (a listing is due for a check before it is stale)` },
      });
    }
  }
  if (errors.length > 0) {
    const lines = errors.map((e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return env;
}

/** Demo listings are opt-in: never in production or on a database server unless SEED_DEMO=true. */
export function seedDemoListings(env: Pick<Environment, 'SEED_DEMO' | 'NODE_ENV' | 'DATABASE_URL'>): boolean {
  if (env.SEED_DEMO !== undefined) return env.SEED_DEMO;
  return env.NODE_ENV !== 'production' && !env.DATABASE_URL;
}

const DEVELOPMENT_KEY_SECRET = 'mend-development-only-secret-never-use-in-production';

/**
 * The HMAC secret for keys: the configured one, or the fixed development value, which only an
 * explicit NODE_ENV=development or test accepts (validateEnvironment). The API warns at start-up
 * whenever it is in use (ApiKeysService).
 */
export function apiKeySecret(env: Environment): string {
  if (env.API_KEY_SECRET) return env.API_KEY_SECRET;
  // A server started with a plain `npm start` (NODE_ENV unset, so "development" by default) must
  // not fall back to the public development secret: anyone could recompute key hashes and, before
  // per-partner secrets, forge webhook signatures. Only an explicit development or test NODE_ENV may.
  if (!env.nodeEnvExplicit || (env.NODE_ENV !== 'development' && env.NODE_ENV !== 'test')) {
    throw new Error(
      'Invalid configuration:\n  API_KEY_SECRET: required (32+ random characters) unless NODE_ENV is explicitly development or test',
    );
  }
  return DEVELOPMENT_KEY_SECRET;
}

export function usesDevelopmentSecret(env: Environment): boolean {
  return !env.API_KEY_SECRET;
}
