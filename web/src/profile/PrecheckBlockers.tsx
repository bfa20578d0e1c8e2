import { Alert } from 'antd';
import type { PrecheckResult } from './types';

/**
 * The pre-check's blocking conditions beside the score (issue 14): a total that
 * reaches the standard is no use if, say, the insurance record ends before the
 * application month (细则 第二条: 申请当月处于缴纳本市职工社会保险状态).
 */
export function PrecheckBlockers({ result }: { result: PrecheckResult | undefined }) {
  const failed = result?.conditions.filter((c) => c.status === 'fail') ?? [];
  if (!failed.length) return null;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginTop: 12 }}
      data-testid="precheck-blockers"
      title={`按此档案暂不能申请：${failed.length} 项申请条件不满足`}
      description={
        <ul style={{ margin: 0, paddingLeft: 20 }}>
          {failed.map((c) => (
            <li key={c.code}>
              {c.reason}
              <span style={{ color: '#595959' }}>（依据：{c.citations.join('；')}）</span>
            </li>
          ))}
        </ul>
      }
    />
  );
}
