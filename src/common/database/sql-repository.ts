import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * What every repository of a module's own tables starts from: the application's DataSource, and
 * transactions its service runs several of the repository's statements in.
 */
@Injectable()
export abstract class DataSourceRepository {
  constructor(@InjectDataSource() protected readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}

/** The rows of an UPDATE … RETURNING: TypeORM answers it with [rows, rowCount] (INSERT and SELECT with the rows alone). */
export async function updateReturning<T>(manager: EntityManager, text: string, values: unknown[]): Promise<T[]> {
  const [rows] = await manager.query<[T[], number]>(text, values);
  return rows;
}
