/**
 * The scorecard's life: the agency scores itself, the appraisal team reviews, the admin publishes;
 * only an admin reopens, with a reason.
 */
export const SCORECARD_STATES = ['draft', 'submitted', 'under_appraisal', 'appraised', 'published'] as const;
export type ScorecardState = (typeof SCORECARD_STATES)[number];

export type WorkflowAction = 'submit' | 'start_appraisal' | 'finish_appraisal' | 'publish' | 'reopen';
export type WorkflowRole = 'admin' | 'inspector' | 'agency_officer' | 'organizer' | 'official';

interface Step {
  from: ScorecardState[];
  to: ScorecardState | 'chosen';
  roles: WorkflowRole[];
}

const STEPS: Record<WorkflowAction, Step> = {
  submit: { from: ['draft'], to: 'submitted', roles: ['agency_officer', 'admin'] },
  start_appraisal: { from: ['submitted'], to: 'under_appraisal', roles: ['inspector', 'admin'] },
  finish_appraisal: { from: ['under_appraisal'], to: 'appraised', roles: ['inspector', 'admin'] },
  publish: { from: ['appraised'], to: 'published', roles: ['admin'] },
  reopen: { from: ['submitted', 'under_appraisal', 'appraised', 'published'], to: 'chosen', roles: ['admin'] },
};

/** Where a reopened scorecard may go back to. */
export const REOPEN_TARGETS: ScorecardState[] = ['draft', 'under_appraisal'];

export type TransitionResult =
  | { ok: true; to: ScorecardState }
  | {
      ok: false;
      code: 'ROLE_NOT_ALLOWED' | 'STATE_NOT_ALLOWED' | 'REASON_REQUIRED' | 'TARGET_NOT_ALLOWED';
      message: string;
    };

/** Whether the role may take the action from the state, and the state it leads to. */
export function transition(
  state: ScorecardState,
  action: WorkflowAction,
  role: WorkflowRole,
  opts: { reason?: string | null; reopenTo?: ScorecardState } = {},
): TransitionResult {
  const step = STEPS[action];
  if (!step.roles.includes(role)) {
    return {
      ok: false,
      code: 'ROLE_NOT_ALLOWED',
      message: `A ${role} may not ${action.replace('_', ' ')} a scorecard`,
    };
  }
  if (!step.from.includes(state)) {
    return {
      ok: false,
      code: 'STATE_NOT_ALLOWED',
      message: `A ${state} scorecard cannot be ${action.replace('_', ' ')}ed; it must be ${step.from.join(' or ')}`,
    };
  }
  if (step.to !== 'chosen') return { ok: true, to: step.to };
  if (!opts.reason || !opts.reason.trim()) {
    return { ok: false, code: 'REASON_REQUIRED', message: 'Reopening a scorecard needs a reason' };
  }
  const to = opts.reopenTo ?? 'draft';
  if (!REOPEN_TARGETS.includes(to)) {
    return {
      ok: false,
      code: 'TARGET_NOT_ALLOWED',
      message: `A scorecard can be reopened to ${REOPEN_TARGETS.join(' or ')}`,
    };
  }
  return { ok: true, to };
}

/** The agency changes self-scores and evidence only while the scorecard is a draft. */
export const canSelfScore = (state: ScorecardState): boolean => state === 'draft';
/** The appraisal team changes appraised scores only while appraising. */
export const canAppraise = (state: ScorecardState): boolean => state === 'under_appraisal';
/** Computed criteria are frozen once published. */
export const canRecompute = (state: ScorecardState): boolean => state !== 'published';
