import type { DataSource } from 'typeorm';

/** Loads the data every e2e test file starts from (the curated directory arrives with the directory module). */
export async function seedTemplate(_dataSource: DataSource): Promise<void> {}
