import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Provider texts in other languages (issue 15): resource.translations holds, per locale other
 * than English, the texts written for it: `{ "es": { "name"?, "description"?, "costNotes"? } }`.
 * The stored name, description and cost notes stay the English (the curation language); a
 * response in another locale takes that locale's text where there is one and says which language
 * each text is in (src/resources/resource-texts.ts). Shape and lengths are checked by the write path
 * (resource-record.ts); the CHECK only keeps the column an object.
 */
export class ResourceTranslations1796700000000 implements MigrationInterface {
  name = 'ResourceTranslations1796700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE resource ADD COLUMN translations jsonb NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE resource ADD CONSTRAINT resource_translations_object CHECK (jsonb_typeof(translations) = 'object')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE resource DROP CONSTRAINT resource_translations_object`);
    await q.query(`ALTER TABLE resource DROP COLUMN translations`);
  }
}
