import {
  exportRoster, importRoster, previewRoster, rosterHomeOrg, rosterTemplate, RosterFileInvalidError, ROSTER_MAX_FILE_BYTES, type CsvEncoding, type RosterDownload, type RosterFileKind,
} from '../../../shared/services/roster';
import { rosterImportPage } from '../../../shared/ui/pages/roster-import';
import { rosterPreviewPage } from '../../../shared/ui/pages/roster-preview';
import { rosterResultPage } from '../../../shared/ui/pages/roster-result';
import type { RouteBodyOptions } from '../edge/body-parser';
import { htmlResponse, jsonResponse } from '../edge/responses';
import type { RouteTable } from '../edge/router';
import type { HttpResult, SiteRequest } from '../edge/types';
import { sessionOf, staffLayout, type StaffSiteDeps } from './staff-context';

const PREVIEW = 'POST /staff/roster/import/preview';
const CONFIRM = 'POST /staff/roster/import/confirm';

/**
 * Bodies of the roster routes: the upload is multipart (the file up to 4 MB, plus the form's own bytes); the
 * confirmation carries the file back, gzipped and base64url (at most 4/3 of 4 MB, usually far less).
 */
export const ROSTER_BODY_ROUTES: Record<string, RouteBodyOptions> = {
  [PREVIEW]: { limitBytes: ROSTER_MAX_FILE_BYTES + 64 * 1024, multipart: { fileBytes: ROSTER_MAX_FILE_BYTES }, tooLargeMessage: '文件过大，最大 4 MB。请分成几个文件分别导入。' },
  [CONFIRM]: { limitBytes: Math.ceil((ROSTER_MAX_FILE_BYTES * 4) / 3) + 256 * 1024 },
};

/** A file download: the bytes base64 in the answer, the name in UTF-8 (RFC 6266) with an ASCII fallback. */
export function downloadResponse(file: RosterDownload): HttpResult {
  const ascii = file.fileName.endsWith('.xlsx') ? 'roster.xlsx' : 'roster.csv';
  return {
    statusCode: 200,
    headers: { 'content-type': file.contentType, 'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}` },
    body: file.bytes.toString('base64'),
    isBase64Encoded: true,
  };
}

const csvEncoding = (query: Record<string, string>): CsvEncoding => (/^(gb18030|gbk|gb2312)$/i.test(query.encoding ?? '') ? 'gb18030' : 'utf-8');

/** 花名册: the upload form, the preview (writes nothing), the confirmation, the template and exports. */
export function rosterRoutes(deps: StaffSiteDeps): RouteTable {
  const importPage = async (request: SiteRequest, message?: string): Promise<HttpResult> => {
    const session = sessionOf(request);
    const exportOrg = await rosterHomeOrg(deps, session.actor);
    const page = rosterImportPage({ staff: staffLayout(session), message, exportOrg });
    return htmlResponse(message ? 422 : 200, page);
  };
  const download = (kind: RosterFileKind) => async (request: SiteRequest) => {
    const { actor } = sessionOf(request);
    return downloadResponse(await exportRoster(deps, actor, request.params.orgId, kind, csvEncoding(request.query)));
  };
  const template = (kind: RosterFileKind) => async (request: SiteRequest) => downloadResponse(await rosterTemplate(sessionOf(request).actor, kind, csvEncoding(request.query)));

  return {
    'GET /staff/roster/import': (request) => importPage(request),

    [PREVIEW]: async (request) => {
      const session = sessionOf(request);
      const file = request.site.files?.find((f) => f.fieldName === 'file');
      try {
        if (!file || file.bytes.length === 0) throw new RosterFileInvalidError(file ? '上传的文件是空的。' : '请选择要上传的花名册文件。');
        const preview = await previewRoster(deps, session.actor, { bytes: file.bytes, fileName: file.fileName || '花名册' });
        if (request.site.json) return jsonResponse(200, preview);
        return htmlResponse(200, rosterPreviewPage(preview, staffLayout(session)));
      } catch (error) {
        if (!(error instanceof RosterFileInvalidError) || request.site.json) throw error;
        return importPage(request, error.userMessage);
      }
    },

    [CONFIRM]: async (request) => {
      const session = sessionOf(request);
      const { file = '', sha256 = '', fileName = '', expected = '' } = request.site.form;
      const result = await importRoster(deps, session.actor, { file, sha256, fileName, expected });
      if (request.site.json) return jsonResponse(200, result);
      return htmlResponse(200, rosterResultPage(result, staffLayout(session)));
    },

    'GET /staff/roster/template.csv': template('csv'),
    'GET /staff/roster/template.xlsx': template('xlsx'),
    'GET /staff/orgs/{orgId}/roster.csv': download('csv'),
    'GET /staff/orgs/{orgId}/roster.xlsx': download('xlsx'),
  };
}
