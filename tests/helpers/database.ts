import fs from 'fs';
import os from 'os';
import path from 'path';
import crypto from 'crypto';
import { Client } from 'pg';

/** A database of its own for one booted Strapi: a temp SQLite file, or a fresh PostgreSQL database. */
export type TestDatabase = {
  client: 'sqlite' | 'postgres';
  /** The environment that points the playground's config/database.ts at it. */
  env: Record<string, string>;
  drop(): Promise<void>;
};

export const testDatabaseClient = (): 'sqlite' | 'postgres' =>
  process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';

const pgAdminConfig = () => ({
  host: process.env.TEST_PG_HOST || '127.0.0.1',
  port: Number(process.env.TEST_PG_PORT || 5432),
  user: process.env.TEST_PG_USER || 'postgres',
  password: process.env.TEST_PG_PASSWORD || undefined,
  database: process.env.TEST_PG_DATABASE || 'postgres',
});

const withPgAdmin = async <T>(fn: (client: Client) => Promise<T>): Promise<T> => {
  const client = new Client(pgAdminConfig());
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
};

const createPostgres = async (): Promise<TestDatabase> => {
  const name = `gengo_test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  await withPgAdmin((client) => client.query(`CREATE DATABASE "${name}"`));
  const cfg = pgAdminConfig();
  return {
    client: 'postgres',
    env: {
      DATABASE_CLIENT: 'postgres',
      DATABASE_HOST: cfg.host,
      DATABASE_PORT: String(cfg.port),
      DATABASE_NAME: name,
      DATABASE_USERNAME: cfg.user,
      DATABASE_PASSWORD: cfg.password ?? '',
    },
    drop: () => withPgAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}),
  };
};

const createSqlite = async (): Promise<TestDatabase> => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gengo-test-'));
  return {
    client: 'sqlite',
    env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dir, 'data.db') },
    drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
};

/** A fresh database; `client` forces one (a test that needs PostgreSQL whatever TEST_DATABASE says). */
export const createTestDatabase = (client = testDatabaseClient()): Promise<TestDatabase> =>
  client === 'postgres' ? createPostgres() : createSqlite();

/**
 * One read-only query on the database from outside any Strapi (another process may own it): for
 * watching what a Strapi child process has written so far.
 */
export const peekTestDatabase = async (db: TestDatabase, sql: string): Promise<Array<Record<string, unknown>>> => {
  if (db.client === 'sqlite') {
    const Sqlite = require('better-sqlite3');
    const conn = new Sqlite(db.env.DATABASE_FILENAME, { readonly: true, fileMustExist: true, timeout: 5000 });
    try {
      return conn.prepare(sql).all();
    } finally {
      conn.close();
    }
  }
  const client = new Client({ ...pgAdminConfig(), database: db.env.DATABASE_NAME });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
};
