import { chinaDate } from '../../../shared/domain/calendar';
import {
  createEvaluation, createEvaluationsForAll, enterPaperCounts, evaluationCodes, evaluationYearOverview, getEvaluationFile, issueRaterCodes,
  recordImprovementTalk, recordMemberObjection, recordSelfEvaluation, submitEvaluationStep,
} from '../../../shared/services/evaluation';
import { evaluationFilePage, type EvaluationFormState } from '../../../shared/ui/pages/evaluation-file';
import { evaluationArchivePrintPage } from '../../../shared/ui/pages/evaluation-archive-print';
import { evaluationSlipsPage, slipUrl } from '../../../shared/ui/pages/evaluation-slips';
import { qrCodeSvg } from '../../../shared/ui/qr-code';
import { evaluationsOverviewPage } from '../../../shared/ui/pages/evaluations-overview';
import { htmlResponse, jsonResponse, redirect } from '../edge/responses';
import type { RouteTable } from '../edge/router';
import type { SiteRequest } from '../edge/types';
import { formFields, handleForm, sessionOf, staffLayout, type StaffSiteDeps } from './staff-context';

const FLASH: Record<string, string> = {
  created: '民主评议已开始。', all: '各党支部的民主评议已开始。', step: '已提交。', self: '个人自评已登记。', codes: '评议码已生成，请打印纸条后随机发放。',
  paper: '纸质评议表汇总数已保存。', talk: '谈心谈话已登记。', objection: '异议已登记，公示期满后请逐条调查处理。',
};

/** 民主评议党员: the year's overview, starting evaluations, an evaluation's file with the form of its open step, the slips. */
export function evaluationRoutes(deps: StaffSiteDeps): RouteTable {
  const filePage = async (request: SiteRequest, status: number, state?: EvaluationFormState) => {
    const session = sessionOf(request);
    const file = await getEvaluationFile(deps, session.actor, request.params.evaluationId);
    if (request.site.json) return jsonResponse(status, file);
    return htmlResponse(status, evaluationFilePage({ file, staff: staffLayout(session), flash: FLASH[request.query.done ?? ''], state }));
  };
  const overview = async (request: SiteRequest, status: number, message?: string, flash?: string) => {
    const session = sessionOf(request);
    const orgId = request.query.orgId ?? request.site.form.orgId ?? session.actor.orgId;
    const year = Number(request.query.year ?? request.site.form.year ?? '') || Number(chinaDate(deps.clock.now()).slice(0, 4)) - 1;
    const { rows, canStartAll } = await evaluationYearOverview(deps, session.actor, orgId, year);
    if (request.site.json) return jsonResponse(status, { year, rows });
    return htmlResponse(status, evaluationsOverviewPage({ year, orgId, rows, canStartAll, staff: staffLayout(session), message, flash, today: chinaDate(deps.clock.now()) }));
  };
  /** A form of the evaluation's file: done → back to the file; bad input → the file again with the form's errors. */
  const fileForm = (form: string, run: (request: SiteRequest, values: Record<string, string>) => Promise<unknown>) => async (request: SiteRequest) => {
    const values = formFields(request);
    return handleForm(
      request,
      async () => {
        const result = await run(request, values);
        if (request.site.json) return jsonResponse(200, { result });
        return redirect(`/staff/evaluations/${encodeURIComponent(request.params.evaluationId)}?done=${form === 'step' ? 'step' : form}`);
      },
      async (error) => filePage(request, 422, { form: form === 'step' ? request.params.stepKey : form, values, errors: error.fieldErrors, message: error.userMessage }),
    );
  };

  return {
    'GET /staff/evaluations': (request) => overview(request, 200, undefined, FLASH[request.query.done ?? '']),
    'POST /staff/evaluations': async (request) => {
      const form = formFields(request);
      return handleForm(request, async () => {
        const evaluation = await createEvaluation(deps, sessionOf(request).actor, { ...form, orgId: form.orgId ?? '' });
        if (request.site.json) return jsonResponse(201, { evaluation });
        return redirect(`/staff/evaluations/${encodeURIComponent(evaluation.id)}?done=created`);
      }, async (error) => overview(request, 422, Object.values(error.fieldErrors).join(' ')));
    },
    'POST /staff/evaluations/all': async (request) => {
      const form = formFields(request);
      return handleForm(request, async () => {
        const result = await createEvaluationsForAll(deps, sessionOf(request).actor, { ...form, orgId: form.orgId ?? '' });
        if (request.site.json) return jsonResponse(201, result);
        const skipped = result.skipped.map((s) => `${s.orgName}：${s.reason}`).join('；');
        return overview(request, 200, undefined, `已开始 ${result.started.length} 个党支部的民主评议。${skipped ? `未开始：${skipped}。` : ''}`);
      }, async (error) => overview(request, 422, Object.values(error.fieldErrors).join(' ')));
    },
    'GET /staff/evaluations/{evaluationId}': (request) => filePage(request, 200),
    'GET /staff/evaluations/{evaluationId}/archive': async (request) => {
      const file = await getEvaluationFile(deps, sessionOf(request).actor, request.params.evaluationId);
      return htmlResponse(200, evaluationArchivePrintPage(file, chinaDate(deps.clock.now())));
    },
    'GET /staff/evaluations/{evaluationId}/slips': async (request) => {
      const { evaluation, codes } = await evaluationCodes(deps, sessionOf(request).actor, request.params.evaluationId);
      const unspent = codes.filter((c) => !c.spent);
      const qr = new Map(await Promise.all(unspent.map(async (c) => [c.code, await qrCodeSvg(slipUrl(deps.publicBaseUrl, c.code), '评议二维码')] as const)));
      return htmlResponse(200, evaluationSlipsPage(evaluation, codes, deps.publicBaseUrl, qr));
    },
    'POST /staff/evaluations/{evaluationId}/steps/{stepKey}': fileForm('step', (request, values) => submitEvaluationStep(deps, sessionOf(request).actor, request.params.evaluationId, request.params.stepKey, values)),
    'POST /staff/evaluations/{evaluationId}/self': fileForm('self', (request, values) => recordSelfEvaluation(deps, sessionOf(request).actor, request.params.evaluationId, values)),
    'POST /staff/evaluations/{evaluationId}/codes': fileForm('codes', async (request, values) => (await issueRaterCodes(deps, sessionOf(request).actor, request.params.evaluationId, values)).length),
    'POST /staff/evaluations/{evaluationId}/paper': fileForm('paper', (request, values) => enterPaperCounts(deps, sessionOf(request).actor, request.params.evaluationId, values)),
    'POST /staff/evaluations/{evaluationId}/talks': fileForm('talk', (request, values) => recordImprovementTalk(deps, sessionOf(request).actor, request.params.evaluationId, values)),
    'POST /staff/evaluations/{evaluationId}/objections': fileForm('objection', (request, values) => recordMemberObjection(deps, sessionOf(request).actor, request.params.evaluationId, values)),
  };
}
