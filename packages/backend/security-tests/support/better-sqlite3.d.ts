/**
 * The part of better-sqlite3 (a dependency of the backend, which has no
 * types of its own here) that the leak scan uses: reading rows.
 */
declare module 'better-sqlite3' {
  interface Statement {
    all(...params: unknown[]): unknown[];
    iterate(...params: unknown[]): IterableIterator<unknown>;
    run(...params: unknown[]): unknown;
  }
  class Database {
    constructor(
      filename: string,
      options?: { readonly?: boolean; fileMustExist?: boolean },
    );
    prepare(sql: string): Statement;
    exec(sql: string): this;
    close(): this;
  }
  export default Database;
}
