import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { EntryList } from '../../components/EntryList';
import { AwardLevelField, PeriodFields } from '../../components/PeriodFields';
import { Policy, RulesProvider } from '../../profile/policyRules';
import type { ClaimableIndicator, ClaimsInput, Profile, Workspace } from '../../api/contract';

/** The indicators a unit claims on the 积分申请表 (registry-backed ones need no detail). */
export const SIMPLE_CLAIMS: { value: ClaimableIndicator; label: string }[] = [
  { value: 'education', label: '学历学位（以学历核验库为准）' },
  { value: 'spouse_hukou', label: '配偶为本市户籍（以户籍登记为准）' },
  { value: 'fresh_graduate', label: '应届高校毕业生' },
  { value: 'startup_talent', label: '入驻孵化器的创业人才' },
  { value: 'tech_transfer_talent', label: '技术成果转化人才' },
];

type Period = NonNullable<Profile['publicService']>[number];

/** The form's values: one group per indicator of the profile contract (docs/spec/profile.md). */
export interface ClaimsValues {
  simple: ClaimableIndicator[];
  qualification?: { on?: boolean; kind?: string; matchesPost?: boolean };
  shortageMajor?: { on?: boolean; onCatalog?: boolean; matchesPost?: boolean };
  investment?: {
    on?: boolean;
    invested?: boolean;
    sharePercent?: number;
    annualTax?: (number | null | undefined)[];
    hukouEmployees?: (number | null | undefined)[];
  };
  publicService?: Period[];
  keyArea?: (Period & { area?: string })[];
  awards?: {
    level?: string;
    date?: string;
    obtainedWhileWorkingInShanghai?: boolean;
    onCatalog?: boolean;
    filed?: boolean;
  }[];
}

/** A claim as the form sends it (the commands' input: its detail optional, none for a flag). */
type Claim = ClaimsInput[number];

const numbers = (xs: (number | null | undefined)[] | undefined): number[] | undefined => {
  const out = (xs ?? []).filter((x): x is number => typeof x === 'number');
  return out.length ? out : undefined;
};
const period = (p: Period) => ({ from: p.from ?? '', to: p.to ? p.to : null });

export const claimsFromForm = (v: ClaimsValues): Claim[] => {
  const claims: Claim[] = (v.simple ?? []).map((indicator) => ({ indicator }));
  if (v.qualification?.on && v.qualification.kind) {
    const kind = v.qualification.kind;
    const matchesPost = v.qualification.matchesPost ?? false;
    claims.push({
      indicator: 'qualification',
      detail: {
        qualifications: [
          kind.startsWith('skill:')
            ? { type: 'skill', level: Number(kind.slice(6)), matchesPost }
            : { type: 'title', level: kind.slice(6), matchesPost },
        ],
      },
    });
  }
  if (v.shortageMajor?.on)
    claims.push({
      indicator: 'shortage_major',
      detail: {
        onCatalog: v.shortageMajor.onCatalog ?? false,
        matchesPost: v.shortageMajor.matchesPost ?? false,
      },
    });
  if (v.investment?.on) {
    const i = v.investment;
    const annualTax = numbers(i.annualTax);
    const hukouEmployees = numbers(i.hukouEmployees);
    claims.push({
      indicator: 'investment',
      detail: {
        invested: i.invested ?? false,
        ...(typeof i.sharePercent === 'number' ? { share: i.sharePercent / 100 } : {}),
        ...(annualTax ? { annualTax } : {}),
        ...(hukouEmployees ? { hukouEmployees } : {}),
      },
    });
  }
  if (v.publicService?.length)
    claims.push({ indicator: 'public_service', detail: { periods: v.publicService.map(period) } });
  if (v.keyArea?.length)
    claims.push({
      indicator: 'key_area',
      detail: { periods: v.keyArea.map((p) => ({ area: p.area ?? '', ...period(p) })) },
    });
  if (v.awards?.length)
    claims.push({
      indicator: 'award',
      detail: {
        awards: v.awards.map((a) => ({
          level: a.level ?? '',
          ...(a.date ? { date: a.date } : {}),
          obtainedWhileWorkingInShanghai: a.obtainedWhileWorkingInShanghai ?? false,
          onCatalog: a.onCatalog ?? false,
          filed: a.filed ?? false,
        })),
      },
    });
  return claims;
};

