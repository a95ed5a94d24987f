import { Stack, type StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { DataStore } from './constructs/data-store';
import { NoticeProcess } from './constructs/notice-process';

export interface DangjianStackProps extends StackProps {}

/** Everything dangjian-flow runs on in one AWS account and region. */
export class DangjianStack extends Stack {
  readonly data: DataStore;
  readonly notice: NoticeProcess;

  constructor(scope: Construct, id: string, props: DangjianStackProps = {}) {
    super(scope, id, props);
    this.data = new DataStore(this, 'Data');
    this.notice = new NoticeProcess(this, 'Notice', { table: this.data.table });
  }
}
