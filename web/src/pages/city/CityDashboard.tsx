import { Card, Col, DatePicker, Form, Row, Segmented, Skeleton, Statistic, Table, Typography } from 'antd';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { BarChart, percent } from './charts';
import { STATE_ORDER, type CityStatistics, type DistrictStats } from './cityTypes';
import { casesLink, pickerValue, rangeOf, withRange } from './dateRangeParams';
import { WorkloadCard } from './WorkloadCard';

const CITY = '全市';
const districtOf = (d: string) => (d === CITY ? undefined : d);
const days = (x: number | null) => (x === null ? '无数据' : `${x} 个工作日`);

/** A figure that opens the list of exactly the cases it counts (issue 15: supervision can act). */
function KpiCard(props: { to: string; testId: string; children: ReactNode }) {
  return (
    <Link to={props.to} data-testid={props.testId} style={{ display: 'block' }}>
      <Card size="small" hoverable>
        {props.children}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          点击查看这些案件
        </Typography.Text>
      </Card>
    </Link>
  );
}

/**
 * 统计看板 (workflow.md "Statistics per district"): cases by state, median
 * working days to acceptance and to determination, share of determination
 * deadlines met, one-time notices by reason — for the city and each district.
 */
export default function CityDashboard() {
  const [stats, setStats] = useState<CityStatistics>();
  const [error, setError] = useState<unknown>();
  const [scope, setScope] = useState<string>(CITY);
  const [params, setParams] = useSearchParams();
  const range = rangeOf(params);
  useEffect(() => {
    let current = true;
    api<CityStatistics>('GET', '/api/v1/city/statistics', undefined, {
      query: { from: range.from, to: range.to },
    }).then(
      (d) => current && setStats(d),
      (e) => current && setError(e),
    );
    return () => {
      current = false;
    };
  }, [range.from, range.to]);
  // The drill-downs carry the district shown and the date range.
  const inScope = scope === CITY ? undefined : scope;
  const link = (filters: Record<string, string | undefined>) =>
    casesLink({ district: inScope, ...filters }, range);

  const selected = useMemo(() => {
    if (!stats) return undefined;
    if (scope === CITY) return { ...stats.city, district: CITY };
    return stats.districts.find((d) => d.district === scope);
  }, [stats, scope]);

  if (error) return <ProblemAlert error={error} />;
  if (!stats || !selected) return <Skeleton active />;
  const c = stats.city;
  const total = Object.values(c.casesByState).reduce((a, b) => a + b, 0);
  const selectedTotal = Object.values(selected.casesByState).reduce((a, b) => a + b, 0);
  const byDistrict = (
    pick: (d: DistrictStats | CityStatistics['city']) => number | null,
    fmt?: (x: number | null) => string,
  ) => [
    ...stats.districts.map((d) => ({ label: d.district, value: pick(d), display: fmt?.(pick(d)) })),
    { label: CITY, value: pick(c), display: fmt?.(pick(c)), highlight: true },
  ];
  const stateData = STATE_ORDER.filter(
    (s) => (selected.casesByState[s] ?? 0) > 0 || ['submitted', 'determined'].includes(s),
  ).map((s) => ({
    label: stats.stateLabels[s] ?? s,
    value: selected.casesByState[s] ?? 0,
  }));
  const reasons = stats.noticeReasons
    .map((r) => ({ label: r.label, value: scope === CITY ? r.count : (r.byDistrict[scope] ?? 0) }))
    .filter((r) => r.value > 0)
    .slice(0, 10);

  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        全市统计看板
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        统计日 {stats.asOf}
        ；用时按官方工作日历计算（含调休）。各区数据与区级看板一致，全市中位数按全市案件合并计算。
        {range.from || range.to
          ? `当前只统计 ${range.from ?? '最早'} 至 ${range.to ?? '今天'} 创建的案件。`
          : null}
      </Typography.Paragraph>
      <Form layout="inline" style={{ marginBottom: 16 }} aria-label="统计期间">
        <Form.Item label="案件创建日期" htmlFor="d-range">
          <DatePicker.RangePicker
            id="d-range"
            allowEmpty={[true, true]}
            value={pickerValue(range)}
            onChange={(v) => setParams(withRange(params, v))}
          />
        </Form.Item>
        <Form.Item label="统计范围" htmlFor="d-scope">
          <Segmented
            id="d-scope"
            aria-label="统计范围"
            value={scope}
            onChange={(v) => setScope(String(v))}
            options={[CITY, ...stats.districts.map((d) => d.district)]}
          />
        </Form.Item>
      </Form>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="city-figures">
        <Col xs={12} md={6} lg={4}>
          <KpiCard to={link({})} testId="kpi-total">
            <Statistic title={`案件总数 · ${scope}`} value={selectedTotal} suffix="件" />
          </KpiCard>
        </Col>
        <Col xs={12} md={6} lg={4}>
          <KpiCard to={link({ state: 'submitted' })} testId="kpi-submitted">
            <Statistic
              title={`等待受理 · ${scope}`}
              value={selected.casesByState.submitted ?? 0}
              suffix="件"
            />
          </KpiCard>
        </Col>
        <Col xs={12} md={6} lg={4}>
          <Card size="small">
            <Statistic title="受理用时中位数" value={c.medianWorkdaysToAcceptance ?? '—'} suffix="工作日" />
          </Card>
        </Col>
        <Col xs={12} md={6} lg={4}>
          <Card size="small">
            <Statistic
              title="核定用时中位数"
              value={c.medianWorkdaysToDetermination ?? '—'}
              suffix="工作日"
            />
          </Card>
        </Col>
        <Col xs={12} md={6} lg={4}>
          <Card size="small">
            <Statistic title="核定期限达成率" value={percent(c.determinationDeadlinesMet)} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              按期核定 {c.determinationsOnTime} 件 ÷（已核定 {c.determinations} 件 + 已超期待核定{' '}
              {c.determinationOverdue} 件）
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={6} lg={4}>
          <KpiCard to={link({ overdue: 'determination' })} testId="kpi-overdue">
            <Statistic title={`超期待核定 · ${scope}`} value={selected.determinationOverdue} suffix="件" />
          </KpiCard>
        </Col>
        <Col xs={12} md={6} lg={4}>
          <KpiCard to={link({ overdue: 'reconsideration' })} testId="kpi-reconsideration-overdue">
            <Statistic title={`复核超期 · ${scope}`} value={selected.reconsiderationOverdue} suffix="件" />
          </KpiCard>
        </Col>
        <Col xs={12} md={6} lg={4}>
          <KpiCard to={link({ state: 'determined' })} testId="kpi-determined">
            <Statistic
              title={`已核定 · ${scope}`}
              value={selected.casesByState.determined ?? 0}
              suffix="件"
            />
          </KpiCard>
        </Col>
        <Col xs={12} md={6} lg={4}>
          <Card size="small">
            <Statistic title="一次性告知单" value={c.oneTimeNotices} suffix="份" />
          </Card>
        </Col>
        <Col xs={12} md={6} lg={4}>
          <Card size="small">
            <Statistic
              title="逾期 / 滞留"
              value={`${c.determinationOverdue + c.reconsiderationOverdue} / ${c.staleAtCounter}`}
            />
          </Card>
        </Col>
      </Row>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title="受理与核定用时（工作日中位数）" size="small">
            <BarChart
              title="受理用时中位数（提交至受理）"
              unit="工作日"
              data={byDistrict((d) => d.medianWorkdaysToAcceptance)}
              testId="chart-acceptance"
            />
            <div style={{ height: 16 }} />
            <BarChart
              title="核定用时中位数（审核属实至核定）"
              unit="工作日"
              data={byDistrict((d) => d.medianWorkdaysToDetermination)}
              testId="chart-determination"
              note="法定期限：审核属实后 20 个工作日内核定（细则 第七条）。"
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title="核定期限达成率" size="small">
            <BarChart
              title="按期核定的比例"
              data={byDistrict((d) => d.determinationDeadlinesMet, percent).map((d) => ({
                ...d,
                value: d.value === null ? null : Math.round(d.value * 1000) / 10,
              }))}
              max={100}
              testId="chart-deadlines"
            />
          </Card>
        </Col>
      </Row>

      <Card size="small" style={{ marginTop: 16 }} title={`按区查看 · ${scope}`}>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <BarChart title={`各状态案件数 · ${scope}`} unit="件" data={stateData} testId="chart-states" />
          </Col>
          <Col xs={24} xl={12}>
            <BarChart
              title={`一次性告知原因 · ${scope}`}
              unit="次"
              data={reasons}
              testId="chart-reasons"
              note="一份告知单可列多项；比率见下表（占已提交案件）。"
            />
          </Col>
        </Row>
      </Card>

      <WorkloadCard district={inScope} range={range} />

      <Card size="small" style={{ marginTop: 16 }} title="各区对比">
        <Table
          size="small"
          rowKey="district"
          pagination={false}
          scroll={{ x: true }}
          data-testid="district-table"
          dataSource={[
            ...stats.districts.map((d) => ({
              ...d,
              total: Object.values(d.casesByState).reduce((a, b) => a + b, 0),
            })),
            { ...c, district: CITY, total },
          ]}
          columns={[
            { title: '区', dataIndex: 'district' },
            { title: '案件数', dataIndex: 'total', align: 'right' },
            {
              title: '等待受理',
              align: 'right',
              render: (_, r) => (
                <Link to={casesLink({ state: 'submitted', district: districtOf(r.district) }, range)}>
                  {r.casesByState.submitted ?? 0}
                </Link>
              ),
            },
            {
              title: '已核定',
              align: 'right',
              render: (_, r) => (
                <Link to={casesLink({ state: 'determined', district: districtOf(r.district) }, range)}>
                  {r.casesByState.determined ?? 0}
                </Link>
              ),
            },
            { title: '受理用时中位数', render: (_, r) => days(r.medianWorkdaysToAcceptance) },
            { title: '核定用时中位数', render: (_, r) => days(r.medianWorkdaysToDetermination) },
            { title: '期限达成率', render: (_, r) => percent(r.determinationDeadlinesMet) },
            { title: '告知单', dataIndex: 'oneTimeNotices', align: 'right' },
            { title: '滞留', dataIndex: 'staleAtCounter', align: 'right' },
            {
              title: '超期待核定',
              align: 'right',
              render: (_, r) =>
                r.determinationOverdue > 0 ? (
                  <Link to={casesLink({ overdue: 'determination', district: districtOf(r.district) }, range)}>
                    {r.determinationOverdue}
                  </Link>
                ) : (
                  0
                ),
            },
            {
              title: '逾期',
              render: (_, r) => r.determinationOverdue + r.reconsiderationOverdue,
              align: 'right',
            },
          ]}
        />
      </Card>
    </div>
  );
}
