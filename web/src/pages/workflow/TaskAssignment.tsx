import { Button, Card, Select, Space, Table, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api, newIdempotencyKey } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { indicatorLabel } from './caseTypes';
import type { OfficerWorkload, ReviewTask } from '../../api/contract';

type Task = ReviewTask;

type Officer = OfficerWorkload['districts'][number]['officers'][number];

const TO_DO: Record<string, string> = { open: '待审核', referred: '已提请核实' };

/**
 * The officers of a district with their open review items: the city reads every district's
 * (`/city/workload`), a district's reviewers and approvers their own (`/districts/:d/workload`).
 */
export function useDistrictOfficers(district: string, asCity: boolean) {
  const [officers, setOfficers] = useState<Officer[]>([]);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    const url = asCity
      ? '/api/v1/city/workload'
      : `/api/v1/districts/${encodeURIComponent(district)}/workload`;
    api<OfficerWorkload>('GET', url, undefined, asCity ? { query: { district } } : {}).then(
      (w) => setOfficers(w.districts[0]?.officers ?? []),
      setError,
    );
  }, [district, asCity]);
  return { officers, error };
}

/** Who a review task is assigned to, by name ("本人" for the signed-in reviewer). */
export function assigneeName(officers: Officer[], id: string | null | undefined, me?: string): string {
  if (!id) return '尚未分派';
  const name = officers.find((o) => o.id === id)?.name ?? '其他人员';
  return id === me ? `${name}（本人）` : name;
}

/**
 * 分派审核人员 (issue 15): each review item still to do is given to a reviewer of
 * the case's own district, chosen by name with their current workload in view (the city's
 * supervisor, or the district's reviewers and approvers, as the machine's assign_task allows). The
 * server checks the district and the case's version; the assignment is audited.
 */
export function TaskAssignment(props: {
  caseId: string;
  version: number;
  district: string;
  tasks: Task[];
  /** The city supervisor reads the city's workload; a district officer their district's. */
  asCity: boolean;
  onDone: () => void;
}) {
  const loaded = useDistrictOfficers(props.district, props.asCity);
  const officers = loaded.officers.filter((o) => o.active && o.role === 'district_reviewer');
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState<string>();
  const key = useRef(newIdempotencyKey());
  const nameOf = (id: string | null | undefined) => assigneeName(loaded.officers, id);
  const tasks = props.tasks.filter((t) => t.status in TO_DO);
  if (tasks.length === 0) return null;
  return (
    <Card size="small" title="分派审核人员（本区）">
      <ProblemAlert error={error ?? loaded.error} labels={{ assigneeId: '审核人员' }} />
      <Table<Task>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={tasks}
        data-testid="task-assignment"
        columns={[
          { title: '审核项', render: (_, t) => indicatorLabel(t.indicator) },
          { title: '状态', render: (_, t) => TO_DO[t.status] },
          { title: '现由', render: (_, t) => nameOf(t.assignedTo) },
          {
            title: '分派给',
            render: (_, t) => (
              <Space>
                <Select
                  aria-label={`${indicatorLabel(t.indicator)}的审核人员`}
                  style={{ width: 200 }}
                  placeholder="选择审核人员"
                  value={chosen[t.id]}
                  onChange={(v: string) => setChosen({ ...chosen, [t.id]: v })}
                  options={officers.map((o) => ({
                    value: o.id,
                    label: `${o.name}（待办 ${o.openTasks} 项）`,
                  }))}
                />
                <Button
                  disabled={!chosen[t.id]}
                  loading={busy === t.id}
                  onClick={async () => {
                    setError(undefined);
                    setBusy(t.id);
                    try {
                      await api(
                        'PUT',
                        `/api/v1/cases/${encodeURIComponent(props.caseId)}/tasks/${encodeURIComponent(t.id)}/assignee`,
                        { assigneeId: chosen[t.id] },
                        { idempotencyKey: key.current, ifMatch: props.version },
                      );
                      key.current = newIdempotencyKey();
                      props.onDone();
                    } catch (e) {
                      setError(e);
                    } finally {
                      setBusy(undefined);
                    }
                  }}
                >
                  分派
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        分派只确定由谁办理，不改变审核结果和任何期限。
      </Typography.Paragraph>
    </Card>
  );
}
