import { Card, Col, Row, Typography } from 'antd';
import { Link } from 'react-router';

const TOOLS = [
  { to: '/simulate', title: '模拟估分', text: '按现行细则逐项测算积分，每项给出依据条款与下一档所需条件。' },
  {
    to: '/plan',
    title: '达标方案',
    text: '不做任何改变时何时达到标准分值，以及提高社保基数、学历、职称等方案。',
  },
  { to: '/checklist', title: '材料清单', text: '按个人情况列出需提交的证明材料、出具单位与电子替代。' },
  { to: '/precheck', title: '申请预检', text: '逐条核对申请条件：通过、不通过或待核实，并说明原因。' },
  { to: '/verify', title: '通知书核验', text: '输入积分通知书上的核验码，查看经脱敏的真实信息。' },
  { to: '/rules', title: '政策参数', text: '查询任一日期施行的分值、档次、社平工资与引用依据。' },
  {
    to: '/register-unit',
    title: '单位注册',
    text: '用人单位首次办理前在此注册；经注册地所在区受理点核验后，即可为本单位员工申报积分。',
  },
];

export default function HomePage() {
  return (
    <>
      <Typography.Title level={2}>上海市居住证积分</Typography.Title>
      <Typography.Paragraph>
        持证人、用人单位和经办机构共用的积分测算与申办系统。以下工具无需登录；单位经办人和经办机构工作人员请先登录。
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {TOOLS.map((t) => (
          <Col xs={24} sm={12} lg={8} key={t.to}>
            <Link to={t.to}>
              <Card hoverable title={t.title}>
                {t.text}
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </>
  );
}
