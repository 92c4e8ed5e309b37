import type { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col, table } from '@app/platform';

/** Forms, desks, procedures, surveys, kiosks, visit tokens, responses and answers of the satisfaction survey. */
export class SurveySchema1764206000000 implements MigrationInterface {
  name = 'SurveySchema1764206000000';

  async up(q: QueryRunner): Promise<void> {
    for (const t of surveyTables(q)) await q.createTable(t);
  }

  /** Drops the tables by their definitions (no catalogue look-up) in reverse order; indexes go with them. */
  async down(q: QueryRunner): Promise<void> {
    for (const t of surveyTables(q).reverse()) await q.dropTable(t, false, false, false);
  }
}

function surveyTables(q: QueryRunner): Table[] {
  return [
    table(q, {
      name: 'survey_forms',
      columns: [
        col.id(),
        col.varchar('code', 64),
        col.varchar('name', 255),
        col.int('current_version_id', true),
        col.int('created_by', true),
        col.createdAt(),
        col.updatedAt(),
      ],
      indices: [{ name: 'uq_survey_forms_code', columnNames: ['code'], isUnique: true }],
    }),
    table(q, {
      name: 'survey_form_versions',
      columns: [
        col.id(),
        col.int('form_id'),
        col.int('version'),
        col.varchar('title', 255),
        col.text('description', true),
        col.int('satisfied_min'),
        col.bool('used', false),
        col.createdAt(),
      ],
      indices: [{ name: 'uq_survey_form_versions_number', columnNames: ['form_id', 'version'], isUnique: true }],
    }),
    table(q, {
      name: 'survey_sections',
      columns: [
        col.id(),
        col.int('form_version_id'),
        col.varchar('key', 64),
        col.int('position'),
        col.varchar('title', 255),
      ],
      indices: [{ name: 'idx_survey_sections_version', columnNames: ['form_version_id'] }],
    }),
    table(q, {
      name: 'survey_questions',
      columns: [
        col.id(),
        col.int('form_version_id'),
        col.int('section_id'),
        col.varchar('key', 64),
        col.int('position'),
        col.varchar('type', 16),
        col.text('text'),
        col.text('options'),
        col.bool('required', false),
        col.int('max_length', true),
      ],
      indices: [{ name: 'uq_survey_questions_key', columnNames: ['form_version_id', 'key'], isUnique: true }],
    }),
    table(q, {
      name: 'survey_desks',
      columns: [
        col.id(),
        col.int('agency_id'),
        col.varchar('name', 255),
        col.varchar('public_code', 32),
        col.bool('active', true),
        col.createdAt(),
      ],
      indices: [
        { name: 'idx_survey_desks_agency', columnNames: ['agency_id'] },
        { name: 'uq_survey_desks_public_code', columnNames: ['public_code'], isUnique: true },
      ],
    }),
    table(q, {
      name: 'survey_procedures',
      columns: [
        col.id(),
        col.varchar('code', 64),
        col.varchar('name', 500),
        col.varchar('field', 255, true),
        col.bool('active', true),
      ],
      indices: [{ name: 'uq_survey_procedures_code', columnNames: ['code'], isUnique: true }],
    }),
    table(q, {
      name: 'surveys',
      columns: [
        col.id(),
        col.varchar('name', 255),
        col.int('form_id'),
        col.int('form_version_id'),
        col.datetime('opens_at'),
        col.datetime('closes_at'),
        col.bool('active', true),
        col.int('desk_rate_per_minute'),
        col.int('device_rate_per_minute'),
        col.int('created_by', true),
        col.createdAt(),
        col.updatedAt(),
      ],
      indices: [{ name: 'idx_surveys_form', columnNames: ['form_id'] }],
    }),
    table(q, {
      name: 'survey_desk_links',
      columns: [col.id(), col.int('survey_id'), col.int('desk_id'), col.int('agency_id')],
      indices: [
        { name: 'uq_survey_desk_links', columnNames: ['survey_id', 'desk_id'], isUnique: true },
        { name: 'idx_survey_desk_links_desk', columnNames: ['desk_id'] },
      ],
    }),
    table(q, {
      name: 'survey_kiosks',
      columns: [
        col.id(),
        col.int('desk_id'),
        col.int('agency_id'),
        col.varchar('name', 255),
        col.varchar('token_hash', 64),
        col.bool('active', true),
        col.int('created_by', true),
        col.createdAt(),
      ],
      indices: [
        { name: 'uq_survey_kiosks_token', columnNames: ['token_hash'], isUnique: true },
        { name: 'idx_survey_kiosks_desk', columnNames: ['desk_id'] },
      ],
    }),
    table(q, {
      name: 'survey_visit_tokens',
      columns: [
        col.id(),
        col.varchar('token_hash', 64),
        col.int('survey_id'),
        col.int('desk_id'),
        col.int('agency_id'),
        col.varchar('source', 8),
        col.int('kiosk_id', true),
        col.datetime('issued_at'),
        col.datetime('expires_at'),
        col.datetime('used_at', true),
      ],
      indices: [
        { name: 'uq_survey_visit_tokens_hash', columnNames: ['token_hash'], isUnique: true },
        { name: 'idx_survey_visit_tokens_survey', columnNames: ['survey_id'] },
      ],
    }),
    table(q, {
      name: 'survey_responses',
      columns: [
        col.id(),
        col.int('survey_id'),
        col.int('form_id'),
        col.int('form_version_id'),
        col.int('desk_id'),
        col.int('agency_id'),
        col.int('visit_token_id'),
        col.varchar('source', 8),
        col.varchar('respondent_type', 16, true),
        col.int('procedure_id', true),
        col.varchar('contact_name', 255, true),
        col.varchar('contact_phone', 32, true),
        col.varchar('contact_email', 255, true),
        col.datetime('submitted_at'),
      ],
      indices: [
        { name: 'uq_survey_responses_token', columnNames: ['visit_token_id'], isUnique: true },
        { name: 'idx_survey_responses_form_time', columnNames: ['form_id', 'submitted_at'] },
        { name: 'idx_survey_responses_survey', columnNames: ['survey_id'] },
      ],
    }),
    table(q, {
      name: 'survey_answers',
      columns: [
        col.id(),
        col.int('response_id'),
        col.int('form_id'),
        col.int('form_version_id'),
        col.int('question_id'),
        col.varchar('question_key', 64),
        col.varchar('section_key', 64),
        col.int('desk_id'),
        col.int('agency_id'),
        col.datetime('submitted_at'),
        col.varchar('type', 16),
        col.int('value', true),
        col.varchar('choice', 64, true),
        col.text('text', true),
      ],
      indices: [
        { name: 'idx_survey_answers_response', columnNames: ['response_id'] },
        { name: 'idx_survey_answers_form_time', columnNames: ['form_id', 'submitted_at'] },
      ],
    }),
  ];
}
