import type { Kysely } from 'kysely';
import type { z } from 'zod';
import * as cases from '../../cases/index.js';
import type { DeclaredCaseUseCase } from '../../cases/index.js';
import { commandResultSchema } from '../../contract/cases.js';
import { idParams } from '../../contract/query.js';
import { caseCommandHeaders } from '../../contract/requests.js';
import type { Database } from '../../storage/schema.js';
import { describeMachine, type CommandType } from '../../workflow/index.js';
import { route, type RouteSpec } from '../routeSpec.js';
import { commandBody } from '../validation.js';
import { actorOf } from './actorOf.js';
import { expectedVersionOf, idempotencyKeyOf } from './commandHeaders.js';

/** What a command route needs from the server: the case database and the time of the request. */
export interface CommandRouteContext {
  db: Kysely<Database>;
  time: () => { now: string; today: string };
}

/**
 * One entry of the registry: the use case (which declares its command, Chinese name and input
 * schema), the URL segment (`POST /api/v1/cases/:id/<segment>`, kept stable: it is the public URL)
 * and the summary. `offer` builds the route with the schema's types: the handler passes the
 * parsed body to the use case without a cast.
 */
function entry<K extends CommandType, S extends z.ZodType>(
  segment: string,
  summary: string,
  run: DeclaredCaseUseCase<K, S>,
) {
  return {
    segment,
    summary,
    command: run.command,
    input: run.input,
    offer: ({ db, time }: CommandRouteContext, roles: string[]): RouteSpec =>
      route({
        method: 'POST',
        url: `/api/v1/cases/:id/${segment}`,
        summary,
        tags: ['申请'],
        access: { roles, room: 'own_case', scope: 'cases:write' },
        schema: {
          params: idParams,
          headers: caseCommandHeaders,
          body: commandBody(run.input, run.what),
          response: { 200: commandResultSchema },
        },
        handler: (req) =>
          run(
            db,
            {
              actor: actorOf(req.actor!),
              caseId: req.params.id,
              expectedVersion: expectedVersionOf(req),
              idempotencyKey: idempotencyKeyOf(req),
              ...time(),
              input: req.body,
            },
            req.policy,
          ),
      }),
  };
}
export type CommandEntry = ReturnType<typeof entry>;

/**
 * The use-case registry, keyed by the machine's command. Creating the account (`create_draft`)
 * has its own route (POST /api/v1/cases); `expire`, `invalidate` and `remind` are the sweep's
 * (system only). Every other command of the machine must be here: `caseCommands()` refuses to
 * start otherwise, and src/http/caseCommands.test.ts proves the table equals the machine's.
 */
export const USE_CASES = {
  submit: entry('submit', '单位网上提交申请（先预检）', cases.submitApplication),
  withdraw: entry('withdraw', '撤回申请', cases.withdrawApplication),
  accept: entry('accept', '受理：材料齐全，出具收件凭证', cases.acceptApplication),
  return_with_notice: entry('return', '退回：一次性告知单', cases.returnWithNotice),
  resubmit: entry('resubmit', '补齐材料后重新提交', cases.resubmit),
  attach_urgency_note: entry('urgency-note', '附加加急说明（不改变法定期限）', cases.attachUrgencyNote),
  start_review: entry('start-review', '开始审核', cases.startReview),
  record_task_result: entry('task-result', '记录审核项结果', cases.recordTaskResult),
  refer_item: entry('refer', '提请主管部门核实（暂停计时）', cases.referItem),
  settle_referral: entry('settle-referral', '核实结果返回', cases.settleReferral),
  verify: entry('verify', '审核属实', cases.verifyApplication),
  refuse: entry('refuse', '不予积分（附理由与依据）', cases.refuseApplication),
  determine: entry('determine', '核定积分（由规则引擎计算，不可手填）', cases.determinePoints),
  confirm_at_endorsement: entry('confirm-endorsement', '签注时确认积分', cases.confirmAtEndorsement),
  request_adjustment: entry('request-adjustment', '申请调整积分', cases.requestAdjustment),
  apply_decrease: entry('decrease', '扣减积分（新的核定）', cases.applyDecrease),
  correct: entry('correct', '市级监督纠正积分（新的核定）', cases.correctPoints),
  request_reconsideration: entry('reconsideration', '申请复核', cases.requestReconsideration),
  review_reconsideration_fact: entry(
    'reconsideration-fact-review',
    '核实复核中补正的事实（对照证据，接受或不接受并写明意见）',
    cases.reviewReconsiderationFact,
  ),
  decide_reconsideration: entry('reconsideration-decision', '复核决定', cases.decideReconsideration),
} satisfies { [K in Exclude<CommandType, SystemOrCreate | OwnRoute>]: { command: K } };
type SystemOrCreate = 'create_draft' | 'expire' | 'invalidate' | 'remind';
/**
 * Commands with a route of their own, not `POST /cases/:id/<segment>`: replacing the claims is a
 * PUT of the whole list (src/http/routes/claimRoutes.ts), assigning a review task a PUT of its
 * assignee (taskRoutes.ts). Their use cases are declared like every other (caseUseCase).
 */
export const OWN_ROUTE: ReadonlySet<CommandType> = new Set(['create_draft', 'update_claims', 'assign_task']);
type OwnRoute = 'update_claims' | 'assign_task';

/** One offered command: the registry's entry plus the roles the declared machine allows for it. */
export interface OfferedCommand {
  command: CommandType;
  entry: CommandEntry;
  roles: string[];
}

/**
 * The case commands offered over HTTP, derived from the machine's declaration (describeMachine):
 * each command a person may give in some state, with the roles the machine allows (the machine
 * makes the final check in the case's actual state), and its use case from the registry.
 */
export function caseCommands(): OfferedCommand[] {
  const roles = new Map<CommandType, Set<string>>();
  for (const s of describeMachine().states)
    for (const c of s.commands) {
      const set = roles.get(c.command) ?? new Set<string>();
      for (const a of c.allow) if (a.role !== 'system') set.add(a.role);
      roles.set(c.command, set);
    }
  const offered: OfferedCommand[] = [];
  for (const [command, allowed] of roles) {
    if (OWN_ROUTE.has(command) || allowed.size === 0) continue;
    const found = Object.values(USE_CASES).find((e) => e.command === command);
    if (!found) throw new Error(`machine command without a use case: ${command}`);
    offered.push({ command, entry: found, roles: [...allowed] });
  }
  return offered;
}

/** Roles the declared machine allows for a command, in any state (the machine makes the final check). */
export function rolesOf(command: CommandType): string[] {
  const roles = new Set<string>();
  for (const s of describeMachine().states)
    for (const c of s.commands) if (c.command === command) for (const a of c.allow) roles.add(a.role);
  roles.delete('system');
  return [...roles];
}
