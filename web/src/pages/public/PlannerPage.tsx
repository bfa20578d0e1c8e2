import { Alert, Card, Col, Empty, List, Row, Select, Space, Spin, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ReadableTheme } from '../../components/ReadableTheme';
import { TimelineChart } from '../../components/TimelineChart';
import { chineseDate, monthsBetween } from '../../profile/formatValue';
import { ProfileBar } from '../../profile/ProfileBar';
import type { Plan, PlanOption, Profile } from '../../profile/types';
import { useProfileQuery } from '../../profile/useProfileQuery';
import { isComplete, useSharedProfile } from '../../profile/useSharedProfile';
import { AssumptionOverrides, assumeQuery, withoutKeys } from './AssumptionOverrides';
import './public.css';

/** How far ahead to project (a planning choice, not policy): 5 to 20 years. */
const HORIZONS = [5, 10, 15, 20].map((years) => ({ value: years * 12, label: `${years} 年` }));

function OptionCard({
  option,
  rank,
  baseline,
}: {
  option: PlanOption;
  rank: number;
  baseline: string | null;
}) {
  const sooner =
    option.reachesStandardOn && baseline ? monthsBetween(option.reachesStandardOn, baseline) : undefined;
  return (
    <Card
      size="small"
      style={{ width: '100%' }}
      title={
        <Space wrap>
          <span>方案 {rank}</span>
          {option.reachesStandardOn ? (
            <Tag color="success">{chineseDate(option.reachesStandardOn)} 达到</Tag>
          ) : (
            <Tag>测算期内未达到</Tag>
          )}
          {sooner !== undefined && sooner > 0 && <Tag color="blue">提前 {sooner} 个月</Tag>}
          {option.provisional && <Tag color="orange">暂定</Tag>}
        </Space>
      }
      extra={<span>难度 {option.effort}/10</span>}
      data-testid={`option-${option.id}`}
    >
      <Typography.Title level={3} style={{ fontSize: 15 }}>
        做什么
      </Typography.Title>
      <ol style={{ paddingLeft: 20 }}>
        {option.actions.map((a) => (
          <li key={a}>{withoutKeys(a)}</li>
        ))}
      </ol>
      <Typography.Paragraph>{withoutKeys(option.explanation)}</Typography.Paragraph>
      <Typography.Title level={3} style={{ fontSize: 15 }}>
        测算假设
      </Typography.Title>
      <ul style={{ paddingLeft: 20, marginBottom: 0, color: '#434343' }}>
        {option.assumptions.map((a) => (
          <li key={a}>{withoutKeys(a)}</li>
        ))}
      </ul>
    </Card>
  );
}

/**
 * Why the "if nothing changes" line stays flat (issue 14): most often the insurance
 * record ends before the application month, so no further month counts.
 */
function FlatLine({ plan, profile }: { plan: Plan; profile: Profile }) {
  const totals = plan.baseline.timeline.map((p) => p.total);
  if (plan.baseline.reachesStandardOn || plan.current.qualified || totals.some((t) => t !== totals[0]))
    return null;
  const runs = profile.contributions ?? [];
  const lastMonth = runs.every((c) => c.to)
    ? runs
        .map((c) => c.to!)
        .sort()
        .at(-1)
    : undefined;
  const ended = lastMonth !== undefined && lastMonth < profile.asOf.slice(0, 7);
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginTop: 12 }}
      data-testid="plan-flat"
      title="维持现状时积分在测算期内不再变化"
      description={
        ended
          ? `你的社保缴费记录止于 ${lastMonth}：此后没有新的缴费月份计入，社保年限和缴费基数两项不再增加，申请当月也不处于缴费状态。如仍在缴费，请把最后一段缴费的结束月份留空（表示至今）。`
          : runs.length === 0
            ? '档案中没有社保缴费记录：社保年限和缴费基数两项不会增加。请在“编辑档案”中填写缴费记录。'
            : '按档案中的情况，各项指标在测算期内都不再变化（年限类指标只在相应情况持续时增长，其余指标不随时间变化）。下面的方案说明哪些改变能提高积分。'
      }
    />
  );
}

