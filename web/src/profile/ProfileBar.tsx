import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Drawer, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ProblemAlert } from '../components/ProblemAlert';
import { ProfileEditor } from './ProfileEditor';
import { profileFieldLabel } from './profileFieldLabel';
import { ProfileImportExport } from './ProfileImportExport';
import type { Profile } from './types';
import { isComplete } from './useSharedProfile';
import { EDUCATION_LEVEL } from './vocabulary';

function summary(p: Profile): string[] {
  const out = [`申请日 ${p.asOf || '未填'}`, `出生 ${p.birthDate || '未填'}`];
  const edu = p.education?.map((e) => EDUCATION_LEVEL[e.level]).join('、');
  if (edu) out.push(`学历 ${edu}`);
  if (p.qualifications?.length) out.push(`证书 ${p.qualifications.length} 项`);
  if (p.contributions?.length) out.push(`社保 ${p.contributions.length} 段`);
  if (p.keyArea?.length) out.push('重点区域');
  if (p.spouse?.shanghaiHukou) out.push('配偶本市户籍');
  if (p.records?.length) out.push(`记录 ${p.records.length} 条`);
  return out;
}

/**
 * The shared profile at the top of the planner, checklist and pre-check: what
 * it says in one line, and the same form as the simulator in a drawer.
 */
export function ProfileBar(props: { profile: Profile; onChange: (p: Profile) => void; error?: unknown }) {
  const [open, setOpen] = useState(false);
  const [version, setVersion] = useState(0);
  return (
    <Card size="small" style={{ marginBottom: 16 }} className="no-print">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <div>
          <Typography.Text strong>积分档案：</Typography.Text>
          <span data-testid="profile-summary">{summary(props.profile).join(' · ')}</span>
        </div>
        <Space wrap>
          <Button type="primary" icon={<EditOutlined />} onClick={() => setOpen(true)}>
            编辑档案
          </Button>
          <ProfileImportExport
            profile={props.profile}
            onImport={(p) => {
              props.onChange(p);
              setVersion((v) => v + 1);
            }}
          />
          <Link to="/simulate">在模拟估分中查看</Link>
        </Space>
      </Space>
      {!isComplete(props.profile) && (
        <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
          请先填写申请日期和出生日期（点“编辑档案”），或在“模拟估分”中填写后再来。
        </Typography.Paragraph>
      )}
      {props.error !== undefined && (
        <div style={{ marginTop: 12 }}>
          <ProblemAlert error={props.error} labelOf={profileFieldLabel} />
        </div>
      )}
      <Drawer
        title="编辑积分档案"
        open={open}
        onClose={() => setOpen(false)}
        size="large"
        styles={{ wrapper: { maxWidth: '100vw' } }}
        extra={
          <Button type="primary" onClick={() => setOpen(false)}>
            完成
          </Button>
        }
      >
        <ProfileEditor key={version} profile={props.profile} onChange={props.onChange} error={props.error} />
      </Drawer>
    </Card>
  );
}
