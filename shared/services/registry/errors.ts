import { ServiceError } from '../../errors';

/** The record changed since the form was shown (someone else saved first): 409, reload and redo. */
export class RegistryVersionConflictError extends ServiceError {
  readonly httpStatus = 409;
  constructor(options?: ErrorOptions & { detail?: string }) {
    super('该记录已被他人修改，您看到的是旧版本。请刷新页面，核对最新内容后重新提交。', options);
  }
}

/** An organization that still has active organizations or people below it cannot be closed. */
export class OrgNotEmptyError extends ServiceError {
  readonly httpStatus = 409;
  constructor(readonly activeChildren: number, readonly people: number, options?: ErrorOptions) {
    const parts = [activeChildren > 0 ? `${activeChildren} 个下级组织` : '', people > 0 ? `${people} 名人员` : ''].filter(Boolean).join('和');
    super(`该组织还有${parts}，请先撤销下级组织、转出人员后再撤销。`, options);
  }
}

/** A move rewrites the organization and its whole subtree in one transaction, which holds a limited number. */
export class OrgSubtreeTooLargeError extends ServiceError {
  readonly httpStatus = 409;
  constructor(readonly organizations: number, readonly limit: number, options?: ErrorOptions) {
    super(`该组织连同下级组织共 ${organizations} 个，一次最多可移动 ${limit} 个。请先把部分下级组织移到新的上级组织之下，再移动该组织。`, options);
  }
}

/** A closed organization stays for the record; it takes no changes, people or children. */
export class OrgClosedError extends ServiceError {
  readonly httpStatus = 409;
  constructor(options?: ErrorOptions & { detail?: string }) {
    super('该组织已撤销，不能再办理此事项。', options);
  }
}

/** A person with this ID number is already on the roster (the store's ID-number index refused a second one). */
export class PersonDuplicateError extends ServiceError {
  readonly httpStatus = 409;
  constructor(readonly existingPersonId: string | undefined, options?: ErrorOptions) {
    super('该身份证号已在党员名册中登记，不能重复添加。如需修改，请打开该人员的页面编辑。', options);
  }
}
