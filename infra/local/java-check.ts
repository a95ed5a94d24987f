import { spawnSync } from 'node:child_process';

/** Whether `java` can be run (DynamoDB Local is AWS's Java program). */
export function javaAvailable(): boolean {
  const result = spawnSync('java', ['-version'], { stdio: 'ignore' });
  return !result.error && result.status === 0;
}

export const JAVA_MISSING_MESSAGE = [
  '未找到 Java：本机数据库（DynamoDB Local）需要 Java 17 或更新版本。请先安装：',
  'Java was not found: DynamoDB Local needs Java 17 or newer. Install it first:',
  '  Debian / Ubuntu:        sudo apt-get install -y default-jre-headless',
  '  RHEL / Rocky / 麒麟:     sudo dnf install -y java-17-openjdk-headless',
];
