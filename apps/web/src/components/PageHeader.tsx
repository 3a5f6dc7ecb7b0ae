import type { ReactNode } from 'react';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface PageHeaderProps {
  title: string;
  subtitle?: ReactNode;
  extra?: ReactNode;
}

/** Page heading (the page's one h1) and the document title. */
export function PageHeader({ title, subtitle, extra }: PageHeaderProps) {
  const { t } = useTranslation();
  return (
    <header className="page-header">
      <title>{`${title} · ${t('app.title')}`}</title>
      <div>
        <Typography.Title level={1} className="page-title">
          {title}
        </Typography.Title>
        {subtitle ? <Typography.Text type="secondary">{subtitle}</Typography.Text> : null}
      </div>
      {extra ? <div className="page-header-extra">{extra}</div> : null}
    </header>
  );
}
