import { Alert, Button, Card, Flex, Form } from 'antd';
import { useState } from 'react';
import { api, newIdempotencyKey } from '../../api/client';
import { applyFieldErrors, ProblemAlert } from '../../components/ProblemAlert';
import type { CaseView, Workspace } from '../workflow/caseTypes';
import { ClaimsFields, claimsFromForm, formFromClaims, type ClaimsValues } from './ClaimsFields';

/** Form labels of the fields the server may name (by the last name of the path). */
const FIELD_LABELS: Record<string, string> = {
  indicator: '申报指标',
  level: '级别',
  date: '获奖日期',
  from: '开始月份',
  to: '结束月份',
  area: '区域',
  share: '持股比例',
};

/**
 * 修改申报指标 (细则 第三条、第五条): until the unit submits — and after a one-time
 * notice, before it resubmits — it may change what it claims. Saved with the
 * version shown (If-Match), so an edit made meanwhile elsewhere is never
 * overwritten; the pre-check and the checklist are recomputed from the new claims.
 */
export function ClaimsEditor(props: { view: CaseView; workspace: Workspace; onSaved: () => Promise<void> }) {
  const [form] = Form.useForm<ClaimsValues>();
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  if (!['draft', 'supplement_required'].includes(props.view.state)) return null;
  return (
    <Card title="申报指标" size="small" style={{ marginTop: 16 }} data-testid="claims-editor">
      {saved ? (
        <Alert
          role="status"
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          title={<span data-testid="claims-saved">申报指标已保存，预检查已按新的申报重新计算</span>}
        />
      ) : null}
      {editing ? (
        <Form<ClaimsValues>
          form={form}
          layout="vertical"
          aria-label="修改申报指标"
          initialValues={formFromClaims(props.workspace.claims)}
          onFinish={async (v) => {
            setBusy(true);
            setError(undefined);
            try {
              await api(
                'PUT',
                `/api/v1/cases/${encodeURIComponent(props.view.caseId)}/claims`,
                { claims: claimsFromForm(v) },
                { idempotencyKey: newIdempotencyKey(), ifMatch: props.view.version },
              );
              await props.onSaved();
              setEditing(false);
              setSaved(true);
            } catch (e) {
              setError(e);
              applyFieldErrors(form, e, ['input']);
            } finally {
              setBusy(false);
            }
          }}
        >
          <ProblemAlert error={error} labels={FIELD_LABELS} />
          <ClaimsFields />
          <Flex gap={12}>
            <Button type="primary" htmlType="submit" loading={busy}>
              保存申报指标
            </Button>
            <Button onClick={() => setEditing(false)}>取消</Button>
          </Flex>
        </Form>
      ) : (
        <Button
          onClick={() => {
            setSaved(false);
            setEditing(true);
          }}
        >
          修改申报指标
        </Button>
      )}
    </Card>
  );
}
