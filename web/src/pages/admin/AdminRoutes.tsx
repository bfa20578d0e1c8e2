import { Typography } from 'antd';
import { Route, Routes } from 'react-router';

export default function AdminRoutes() {
  return (
    <Routes>
      <Route index element={<Typography.Title level={3}>建设中</Typography.Title>} />
    </Routes>
  );
}
