/** SQLite, PostgreSQL and MySQL report a unique violation each their own way. */
export const isUniqueViolation = (err: any): boolean => {
  for (let e = err, i = 0; e && i < 4; e = e.cause, i++) {
    const code = String(e.code ?? '');
    if (code === '23505' || code.startsWith('SQLITE_CONSTRAINT') || code === 'ER_DUP_ENTRY') return true;
    if (/unique constraint|UNIQUE constraint failed|duplicate key/i.test(String(e.message ?? ''))) return true;
  }
  return false;
};
