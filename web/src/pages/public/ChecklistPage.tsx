import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Space, Spin, Tag, Typography } from 'antd';
import { ReadableTheme } from '../../components/ReadableTheme';
import { ProfileBar } from '../../profile/ProfileBar';
import type { ChecklistItem, ChecklistResult } from '../../profile/types';
import { useProfileQuery } from '../../profile/useProfileQuery';
import { isComplete, useSharedProfile } from '../../profile/useSharedProfile';
import { INDICATOR_LABEL, MATERIAL_FORM } from '../../profile/vocabulary';
import './public.css';

/** Groups items by the first purpose they serve: 基本材料 first, then each indicator, then the family. */
function groups(items: ChecklistItem[]): Array<{ key: string; items: ChecklistItem[] }> {
  const out = new Map<string, ChecklistItem[]>();
  for (const item of items) {
    const key = item.neededFor[0] ?? 'basic';
    out.set(key, [...(out.get(key) ?? []), item]);
  }
  return [...out].map(([key, list]) => ({ key, items: list }));
}

/** 材料清单: what to bring for each claimed indicator and for the family; printable. */
export default function ChecklistPage() {
  const [profile, setProfile] = useSharedProfile();
  const ready = isComplete(profile);
  const q = useProfileQuery<ChecklistResult>('/api/v1/checklist', ready ? profile : undefined);
  const result = q.error === undefined ? q.data : undefined;
  let n = 0;
  return (
    <ReadableTheme>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={1} style={{ fontSize: 26 }}>
          申请材料清单
        </Typography.Title>
        <Button
          className="no-print"
          icon={<PrinterOutlined />}
          onClick={() => window.print()}
          disabled={!result}
        >
          打印
        </Button>
      </Space>
      <Typography.Paragraph style={{ maxWidth: 820 }}>
        按您填写的情况列出需要准备的材料、出具单位和提交方式。除特殊说明外，所有材料均须核对原件、提交复印件；能通过电子证照、数据共享核验的，可免于提交纸质材料。
      </Typography.Paragraph>
      <ProfileBar profile={profile} onChange={setProfile} error={q.error} />
      {!ready ? (
        <Empty description="档案尚未填写完整" />
      ) : !result ? (
        q.loading ? (
          <Spin description="正在生成清单…" style={{ display: 'block', margin: 48 }} />
        ) : null
      ) : (
        <div aria-busy={q.loading}>
          <p className="jf-print-only">
            申请日 {result.asOf} · 共 {result.items.length} 项材料 · 材料目录版本 {result.catalogueRevision}
          </p>
          {result.warnings.map((w) => (
            <Alert key={w} type="warning" showIcon style={{ marginBottom: 12 }} title={w} />
          ))}
          {groups(result.items).map((g) => (
            <section key={g.key} style={{ marginBottom: 16 }}>
              <Typography.Title level={2} style={{ fontSize: 18 }}>
                {INDICATOR_LABEL[g.key] ?? g.key}
              </Typography.Title>
              <ol start={n + 1} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {g.items.map((item) => {
                  n += 1;
                  return (
                    <li key={item.id} className="jf-checklist-item" style={{ marginBottom: 8 }}>
                      <Card size="small">
                        <Space align="start" style={{ width: '100%' }}>
                          <span aria-hidden style={{ fontSize: 18, lineHeight: '22px' }}>
                            ☐
                          </span>
                          <div style={{ flex: 1 }}>
                            <div style={{ fontWeight: 600 }}>
                              {n}. {item.name}
                            </div>
                            <Space wrap size={4} style={{ margin: '4px 0' }}>
                              <Tag color={item.form === 'online' ? 'green' : 'blue'}>
                                {MATERIAL_FORM[item.form]}
                              </Tag>
                              <Tag>出具：{item.issuer}</Tag>
                              {item.neededFor.length > 1 &&
                                item.neededFor
                                  .slice(1)
                                  .map((f) => <Tag key={f}>亦用于：{INDICATOR_LABEL[f] ?? f}</Tag>)}
                            </Space>
                            <div>{item.reason}</div>
                            {item.electronicAlternative && (
                              <div style={{ color: '#166534' }}>电子替代：{item.electronicAlternative}</div>
                            )}
                            <div style={{ color: '#595959', fontSize: 13 }}>
                              依据：{item.citations.join('；')}
                            </div>
                          </div>
                        </Space>
                      </Card>
                    </li>
                  );
                })}
              </ol>
            </section>
          ))}
          <Typography.Paragraph style={{ color: '#595959', fontSize: 13 }}>
            材料目录版本 {result.catalogueRevision}。清单依据您填写的情况生成，受理时以受理点核对为准。
          </Typography.Paragraph>
        </div>
      )}
    </ReadableTheme>
  );
}