export const formFromClaims = (claims: Workspace['claims']): ClaimsValues => {
  const detail = <T,>(indicator: string) =>
    claims.find((c) => c.indicator === indicator)?.detail as T | undefined;
  const q = detail<{ qualifications?: { type: string; level: string | number; matchesPost?: boolean }[] }>(
    'qualification',
  );
  const first = q?.qualifications?.[0];
  const shortage = detail<{ onCatalog?: boolean; matchesPost?: boolean }>('shortage_major');
  const inv = detail<{ invested?: boolean; share?: number; annualTax?: number[]; hukouEmployees?: number[] }>(
    'investment',
  );
  const asPeriod = (p: { from: string; to?: string | null }) => ({
    from: p.from,
    ...(p.to ? { to: p.to } : {}),
  });
  return {
    simple: claims
      .map((c) => c.indicator)
      .filter((i): i is ClaimableIndicator => SIMPLE_CLAIMS.some((s) => s.value === i)),
    qualification: first
      ? { on: true, kind: `${first.type}:${first.level}`, matchesPost: first.matchesPost ?? false }
      : { on: false },
    shortageMajor: shortage ? { on: true, ...shortage } : { on: false },
    investment: inv
      ? {
          on: true,
          invested: inv.invested ?? true,
          ...(typeof inv.share === 'number' ? { sharePercent: Math.round(inv.share * 10000) / 100 } : {}),
          annualTax: inv.annualTax ?? [],
          hukouEmployees: inv.hukouEmployees ?? [],
        }
      : { on: false },
    publicService: (
      detail<{ periods: { from: string; to?: string | null }[] }>('public_service')?.periods ?? []
    ).map(asPeriod),
    keyArea: (
      detail<{ periods: { area: string; from: string; to?: string | null }[] }>('key_area')?.periods ?? []
    ).map((p) => ({ area: p.area, ...asPeriod(p) })),
    awards: detail<{ awards: NonNullable<ClaimsValues['awards']> }>('award')?.awards ?? [],
  };
};

const third = { xs: 24, sm: 8 } as const;

function Flag(props: { name: (string | number)[]; label: string; disabled?: boolean }) {
  return (
    <Form.Item name={props.name} valuePropName="checked" style={{ marginBottom: 8 }}>
      <Checkbox disabled={props.disabled}>{props.label}</Checkbox>
    </Form.Item>
  );
}

