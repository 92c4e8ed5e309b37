import {
  canAppraise,
  canRecompute,
  canSelfScore,
  transition,
  type ScorecardState,
  type WorkflowAction,
  type WorkflowRole,
} from './workflow.js';

describe('transition', () => {
  const allowed: [ScorecardState, WorkflowAction, WorkflowRole, ScorecardState][] = [
    ['draft', 'submit', 'agency_officer', 'submitted'],
    ['draft', 'submit', 'admin', 'submitted'],
    ['submitted', 'start_appraisal', 'inspector', 'under_appraisal'],
    ['under_appraisal', 'finish_appraisal', 'inspector', 'appraised'],
    ['appraised', 'publish', 'admin', 'published'],
  ];
  it.each(allowed)('%s —%s by %s→ %s', (from, action, role, to) => {
    expect(transition(from, action, role)).toEqual({ ok: true, to });
  });

  const refused: [ScorecardState, WorkflowAction, WorkflowRole, string][] = [
    ['draft', 'submit', 'inspector', 'ROLE_NOT_ALLOWED'],
    ['draft', 'submit', 'official', 'ROLE_NOT_ALLOWED'],
    ['submitted', 'submit', 'agency_officer', 'STATE_NOT_ALLOWED'],
    ['draft', 'start_appraisal', 'inspector', 'STATE_NOT_ALLOWED'],
    ['submitted', 'start_appraisal', 'agency_officer', 'ROLE_NOT_ALLOWED'],
    ['submitted', 'finish_appraisal', 'inspector', 'STATE_NOT_ALLOWED'],
    ['appraised', 'publish', 'inspector', 'ROLE_NOT_ALLOWED'],
    ['under_appraisal', 'publish', 'admin', 'STATE_NOT_ALLOWED'],
    ['published', 'reopen', 'inspector', 'ROLE_NOT_ALLOWED'],
    ['published', 'reopen', 'agency_officer', 'ROLE_NOT_ALLOWED'],
    ['draft', 'reopen', 'admin', 'STATE_NOT_ALLOWED'],
    ['published', 'reopen', 'admin', 'REASON_REQUIRED'],
  ];
  it.each(refused)('%s —%s by %s: %s', (from, action, role, code) => {
    expect(transition(from, action, role)).toMatchObject({ ok: false, code });
  });

  it('reopens a published scorecard by an admin with a reason, to draft by default', () => {
    expect(transition('published', 'reopen', 'admin', { reason: 'Sai sót khi tổng hợp' })).toEqual({
      ok: true,
      to: 'draft',
    });
    expect(transition('published', 'reopen', 'admin', { reason: 'x', reopenTo: 'under_appraisal' })).toEqual({
      ok: true,
      to: 'under_appraisal',
    });
    expect(transition('published', 'reopen', 'admin', { reason: '   ' })).toMatchObject({ code: 'REASON_REQUIRED' });
    expect(transition('published', 'reopen', 'admin', { reason: 'x', reopenTo: 'published' })).toMatchObject({
      code: 'TARGET_NOT_ALLOWED',
    });
  });

  it.each([
    ['draft', true, false, true],
    ['submitted', false, false, true],
    ['under_appraisal', false, true, true],
    ['appraised', false, false, true],
    ['published', false, false, false],
  ] as [ScorecardState, boolean, boolean, boolean][])(
    '%s: self-score %p, appraise %p, recompute %p',
    (state, self, appraise, recompute) => {
      expect([canSelfScore(state), canAppraise(state), canRecompute(state)]).toEqual([self, appraise, recompute]);
    },
  );
});
