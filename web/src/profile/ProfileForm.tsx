import { PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Checkbox,
  Col,
  Collapse,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Typography,
  type FormInstance,
} from 'antd';
import type { ReactNode } from 'react';
import { Entry, EntryList } from '../components/EntryList';
import { AwardLevelField, PeriodFields } from '../components/PeriodFields';
import { Policy, RulesProvider, useRules, valueOf } from './policyRules';
import type { ProfileFormValues } from './toProfile';
import {
  DISTRICTS,
  EDUCATION_LEVEL,
  EMPLOYER_KIND,
  QUALIFICATION_TYPE,
  RECORD_TYPE,
  SKILL_LEVEL,
  TITLE_LEVEL,
  options,
} from './vocabulary';

/** Which collapse panel holds each top-level field (to open the panel of a field error). */
const PANEL_OF: Record<string, string> = {
  asOf: 'basic',
  birthDate: 'basic',
  education: 'education',
  shortageMajor: 'education',
  qualifications: 'qualification',
  contributions: 'insurance',
  startupTalent: 'talent',
  techTransferTalent: 'talent',
  investment: 'talent',
  freshGraduate: 'talent',
  publicService: 'area',
  keyArea: 'area',
  awards: 'award',
  spouse: 'spouse',
  records: 'records',
  permit: 'application',
  employer: 'application',
  employedAtOutOfTownBranch: 'application',
  dispatched: 'application',
  employment: 'application',
  family: 'application',
};
export const panelOf = (name: (string | number)[]): string | undefined => PANEL_OF[String(name[0])];

export const DEFAULT_PANELS = ['basic', 'education', 'qualification', 'insurance'];

const half = { xs: 24, sm: 12 } as const;
const third = { xs: 24, sm: 8 } as const;

/** 情节严重的虚假材料: the bar in years, from the eligibility data in force. */
function BarYears(props: { field: string; who: string; prefix?: string }) {
  const years = valueOf(useRules(), 'eligibility', props.field);
  return (
    <>
      {props.prefix}情节严重的，{typeof years === 'number' ? `${years}年内` : '在政策规定的期限内'}不得
      {props.who}。
    </>
  );
}

function MonthInput(props: { placeholder?: string }) {
  return <Input type="month" placeholder={props.placeholder ?? 'YYYY-MM'} {...props} />;
}
function DateInput(props: object) {
  return <Input type="date" placeholder="YYYY-MM-DD" {...props} />;
}

function AddButton(props: { onClick: () => void; children: ReactNode }) {
  return (
    <Button type="dashed" block icon={<PlusOutlined />} onClick={props.onClick} style={{ marginBottom: 12 }}>
      {props.children}
    </Button>
  );
}

function Flag(props: { name: string | (string | number)[]; children: ReactNode; extra?: ReactNode }) {
  return (
    <Form.Item name={props.name} valuePropName="checked" style={{ marginBottom: 8 }} extra={props.extra}>
      <Checkbox>{props.children}</Checkbox>
    </Form.Item>
  );
}

