import {
  CalculatorOutlined,
  FileDoneOutlined,
  LineChartOutlined,
  LinkOutlined,
  SafetyOutlined,
} from '@ant-design/icons';
import { App, Button, Card, Col, Row, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ReadableTheme } from '../../components/ReadableTheme';
import { ProfileEditor } from '../../profile/ProfileEditor';
import { profileFieldLabel } from '../../profile/profileFieldLabel';
import { ProfileImportExport } from '../../profile/ProfileImportExport';
import { profileLink } from '../../profile/profileStore';
import { ScoreResultView } from '../../profile/ScoreResultView';
import { emptyProfile } from '../../profile/toProfile';
import { PrecheckBlockers } from '../../profile/PrecheckBlockers';
import type { PrecheckResult, ScoreResult } from '../../profile/types';
import { useProfileQuery } from '../../profile/useProfileQuery';
import { isComplete, useSharedProfile } from '../../profile/useSharedProfile';
import './public.css';

/** 模拟估分: the guided form on the left, the instant, explained result on the right (below on a phone). */
export default function SimulatorPage() {
  const [profile, setProfile] = useSharedProfile();
  const [version, setVersion] = useState(0);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const ready = isComplete(profile);
  const q = useProfileQuery<ScoreResult>('/api/v1/score', ready ? profile : undefined);
  // The same profile through the pre-check: its blocking conditions are shown next to the total.
  const pre = useProfileQuery<PrecheckResult>('/api/v1/precheck', ready ? profile : undefined);
  const load = (p: typeof profile) => {
    setProfile(p);
    setVersion((v) => v + 1);
  };

  return (
    <ReadableTheme>
      <Typography.Title level={1} style={{ fontSize: 26 }}>
        模拟估分
      </Typography.Title>
      <Typography.Paragraph style={{ maxWidth: 820 }}>
        按《上海市居住证积分管理办法》及实施细则逐项测算。填写或修改任一项后，右侧（手机上在表单下方）即时显示各项分值、计算依据和“下一档需要什么”。未填写的项目按“没有”计算；模拟结果不代替官方核定。
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <ProfileImportExport profile={profile} onImport={load} />
        <Button onClick={() => load(emptyProfile())}>清空重填</Button>
      </Space>
      <Row gutter={[24, 16]}>
        <Col xs={24} lg={14}>
          <Typography.Title level={2} style={{ fontSize: 20 }}>
            填写个人情况
          </Typography.Title>
          {q.error !== undefined && <ProblemAlert error={q.error} labelOf={profileFieldLabel} />}
          <ProfileEditor key={version} profile={profile} onChange={setProfile} error={q.error} />
        </Col>
        <Col xs={24} lg={10}>
          <div className="jf-sticky">
            <Card>
              {q.data && q.error === undefined ? (
                <ScoreResultView
                  result={q.data}
                  stale={q.loading}
                  blockers={<PrecheckBlockers result={pre.error === undefined ? pre.data : undefined} />}
                />
              ) : (
                <section aria-labelledby="result-heading">
                  <Typography.Title level={2} id="result-heading" style={{ fontSize: 20 }}>
                    估分结果
                  </Typography.Title>
                  {q.loading ? (
                    <Spin description="正在计算…" />
                  ) : q.error !== undefined ? (
                    <Typography.Paragraph>请先改正表单中标出的错误。</Typography.Paragraph>
                  ) : (
                    <Typography.Paragraph>
                      <CalculatorOutlined /> 填写申请日期和出生日期后即时显示估分。
                    </Typography.Paragraph>
                  )}
                </section>
              )}
              <Typography.Title level={2} style={{ fontSize: 16, marginTop: 24 }}>
                下一步
              </Typography.Title>
              <Space wrap>
                <Button icon={<LineChartOutlined />} disabled={!ready} onClick={() => void navigate('/plan')}>
                  达标方案
                </Button>
                <Button
                  icon={<FileDoneOutlined />}
                  disabled={!ready}
                  onClick={() => void navigate('/checklist')}
                >
                  材料清单
                </Button>
                <Button
                  icon={<SafetyOutlined />}
                  disabled={!ready}
                  onClick={() => void navigate('/precheck')}
                >
                  申请预检
                </Button>
                <Button
                  icon={<LinkOutlined />}
                  disabled={!ready}
                  onClick={() =>
                    void navigator.clipboard
                      ?.writeText(profileLink('/simulate', profile))
                      .then(() => message.success('已复制含本档案的链接'))
                      .catch(() => message.info(profileLink('/simulate', profile)))
                  }
                >
                  复制分享链接
                </Button>
              </Space>
            </Card>
          </div>
        </Col>
      </Row>
      {q.data && q.error === undefined && (
        <div className="jf-phone-total" aria-hidden="true">
          <span>
            总分 <strong>{q.data.total}</strong> 分 / {q.data.standard}
          </span>
          <a href="#result-heading">查看明细</a>
        </div>
      )}
    </ReadableTheme>
  );
}
