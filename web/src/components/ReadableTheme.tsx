import { ConfigProvider } from 'antd';
import type { ReactNode } from 'react';

/**
 * antd's secondary and description greys (45 % black) fall short of WCAG AA
 * contrast for small text (4.5:1). The public pages are read by everyone, on
 * phones in daylight: their help texts use a darker grey (≈ 7:1 on white).
 */
export function ReadableTheme({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider
      theme={{
        token: {
          colorTextDescription: 'rgba(0, 0, 0, 0.65)',
          colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
          colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
          colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)',
        },
      }}
    >
      {children}
    </ConfigProvider>
  );
}