/** 达标方案: the baseline "if nothing changes" against 120, the date it is reached, and the ranked options. */
export default function PlannerPage() {
  const [profile, setProfile] = useSharedProfile();
  const [horizon, setHorizon] = useState(120);
  const [overrides, setOverrides] = useState<Record<string, number | null | undefined>>({});
  const ready = isComplete(profile);
  const q = useProfileQuery<Plan>('/api/v1/plan', ready ? profile : undefined, {
    delay: 500,
    query: { horizon, assume: assumeQuery(overrides) },
  });
  const plan = q.error === undefined ? q.data : undefined;

  return (
    <ReadableTheme>
      <Typography.Title level={1} style={{ fontSize: 26 }}>
        达标方案
      </Typography.Title>
      <Typography.Paragraph style={{ maxWidth: 820 }}>
        “维持现状”时积分逐月如何变化、何时达到标准分值，以及提高社保缴费基数、取得职称或技能等级、提升学历、到重点区域工作居住等方案各自能提前多久。每个方案都写明了测算假设。
      </Typography.Paragraph>
      <ProfileBar profile={profile} onChange={setProfile} error={q.error} />
      {!ready ? (
        <Empty description="档案尚未填写完整" />
      ) : !plan ? (
        q.loading ? (
          <Spin description="正在测算…" style={{ display: 'block', margin: 48 }} />
        ) : null
      ) : (
        // The previous plan stays at full contrast while the next is computed (WCAG AA); a status line says so.
        <div aria-busy={q.loading}>
          {q.loading ? <Typography.Paragraph role="status">正在重新测算…</Typography.Paragraph> : null}
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title="当前总分"
                  value={plan.current.total}
                  suffix="分"
                  data-testid="plan-current-total"
                />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title="标准分值" value={plan.standard} suffix="分" />
              </Card>
            </Col>
            <Col xs={24} md={12}>
              <Card size="small">
                <Statistic
                  title="维持现状时达到标准分值的日期"
                  value={
                    plan.baseline.reachesStandardOn
                      ? chineseDate(plan.baseline.reachesStandardOn)
                      : `${horizon / 12} 年内未达到`
                  }
                  data-testid="plan-reached-on"
                />
              </Card>
            </Col>
          </Row>
          {plan.warnings.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 12 }}
              title="测算说明"
              description={
                <ul style={{ margin: 0, paddingLeft: 20 }}>
                  {plan.warnings.map((w) => (
                    <li key={w}>{withoutKeys(w)}</li>
                  ))}
                </ul>
              }
            />
          )}
          <Card style={{ marginTop: 16 }}>
            <Space wrap style={{ justifyContent: 'space-between', width: '100%', marginBottom: 8 }}>
              <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
                维持现状：逐月积分
              </Typography.Title>
              <label>
                测算期限{' '}
                <Select
                  aria-label="测算期限"
                  value={horizon}
                  onChange={setHorizon}
                  options={HORIZONS}
                  style={{ width: 96 }}
                />
              </label>
            </Space>
            <TimelineChart
              title="维持现状时的逐月总分与标准分值"
              points={plan.baseline.timeline}
              standard={plan.standard}
              reachedOn={plan.baseline.reachesStandardOn}
            />
            <FlatLine plan={plan} profile={profile} />
          </Card>
          <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>
            可选方案（按达到日期排序）
          </Typography.Title>
          {plan.options.length === 0 ? (
            <Empty
              description={
                plan.current.qualified
                  ? '当前已达到标准分值，无需额外方案。'
                  : '没有能在测算期内达到标准分值的方案。'
              }
            />
          ) : (
            <List
              dataSource={plan.options}
              renderItem={(o, i) => (
                <List.Item key={o.id} style={{ paddingInline: 0 }}>
                  <OptionCard option={o} rank={i + 1} baseline={plan.baseline.reachesStandardOn} />
                </List.Item>
              )}
            />
          )}
          <Typography.Paragraph style={{ color: '#595959', fontSize: 13 }}>
            测算假设（取得证书所需时间、开始时间等）为规划参考，不是政策规定；分值均由评分引擎按政策数据计算。适用政策版本{' '}
            {plan.current.rulesVersion}，数据版本 {plan.current.dataRevision}。
          </Typography.Paragraph>
          <AssumptionOverrides onChange={setOverrides} />
        </div>
      )}
    </ReadableTheme>
  );
}
