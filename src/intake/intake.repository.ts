import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { LessThan, type DataSource, type EntityManager, type Repository } from 'typeorm';
import { LOCATIONS_JSON, nearbyCte, RESOURCE_COLUMNS } from '../resources/resource-search.sql.js';
import type { ResourceRow } from '../resources/resource.row.js';
import { SqlParams } from '../resources/sql-params.js';
import { Intake } from './intake.entity.js';
import type { CandidateConstraints } from './matching/constraints.js';

@Injectable()
export class IntakeRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Intake) private readonly intakes: Repository<Intake>,
  ) {}

  /**
   * Candidates that meet every hard constraint, in one statement: in-person help within
   * the radius (GiST on ll_to_earth), remote help licensed where the couple is (GIN on
   * service_areas), or self-guided help anyone can use; then kind, specialty, budget and
   * language filters. Ranking happens in the pure matching module.
   */
  async findCandidates(c: CandidateConstraints): Promise<(ResourceRow & { distance_m: number | null })[]> {
    const sql = new SqlParams();
    const where = [`r.status = 'active'`, `r.kind <> 'hotline'`, `r.kind = ANY(${sql.param(c.kinds)}::text[])`];
    if (c.excludeSafeRelationshipsOnly) where.push('NOT r.requires_safe_relationship');
    if (c.specialtiesAny) where.push(`r.specialties && ${sql.param(c.specialtiesAny)}::text[]`);
    const reach: string[] = [`r.kind = 'self_guided'`];
    let nearby = '';
    let join = '';
    if (c.inPersonAllowed && c.point) {
      const cte = nearbyCte(sql, { ...c.point, radiusMeters: c.radiusKm * 1000 });
      nearby = `WITH ${cte.cte}`;
      join = 'LEFT JOIN nearby d ON d.resource_id = r.id';
      reach.push(`(d.meters <= ${cte.radius}::float8 AND 'in_person' = ANY(r.formats))`);
    } else if (c.inPersonAllowed && c.region) {
      reach.push(`('in_person' = ANY(r.formats) AND r.location_regions @> ARRAY[${sql.param(c.region)}]::text[])`);
    }
    if (c.remoteFormats.length) {
      const areas = [c.region, c.country].filter((a): a is string => !!a);
      const licensed = areas.length ? ` AND r.service_areas && ${sql.param(areas)}::text[]` : '';
      reach.push(`(r.formats && ${sql.param(c.remoteFormats)}::text[]${licensed})`);
    }
    where.push(`(${reach.join(' OR ')})`);
    if (c.budgetMinor !== undefined) {
      const sliding = c.allowSlidingAboveBudget ? 'r.sliding_scale' : '(r.sliding_scale AND r.fee_min IS NULL)';
      where.push(`(r.free OR r.fee_min <= ${sql.param(c.budgetMinor)} OR ${sliding})`);
    }
    if (c.languages.length) where.push(`r.languages && ${sql.param(c.languages)}::text[]`);
    const text = `
      ${nearby}
      SELECT page.*, ${LOCATIONS_JSON} FROM (
        SELECT ${RESOURCE_COLUMNS}, ${join ? 'd.meters' : 'NULL::float8'} AS distance_m
        FROM resource r JOIN organization o ON o.id = r.organization_id ${join}
        WHERE ${where.join(' AND ')}
        ORDER BY ${join ? 'd.meters ASC NULLS LAST, ' : ''}r.accepting_new_clients DESC, r.id
        LIMIT ${sql.param(c.limit)}) page`;
    return this.dataSource.query(text, sql.values);
  }

  async save(intake: Omit<Intake, 'id' | 'createdAt'>, manager?: EntityManager): Promise<Intake> {
    const repo = manager ? manager.getRepository(Intake) : this.intakes;
    return repo.save(repo.create(intake));
  }

  /** Deletes expired intakes; returns how many. */
  async purgeExpired(now = new Date()): Promise<number> {
    const result = await this.intakes.delete({ expiresAt: LessThan(now) });
    return result.affected ?? 0;
  }
}
