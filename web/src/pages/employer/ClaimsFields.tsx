import { Checkbox, Form, Select, Switch } from 'antd';

/** The indicators a unit claims on the 积分申请表 (registry-backed ones need no detail). */
export const SIMPLE_CLAIMS = [
  { value: 'education', label: '学历学位（以学历核验库为准）' },
  { value: 'spouse_hukou', label: '配偶为本市户籍（以户籍登记为准）' },
  { value: 'fresh_graduate', label: '应届高校毕业生' },
  { value: 'startup_talent', label: '入驻孵化器的创业人才' },
  { value: 'tech_transfer_talent', label: '技术成果转化人才' },
];

export interface ClaimsValues {
  simple: string[];
  qualification?: { on?: boolean; kind?: string; matchesPost?: boolean };
}

export const claimsFromForm = (v: ClaimsValues) => [
  ...(v.simple ?? []).map((indicator) => ({ indicator })),
  ...(v.qualification?.on && v.qualification.kind
    ? [
        {
          indicator: 'qualification',
          detail: {
            qualifications: [
              v.qualification.kind.startsWith('skill:')
                ? {
                    type: 'skill',
                    level: Number(v.qualification.kind.slice(6)),
                    matchesPost: v.qualification.matchesPost ?? false,
                  }
                : {
                    type: 'title',
                    level: v.qualification.kind.slice(6),
                    matchesPost: v.qualification.matchesPost ?? false,
                  },
            ],
          },
        },
      ]
    : []),
];

export const formFromClaims = (
  claims: { indicator: string; detail: Record<string, unknown> }[],
): ClaimsValues => {
  const q = claims.find((c) => c.indicator === 'qualification')?.detail as
    { qualifications?: { type: string; level: string | number; matchesPost?: boolean }[] } | undefined;
  const first = q?.qualifications?.[0];
  return {
    simple: claims.map((c) => c.indicator).filter((i) => SIMPLE_CLAIMS.some((s) => s.value === i)),
    qualification: first
      ? { on: true, kind: `${first.type}:${first.level}`, matchesPost: first.matchesPost ?? false }
      : { on: false },
  };
};

/** The claims part of the application form (inside an antd Form). */
export function ClaimsFields({ disabled }: { disabled?: boolean }) {
  const on = Form.useWatch(['qualification', 'on']) as boolean | undefined;
  return (
    <>
      <Form.Item label="申报指标" name="simple">
        <Checkbox.Group
          disabled={disabled}
          options={SIMPLE_CLAIMS}
          style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
        />
      </Form.Item>
      <Form.Item label="申报职称或技能等级" name={['qualification', 'on']} valuePropName="checked">
        <Switch disabled={disabled} checkedChildren="申报" unCheckedChildren="不申报" />
      </Form.Item>
      {on ? (
        <>
          <Form.Item
            label="职称 / 技能等级"
            name={['qualification', 'kind']}
            rules={[{ required: true, message: '请选择职称或技能等级' }]}
          >
            <Select
              disabled={disabled}
              style={{ maxWidth: 320 }}
              options={[
                { value: 'title:intermediate', label: '中级职称' },
                { value: 'title:senior', label: '高级职称' },
                { value: 'skill:1', label: '一级（高级技师）' },
                { value: 'skill:2', label: '二级（技师）' },
                { value: 'skill:3', label: '三级（高级工）' },
              ]}
            />
          </Form.Item>
          <Form.Item label="与所聘岗位相符" name={['qualification', 'matchesPost']} valuePropName="checked">
            <Switch disabled={disabled} checkedChildren="相符" unCheckedChildren="不相符" />
          </Form.Item>
        </>
      ) : null}
    </>
  );
}
