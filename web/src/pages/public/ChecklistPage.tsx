import { Typography } from 'antd';

export default function ChecklistPage() {
  return <Typography.Title level={3}>建设中</Typography.Title>;
}
