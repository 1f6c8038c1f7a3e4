import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accessibility as structured data (issue 15): resource.accessibility holds codes of the taxonomy's
 * `accessibility` vocabulary (asl, videophone, tty, relay, captioning, text_based,
 * interpreter_on_request, wheelchair_access). A search asks for all of the codes it names
 * (`@>`, which the GIN index serves, as for the other taxonomy arrays).
 *
 * Existing rows get the codes their contact channels and chat sessions already state, as the write
 * path derives them (src/resources/accessibility.ts): TTY, videophone and relay channels give
 * their code, text and chat channels or chat sessions give text_based.
 */
export class Accessibility1796500000000 implements MigrationInterface {
  name = 'Accessibility1796500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE resource ADD COLUMN accessibility text[] NOT NULL DEFAULT '{}'`);
    await q.query(`CREATE INDEX resource_accessibility_gin ON resource USING gin (accessibility)`);
    // In taxonomy order, as the write path stores them.
    await q.query(`
      UPDATE resource r SET accessibility = derived.codes
      FROM (
        SELECT id, ARRAY(
          SELECT code FROM unnest(ARRAY['videophone', 'tty', 'relay', 'text_based']) WITH ORDINALITY AS t(code, position)
          WHERE (code IN ('tty', 'videophone', 'relay') AND contact_channels @> jsonb_build_array(jsonb_build_object('type', code)))
             OR (code = 'text_based' AND (contact_channels @> '[{"type":"text"}]' OR contact_channels @> '[{"type":"chat"}]' OR 'chat' = ANY(formats)))
          ORDER BY position) AS codes
        FROM resource) derived
      WHERE derived.id = r.id AND derived.codes <> '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX resource_accessibility_gin`);
    await q.query(`ALTER TABLE resource DROP COLUMN accessibility`);
  }
}