function BasicPanel() {
  return (
    <>
      <Policy params={['age']}>按申请日期适用当时施行的积分政策。</Policy>
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item
            label="申请日期"
            name="asOf"
            rules={[{ required: true, message: '请填写申请日期' }]}
            extra="决定适用的政策版本；此日之后的缴费、期间和记录不计入。"
          >
            <DateInput />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            label="出生日期"
            name="birthDate"
            rules={[{ required: true, message: '请填写出生日期' }]}
          >
            <DateInput />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

function EducationPanel() {
  const form = Form.useFormInstance<ProfileFormValues>();
  return (
    <>
      <Policy params={['education']} />
      <Form.List name="education">
        {(fields, { add, remove }) => (
          <>
            {fields.map(({ key, name }) => (
              <Entry key={key} title={`第${name + 1}项学历`} onRemove={() => remove(name)}>
                <Row gutter={16}>
                  <Col {...half}>
                    <Form.Item
                      label="学历层次"
                      name={[name, 'level']}
                      rules={[{ required: true, message: '请选择学历层次' }]}
                    >
                      <Select options={options(EDUCATION_LEVEL)} placeholder="请选择" />
                    </Form.Item>
                  </Col>
                  <Col {...half}>
                    <Flag
                      name={[name, 'degree']}
                      extra="本科须同时取得学士学位方按学位计分；硕士、博士须学历学位俱全。"
                    >
                      已取得相应学位
                    </Flag>
                    <Flag name={[name, 'fullTime']}>全日制</Flag>
                    <Flag name={[name, 'foreign']}>国（境）外学历学位</Flag>
                    <Form.Item noStyle dependencies={[['education', name, 'foreign']]}>
                      {() =>
                        form.getFieldValue(['education', name, 'foreign']) ? (
                          <Flag name={[name, 'recognized']}>已取得教育部留学服务中心认证书</Flag>
                        ) : null
                      }
                    </Form.Item>
                  </Col>
                  <Col {...half}>
                    <Form.Item label="专业代码（选填）" name={[name, 'major', 'code']}>
                      <Input maxLength={20} placeholder="例如 520301" />
                    </Form.Item>
                  </Col>
                  <Col {...half}>
                    <Form.Item label="专业名称（选填）" name={[name, 'major', 'name']}>
                      <Input maxLength={100} placeholder="例如 城市轨道交通车辆" />
                    </Form.Item>
                  </Col>
                </Row>
              </Entry>
            ))}
            <AddButton
              onClick={() => add({ degree: true, fullTime: true, foreign: false, recognized: true })}
            >
              添加学历
            </AddButton>
          </>
        )}
      </Form.List>
      <Typography.Title level={4} style={{ fontSize: 15 }}>
        紧缺急需专业
      </Typography.Title>
      <Policy params={['shortage_major']} />
      <Flag name={['shortageMajor', 'onCatalog']}>所学专业列入紧缺急需专业目录</Flag>
      <Form.Item noStyle dependencies={[['shortageMajor', 'onCatalog']]}>
        {() =>
          form.getFieldValue(['shortageMajor', 'onCatalog']) ? (
            <Flag name={['shortageMajor', 'matchesPost']}>与所聘岗位相符</Flag>
          ) : null
        }
      </Form.Item>
    </>
  );
}

function QualificationPanel() {
  const form = Form.useFormInstance<ProfileFormValues>();
  const typeOf = (name: number) => form.getFieldValue(['qualifications', name, 'type']) as string | undefined;
  return (
    <>
      <Policy params={['qualification']} />
      <Form.List name="qualifications">
        {(fields, { add, remove }) => (
          <>
            {fields.map(({ key, name }) => (
              <Entry key={key} title={`第${name + 1}项证书`} onRemove={() => remove(name)}>
                <Row gutter={16}>
                  <Col {...half}>
                    <Form.Item label="证书类型" name={[name, 'type']} rules={[{ required: true }]}>
                      <Select
                        options={options(QUALIFICATION_TYPE)}
                        onChange={() => {
                          form.setFieldValue(['qualifications', name, 'level'], undefined);
                          form.setFieldValue(['qualifications', name, 'equivalentLevel'], undefined);
                        }}
                      />
                    </Form.Item>
                  </Col>
                  <Form.Item noStyle dependencies={[['qualifications', name, 'type']]}>
                    {() =>
                      typeOf(name) === 'certificate' ? (
                        <Col {...half}>
                          <Form.Item
                            label="对应职称等级"
                            name={[name, 'equivalentLevel']}
                            rules={[{ required: true, message: '请选择对应的职称等级' }]}
                          >
                            <Select
                              placeholder="请选择"
                              options={[
                                { value: 'intermediate', label: '相当于中级职称' },
                                { value: 'senior', label: '相当于高级职称' },
                              ]}
                            />
                          </Form.Item>
                        </Col>
                      ) : (
                        <Col {...half}>
                          <Form.Item
                            label={typeOf(name) === 'skill' ? '技能等级' : '职称等级'}
                            name={[name, 'level']}
                            rules={[{ required: true, message: '请选择等级' }]}
                          >
                            <Select
                              placeholder="请选择"
                              options={
                                typeOf(name) === 'skill'
                                  ? [1, 2, 3, 4, 5].map((l) => ({
                                      value: l as number | string,
                                      label: SKILL_LEVEL[l],
                                    }))
                                  : options(TITLE_LEVEL)
                              }
                            />
                          </Form.Item>
                        </Col>
                      )
                    }
                  </Form.Item>
                </Row>
                <Flag name={[name, 'matchesPost']}>与所聘岗位相符</Flag>
                <Form.Item
                  noStyle
                  dependencies={[
                    ['qualifications', name, 'type'],
                    ['qualifications', name, 'route'],
                    ['qualifications', name, 'obtainedWhileWorkingInShanghai'],
                    ['qualifications', name, 'requiresRegistration'],
                  ]}
                >
                  {() => {
                    const q = (form.getFieldValue(['qualifications', name]) ?? {}) as NonNullable<
                      ProfileFormValues['qualifications']
                    >[number];
                    if (q.type === 'title')
                      return (
                        <>
                          <Form.Item label="取得方式" name={[name, 'route']}>
                            <Radio.Group
                              options={[
                                { value: 'exam', label: '考试取得' },
                                { value: 'review', label: '评审取得' },
                              ]}
                            />
                          </Form.Item>
                          {q.route === 'review' && (
                            <Flag name={[name, 'obtainedWhileWorkingInShanghai']}>
                              在本市工作期间经评审取得
                            </Flag>
                          )}
                        </>
                      );
                    if (q.type === 'skill')
                      return (
                        <>
                          <Flag name={[name, 'onShortageCatalog']}>
                            职业（工种）列入本市紧缺急需高技能人才职业目录
                          </Flag>
                          <Flag name={[name, 'obtainedWhileWorkingInShanghai']}>在本市工作期间取得</Flag>
                          {!q.obtainedWhileWorkingInShanghai && (
                            <Flag
                              name={[name, 'verifiedNationally']}
                              extra="在外省市工作期间获得的三级及以上技能等级证书，须通过技能人才评价证书全国联网查询系统核验。"
                            >
                              已通过全国联网查询系统核验
                            </Flag>
                          )}
                        </>
                      );
                    if (q.type === 'certificate')
                      return (
                        <>
                          <Flag name={[name, 'requiresRegistration']}>注册类职业资格</Flag>
                          {q.requiresRegistration && (
                            <Flag name={[name, 'registered']}>已注册并在有效注册期内</Flag>
                          )}
                        </>
                      );
                    return null;
                  }}
                </Form.Item>
              </Entry>
            ))}
            <AddButton
              onClick={() =>
                add({
                  type: 'title',
                  route: 'exam',
                  matchesPost: true,
                  obtainedWhileWorkingInShanghai: true,
                  onShortageCatalog: true,
                  verifiedNationally: true,
                  requiresRegistration: false,
                  registered: true,
                })
              }
            >
              添加职称、技能等级或职业资格证书
            </AddButton>
          </>
        )}
      </Form.List>
    </>
  );
}

function InsurancePanel() {
  return (
    <>
      <Policy params={['insurance_years', 'insurance_base', 'valid_month']} />
      <Form.List name="contributions">
        {(fields, { add, remove }) => (
          <>
            {fields.map(({ key, name }) => (
              <Entry key={key} title={`第${name + 1}段社保缴费`} onRemove={() => remove(name)}>
                <Row gutter={16}>
                  <Col {...third}>
                    <Form.Item
                      label="开始月份"
                      name={[name, 'from']}
                      rules={[{ required: true, message: '请填写开始月份' }]}
                    >
                      <MonthInput />
                    </Form.Item>
                  </Col>
                  <Col {...third}>
                    <Form.Item label="结束月份" name={[name, 'to']} extra="不填表示至今仍在缴纳">
                      <MonthInput />
                    </Form.Item>
                  </Col>
                  <Col {...third}>
                    <Form.Item
                      label="月缴费基数（元）"
                      name={[name, 'base']}
                      rules={[{ required: true, message: '请填写缴费基数' }]}
                    >
                      <InputNumber style={{ width: '100%' }} precision={0} placeholder="例如 12434" />
                    </Form.Item>
                  </Col>
                </Row>
                <Flag name={[name, 'backPaid']}>属于补缴</Flag>
                <Flag name={[name, 'employerMatchesContract']}>缴费单位与劳动（聘用）合同单位一致</Flag>
                <Flag name={[name, 'taxConsistent']}>缴费基数与个人所得税申报收入相符</Flag>
              </Entry>
            ))}
            <AddButton
              onClick={() =>
                add({ backPaid: false, employerMatchesContract: true, taxConsistent: true, to: undefined })
              }
            >
              添加一段缴费记录
            </AddButton>
          </>
        )}
      </Form.List>
    </>
  );
}

function TalentPanel() {
  return (
    <>
      <Policy params={['startup_talent', 'tech_transfer_talent', 'fresh_graduate', 'investment']} />
      <Flag name="startupTalent">创业人才（企业入驻科技企业孵化器等，经认定）</Flag>
      <Flag name="techTransferTalent">创新创业中介服务人才（本市技术转移服务机构备案）</Flag>
      <Flag name="freshGraduate">全日制应届高校毕业生</Flag>
      <Row gutter={16}>
        <Col {...third}>
          <Form.Item label="持股比例（%）" name={['investment', 'share']}>
            <InputNumber style={{ width: '100%' }} min={0} max={100} placeholder="例如 50" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        {[0, 1, 2].map((i) => (
          <Col {...third} key={`tax${i}`}>
            <Form.Item label={`企业年纳税额（第${i + 1}年，元）`} name={['investment', 'annualTax', i]}>
              <InputNumber style={{ width: '100%' }} min={0} precision={0} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Row gutter={16}>
        {[0, 1, 2].map((i) => (
          <Col {...third} key={`emp${i}`}>
            <Form.Item label={`聘用本市户籍人数（第${i + 1}年）`} name={['investment', 'hukouEmployees', i]}>
              <InputNumber style={{ width: '100%' }} min={0} precision={0} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Typography.Text type="secondary">
        按最近的纳税年度由远到近填写；未满的年份不填，按零计。
      </Typography.Text>
    </>
  );
}

function AreaPanel() {
  return (
    <>
      <Policy params={['public_service', 'key_area']} />
      <Typography.Title level={4} style={{ fontSize: 15 }}>
        在环卫一线工作的期间
      </Typography.Title>
      <EntryList
        name="publicService"
        title={(i) => `第${i + 1}段环卫工作`}
        footer={(add) => <AddButton onClick={() => add({})}>添加环卫工作期间</AddButton>}
      >
        {(name) => (
          <Row gutter={16}>
            <PeriodFields name={name} />
          </Row>
        )}
      </EntryList>
      <Typography.Title level={4} style={{ fontSize: 15 }}>
        在远郊重点区域工作并居住的期间
      </Typography.Title>
      <EntryList
        name="keyArea"
        title={(i) => `第${i + 1}段重点区域`}
        footer={(add) => <AddButton onClick={() => add({ area: 'lingang' })}>添加重点区域期间</AddButton>}
      >
        {(name) => (
          <Row gutter={16}>
            <PeriodFields name={name} area />
          </Row>
        )}
      </EntryList>
    </>
  );
}

function AwardPanel() {
  return (
    <>
      <Policy params={['award']} />
      <EntryList
        name="awards"
        title={(i) => `第${i + 1}项表彰`}
        footer={(add) => (
          <AddButton onClick={() => add({ level: 'municipal_special' })}>添加表彰奖励</AddButton>
        )}
      >
        {(name) => <AwardLevelField name={name} />}
      </EntryList>
    </>
  );
}

function SpousePanel() {
  return (
    <>
      <Policy params={['spouse_hukou']} />
      <Flag name={['spouse', 'shanghaiHukou']}>配偶为本市户籍</Flag>
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item label="结婚登记日期" name={['spouse', 'marriageDate']}>
            <DateInput />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

function RecordsPanel() {
  const form = Form.useFormInstance<ProfileFormValues>();
  return (
    <>
      <Policy
        params={[
          'false_material',
          'administrative_detention',
          'criminal_record',
          'veto_serious_crime',
          'veto_family_planning',
        ]}
      />
      <Form.List name="records">
        {(fields, { add, remove }) => (
          <>
            {fields.map(({ key, name }) => (
              <Entry key={key} title={`第${name + 1}条记录`} onRemove={() => remove(name)}>
                <Row gutter={16}>
                  <Col {...half}>
                    <Form.Item
                      label="记录类型"
                      name={[name, 'type']}
                      rules={[{ required: true, message: '请选择类型' }]}
                    >
                      <Select options={options(RECORD_TYPE)} placeholder="请选择" />
                    </Form.Item>
                  </Col>
                  <Col {...half}>
                    <Form.Item
                      label="日期"
                      name={[name, 'date']}
                      rules={[{ required: true, message: '请填写日期' }]}
                    >
                      <DateInput />
                    </Form.Item>
                  </Col>
                </Row>
                <Form.Item noStyle dependencies={[['records', name, 'type']]}>
                  {() =>
                    form.getFieldValue(['records', name, 'type']) === 'false_material' ? (
                      <Flag
                        name={[name, 'serious']}
                        extra={<BarYears field="personalBarYears" who="申请积分" />}
                      >
                        情节严重
                      </Flag>
                    ) : null
                  }
                </Form.Item>
              </Entry>
            ))}
            <AddButton onClick={() => add({ type: 'administrative_detention' })}>添加记录</AddButton>
          </>
        )}
      </Form.List>
    </>
  );
}

function ApplicationPanel() {
  return (
    <>
      <Policy params={['eligibility']}>以下信息不影响分值，用于申请预检和材料清单。</Policy>
      <Typography.Title level={4} style={{ fontSize: 15 }}>
        上海市居住证
      </Typography.Title>
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item label="领取日期" name={['permit', 'issuedOn']}>
            <DateInput />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label="有效期至" name={['permit', 'validUntil']}>
            <DateInput />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label="签注有效期至（选填）" name={['permit', 'endorsedUntil']}>
            <DateInput />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label="居住证状态" name={['permit', 'status']}>
            <Radio.Group
              options={[
                { value: 'active', label: '有效' },
                { value: 'cancelled', label: '已注销' },
              ]}
            />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Title level={4} style={{ fontSize: 15 }}>
        用人单位
      </Typography.Title>
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item label="单位注册区" name={['employer', 'district']}>
            <Select
              allowClear
              placeholder="请选择"
              options={DISTRICTS.map((d) => ({ value: d, label: d }))}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label="单位类型" name={['employer', 'kind']}>
            <Select allowClear placeholder="请选择" options={options(EMPLOYER_KIND)} />
          </Form.Item>
        </Col>
      </Row>
      <Flag name={['employer', 'registeredInShanghai']}>在本市注册</Flag>
      <Flag name={['employer', 'operatingNormally']}>正常（实际）经营</Flag>
      <Flag name={['employer', 'paysTaxInShanghai']}>在本市依法纳税</Flag>
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item
            label="单位被禁止代办积分申请至（选填）"
            name={['employer', 'barredUntil']}
            extra={<BarYears field="unitBarYears" who="代办积分申请" prefix="单位代办时提供虚假材料、" />}
          >
            <DateInput />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="是否为本市单位在外省市分支机构的工作人员" name="employedAtOutOfTownBranch">
        <Radio.Group
          options={[
            { value: 'no', label: '否' },
            { value: 'yes', label: '是' },
          ]}
        />
      </Form.Item>
      <Flag name="dispatched">通过人才或劳务派遣机构派遣</Flag>
      <Typography.Title level={4} style={{ fontSize: 15 }}>
        享受积分待遇的家庭成员
      </Typography.Title>
      <Flag name={['family', 'spouseUsesBenefits']}>配偶需要享受积分相关待遇</Flag>
      <Form.List name={['family', 'children']}>
        {(fields, { add, remove }) => (
          <>
            {fields.map(({ key, name }) => (
              <Entry key={key} title={`第${name + 1}个子女`} onRemove={() => remove(name)}>
                <Row gutter={16}>
                  <Col {...half}>
                    <Form.Item label="子女出生日期" name={[name, 'birthDate']} rules={[{ required: true }]}>
                      <DateInput />
                    </Form.Item>
                  </Col>
                </Row>
                <Flag name={[name, 'usesBenefits']}>需要享受积分相关待遇</Flag>
                <Flag name={[name, 'fullTimeHighSchool']}>就读全日制普通高中</Flag>
              </Entry>
            ))}
            <AddButton onClick={() => add({ usesBenefits: true, fullTimeHighSchool: false })}>
              添加同住子女
            </AddButton>
          </>
        )}
      </Form.List>
    </>
  );
}

const PANELS = [
  { key: 'basic', label: '1. 申请日期与年龄', children: <BasicPanel /> },
  { key: 'education', label: '2. 教育背景与紧缺急需专业', children: <EducationPanel /> },
  { key: 'qualification', label: '3. 专业技术职称和技能等级', children: <QualificationPanel /> },
  { key: 'insurance', label: '4. 职工社会保险（年限与基数）', children: <InsurancePanel /> },
  { key: 'talent', label: '5. 创业人才、应届毕业生、投资纳税', children: <TalentPanel /> },
  { key: 'area', label: '6. 特定公共服务领域与远郊重点区域', children: <AreaPanel /> },
  { key: 'award', label: '7. 表彰奖励', children: <AwardPanel /> },
  { key: 'spouse', label: '8. 配偶为本市户籍', children: <SpousePanel /> },
  { key: 'records', label: '9. 减分记录与一票否决', children: <RecordsPanel /> },
  { key: 'application', label: '10. 申请条件与家庭（用于预检、材料清单）', children: <ApplicationPanel /> },
];

export interface ProfileFormProps {
  form: FormInstance<ProfileFormValues>;
  initialValues: ProfileFormValues;
  onValuesChange: (all: ProfileFormValues) => void;
  openPanels: string[];
  onOpenPanels: (keys: string[]) => void;
}

/**
 * The guided profile form: every field of the profile contract (and its
 * pre-check/checklist extensions), grouped in panels that each start with the
 * policy's own words. Field names are the profile's JSON paths, so the API's
 * field errors land on the field they name. A closed panel is rendered on first
 * opening (the form store keeps its values meanwhile): a fast first paint on a phone.
 */
export function ProfileForm(props: ProfileFormProps) {
  const asOf = Form.useWatch('asOf', props.form) as string | undefined;
  return (
    <RulesProvider at={asOf ?? props.initialValues.asOf}>
      <Form
        form={props.form}
        name="profile"
        layout="vertical"
        initialValues={props.initialValues}
        onValuesChange={() => props.onValuesChange(props.form.getFieldsValue(true) as ProfileFormValues)}
        scrollToFirstError
      >
        <Collapse
          activeKey={props.openPanels}
          onChange={(keys) => props.onOpenPanels(Array.isArray(keys) ? keys : [keys])}
          items={PANELS}
        />
      </Form>
    </RulesProvider>
  );
}
