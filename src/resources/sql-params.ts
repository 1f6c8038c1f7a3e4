/** Collects bind parameters while a query is assembled: `sql.param(v)` returns `$n`. User input never enters the SQL text. */
export class SqlParams {
  readonly values: unknown[] = [];
  param(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
