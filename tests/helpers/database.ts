import fs from 'fs';
import os from 'os';
import path from 'path';
import crypto from 'crypto';
import { Client } from 'pg';

export type TestDatabaseClient = 'sqlite' | 'postgres' | 'mysql';

/**
 * A database of its own for one booted Strapi: a temp SQLite file, or a fresh PostgreSQL or
 * MySQL/MariaDB database.
 */
export type TestDatabase = {
  client: TestDatabaseClient;
  /** The environment that points the playground's config/database.ts at it. */
  env: Record<string, string>;
  drop(): Promise<void>;
};

export const testDatabaseClient = (): TestDatabaseClient =>
  process.env.TEST_DATABASE === 'postgres' || process.env.TEST_DATABASE === 'mysql'
    ? process.env.TEST_DATABASE
    : 'sqlite';

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

const mysqlAdminConfig = () => ({
  host: process.env.TEST_MYSQL_HOST || '127.0.0.1',
  port: Number(process.env.TEST_MYSQL_PORT || 3306),
  user: process.env.TEST_MYSQL_USER || 'root',
  password: process.env.TEST_MYSQL_PASSWORD || '',
});

const withMysql = async <T>(database: string | undefined, fn: (conn: any) => Promise<T>): Promise<T> => {
  const mysql = require('mysql2/promise');
  const conn = await mysql.createConnection({ ...mysqlAdminConfig(), database });
  try {
    return await fn(conn);
  } finally {
    await conn.end();
  }
};

const createMysql = async (): Promise<TestDatabase> => {
  const name = `gengo_test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  // utf8mb4: field texts carry any script and emoji (Strapi's own default for MySQL).
  await withMysql(undefined, (conn) =>
    conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`)
  );
  const cfg = mysqlAdminConfig();
  return {
    client: 'mysql',
    env: {
      DATABASE_CLIENT: 'mysql',
      DATABASE_HOST: cfg.host,
      DATABASE_PORT: String(cfg.port),
      DATABASE_NAME: name,
      DATABASE_USERNAME: cfg.user,
      DATABASE_PASSWORD: cfg.password,
    },
    drop: () => withMysql(undefined, (conn) => conn.query(`DROP DATABASE IF EXISTS \`${name}\``)).then(() => {}),
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
  client === 'postgres' ? createPostgres() : client === 'mysql' ? createMysql() : createSqlite();

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
  if (db.client === 'mysql') {
    return withMysql(db.env.DATABASE_NAME, async (conn) => (await conn.query(sql))[0]);
  }
  const client = new Client({ ...pgAdminConfig(), database: db.env.DATABASE_NAME });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
};
