import { CheckCircleFilled, CloseCircleFilled, QuestionCircleFilled } from '@ant-design/icons';
import { Alert, Card, Empty, List, Space, Spin, Tag, Typography } from 'antd';
import { ReadableTheme } from '../../components/ReadableTheme';
import { ProfileBar } from '../../profile/ProfileBar';
import type { PrecheckResult } from '../../profile/types';
import { useProfileQuery } from '../../profile/useProfileQuery';
import { isComplete, useSharedProfile } from '../../profile/useSharedProfile';
import { CONDITION_STATUS } from '../../profile/vocabulary';
import './public.css';

const ICON = {
  pass: <CheckCircleFilled style={{ color: '#15803d', fontSize: 20 }} aria-hidden />,
  fail: <CloseCircleFilled style={{ color: '#b91c1c', fontSize: 20 }} aria-hidden />,
  unknown: <QuestionCircleFilled style={{ color: '#b45309', fontSize: 20 }} aria-hidden />,
};

/** 申请预检: each eligibility condition (rules.md §6) pass / fail / unknown, with the reason and the article. */
export default function PrecheckPage() {
  const [profile, setProfile] = useSharedProfile();
  const ready = isComplete(profile);
  const q = useProfileQuery<PrecheckResult>('/api/v1/precheck', ready ? profile : undefined);
  const result = q.error === undefined ? q.data : undefined;
  const count = (s: string) => result?.conditions.filter((c) => c.status === s).length ?? 0;
  return (
    <ReadableTheme>
      <Typography.Title level={1} style={{ fontSize: 26 }}>
        申请预检
      </Typography.Title>
      <Typography.Paragraph style={{ maxWidth: 820 }}>
        逐条核对积分申请条件：持有有效期内的《上海市居住证》，申请当月处于就业及缴纳本市职工社会保险状态，且申请前一定期间内累计缴纳满规定月数（不含补缴，月数见“政策参数”的申请条件），用人单位符合条件等。档案中没有填写的情况显示为“待核实”，不作猜测；居住证和用人单位信息请在“编辑档案”的第10部分填写。
      </Typography.Paragraph>
      <ProfileBar profile={profile} onChange={setProfile} error={q.error} />
      {!ready ? (
        <Empty description="档案尚未填写完整" />
      ) : !result ? (
        q.loading ? (
          <Spin description="正在核对…" style={{ display: 'block', margin: 48 }} />
        ) : null
      ) : (
        <div aria-busy={q.loading}>
          <Alert
            type={result.eligible ? 'success' : count('fail') ? 'error' : 'warning'}
            showIcon
            title={
              result.eligible
                ? '各项申请条件均已满足'
                : count('fail')
                  ? `有 ${count('fail')} 项条件不满足`
                  : `有 ${count('unknown')} 项条件待核实`
            }
            description={`通过 ${count('pass')} 项，不通过 ${count('fail')} 项，待核实 ${count('unknown')} 项。申请日 ${result.asOf}，政策版本 ${result.rulesVersion}。`}
            style={{ marginBottom: 16 }}
            data-testid="precheck-summary"
          />
          <Card>
            <List
              dataSource={result.conditions}
              renderItem={(c) => (
                <List.Item key={c.code} data-testid={`condition-${c.code}`}>
                  <Space align="start">
                    {ICON[c.status]}
                    <div>
                      <Tag color={CONDITION_STATUS[c.status].color}>{CONDITION_STATUS[c.status].text}</Tag>
                      <span>{c.reason}</span>
                      <div style={{ color: '#595959', fontSize: 13, marginTop: 4 }}>
                        依据：{c.citations.join('；')}
                      </div>
                    </div>
                  </Space>
                </List.Item>
              )}
            />
          </Card>
          {result.notes.length > 0 && (
            <Typography.Paragraph style={{ color: '#595959', fontSize: 13, marginTop: 12 }}>
              解释口径：{result.notes.map((n) => n.replace(/^Decision:\s*/, '')).join(' ')}
            </Typography.Paragraph>
          )}
        </div>
      )}
    </ReadableTheme>
  );
}