/** The claims part of the application form (inside an antd Form): every indicator a unit can claim. */
export function ClaimsFields({ disabled }: { disabled?: boolean }) {
  const on = Form.useWatch(['qualification', 'on']) as boolean | undefined;
  const shortageOn = Form.useWatch(['shortageMajor', 'on']) as boolean | undefined;
  const investmentOn = Form.useWatch(['investment', 'on']) as boolean | undefined;
  return (
    <RulesProvider at={undefined}>
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

      <Form.Item label="申报紧缺急需专业" name={['shortageMajor', 'on']} valuePropName="checked">
        <Switch disabled={disabled} checkedChildren="申报" unCheckedChildren="不申报" />
      </Form.Item>
      {shortageOn ? (
        <>
          <Policy params={['shortage_major']} />
          <Flag
            name={['shortageMajor', 'onCatalog']}
            label="所学专业列入紧缺急需专业目录"
            disabled={disabled}
          />
          <Flag
            name={['shortageMajor', 'matchesPost']}
            label="从事与所学专业相符的岗位"
            disabled={disabled}
          />
        </>
      ) : null}

      <Form.Item label="申报投资纳税或带动本地就业" name={['investment', 'on']} valuePropName="checked">
        <Switch disabled={disabled} checkedChildren="申报" unCheckedChildren="不申报" />
      </Form.Item>
      {investmentOn ? (
        <>
          <Policy params={['investment']} />
          <Flag
            name={['investment', 'invested']}
            label="本人出资投资该企业（有验资报告）"
            disabled={disabled}
          />
          <Form.Item label="持股比例（%）" name={['investment', 'sharePercent']}>
            <InputNumber disabled={disabled} style={{ width: 200 }} min={0} max={100} />
          </Form.Item>
          <Row gutter={16}>
            {[0, 1, 2].map((i) => (
              <Col {...third} key={`tax${i}`}>
                <Form.Item label={`企业年纳税额（第${i + 1}年，元）`} name={['investment', 'annualTax', i]}>
                  <InputNumber disabled={disabled} style={{ width: '100%' }} min={0} precision={0} />
                </Form.Item>
              </Col>
            ))}
          </Row>
          <Row gutter={16}>
            {[0, 1, 2].map((i) => (
              <Col {...third} key={`emp${i}`}>
                <Form.Item
                  label={`聘用本市户籍人数（第${i + 1}年）`}
                  name={['investment', 'hukouEmployees', i]}
                >
                  <InputNumber disabled={disabled} style={{ width: '100%' }} min={0} precision={0} />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </>
      ) : null}

      <Form.Item label="公益服务（环卫一线工作期间）">
        <EntryList
          name="publicService"
          title={(i) => `第${i + 1}段环卫工作`}
          disabled={disabled}
          footer={(add, count) => (
            <>
              {count ? <Policy params={['public_service']} /> : null}
              <Button disabled={disabled} icon={<PlusOutlined />} onClick={() => add({})}>
                添加环卫工作期间
              </Button>
            </>
          )}
        >
          {(name) => (
            <Row gutter={16}>
              <PeriodFields name={name} disabled={disabled} />
            </Row>
          )}
        </EntryList>
      </Form.Item>

      <Form.Item label="重点区域（在远郊重点区域工作并居住的期间）">
        <EntryList
          name="keyArea"
          title={(i) => `第${i + 1}段重点区域`}
          disabled={disabled}
          footer={(add, count) => (
            <>
              {count ? <Policy params={['key_area']} /> : null}
              <Button disabled={disabled} icon={<PlusOutlined />} onClick={() => add({ area: 'lingang' })}>
                添加重点区域期间
              </Button>
            </>
          )}
        >
          {(name) => (
            <Row gutter={16}>
              <PeriodFields name={name} disabled={disabled} area />
            </Row>
          )}
        </EntryList>
      </Form.Item>

      <Form.Item label="表彰奖励">
        <EntryList
          name="awards"
          title={(i) => `第${i + 1}项表彰`}
          disabled={disabled}
          footer={(add, count) => (
            <>
              {count ? <Policy params={['award']} /> : null}
              <Button
                disabled={disabled}
                icon={<PlusOutlined />}
                onClick={() =>
                  add({
                    level: undefined,
                    obtainedWhileWorkingInShanghai: true,
                    onCatalog: true,
                    filed: true,
                  })
                }
              >
                添加表彰奖励
              </Button>
            </>
          )}
        >
          {(name) => (
            <>
              <Row gutter={16}>
                <Col xs={24} sm={12}>
                  <AwardLevelField name={name} disabled={disabled} />
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item label="获奖日期" name={[name, 'date']}>
                    <Input type="date" disabled={disabled} />
                  </Form.Item>
                </Col>
              </Row>
              <Flag
                name={[name, 'obtainedWhileWorkingInShanghai']}
                label="在本市工作期间获得"
                disabled={disabled}
              />
              <Flag name={[name, 'onCatalog']} label="列入本市表彰奖励目录" disabled={disabled} />
              <Flag name={[name, 'filed']} label="已经主办单位备案" disabled={disabled} />
            </>
          )}
        </EntryList>
      </Form.Item>
    </RulesProvider>
  );
}
