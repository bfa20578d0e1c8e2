import { App as AntApp, ConfigProvider, Empty } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { SessionProvider } from './api/session';
import { App } from './App';
import './global.css';

dayjs.locale('zh-cn');

/**
 * WCAG AA contrast (4.5:1 for small text) on every page, checked by axe-core in the
 * browser tests: antd's default blue, green, gold and greys fall short on white and
 * on their tag backgrounds. Buttons keep their text as written (no space inserted
 * between two Chinese characters), so the visible text matches the accessible name.
 */
const THEME = {
  token: {
    colorPrimary: '#1d4ed8',
    colorInfo: '#1d4ed8',
    colorLink: '#1d4ed8',
    colorSuccess: '#237804',
    colorWarning: '#ad4e00',
    colorError: '#cf1322',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)',
    colorTextDisabled: 'rgba(0, 0, 0, 0.58)',
  },
};

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider
      locale={zhCN}
      theme={THEME}
      button={{ autoInsertSpace: false }}
      // Every list without its own empty text still explains itself (issue 15: never a bare 暂无数据).
      renderEmpty={() => (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description="这里还没有记录；有新的办理事项时会显示在这里。"
        />
      )}
    >
      <AntApp>
        <SessionProvider>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
