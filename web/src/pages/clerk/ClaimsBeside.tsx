import { Alert, Card, Descriptions, Empty } from 'antd';
import { indicatorLabel, type Workspace } from '../workflow/caseTypes';
import { registryFacts } from '../workflow/CasePanels';

/**
 * Beside the checklist at the counter (issue 15): what the unit claimed, what
 * the shared registries hold for each claim, and the pre-check, so the clerk
 * knows which materials the claims need before ticking them.
 */
export function ClaimsBeside({ workspace }: { workspace: Workspace }) {
  const pre = workspace.precheck;
  return (
    <Card title="申报指标与预检查" size="small" style={{ marginTop: 16 }} data-testid="clerk-claims">
      {pre ? (
        <Alert
          style={{ marginBottom: 12 }}
          showIcon
          type={pre.eligible && pre.reasons.length === 0 ? 'success' : 'error'}
          title={
            pre.eligible && pre.reasons.length === 0
              ? `预检查通过，按登记数据模拟积分 ${pre.simulatedTotal}（以核定为准）`
              : '预检查未通过'
          }
          description={
            pre.reasons.length ? (
              <ul style={{ margin: 0 }}>
                {pre.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      ) : null}
      {workspace.claims.length ? (
        <Descriptions
          size="small"
          column={1}
          bordered
          items={workspace.claims.map((c) => ({
            key: c.indicator,
            label: indicatorLabel(c.indicator),
            children: registryFacts(workspace.registry, c.indicator),
          }))}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="单位未申报加分指标，按共享登记数据计分。" />
      )}
    </Card>
  );
}
