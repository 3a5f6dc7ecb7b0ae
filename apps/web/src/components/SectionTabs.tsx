import { Tabs } from 'antd';
import { useLocation, useNavigate } from 'react-router';

export interface SectionTab {
  /** Path of the tab's page; also its key. */
  path: string;
  label: string;
}

/**
 * Tabs over the pages of one console section (e.g. 批次 / 死信队列): each tab is
 * its own route, so the URL says which one is open. Arrow keys move between tabs.
 */
export function SectionTabs({ tabs, ariaLabel }: { tabs: readonly SectionTab[]; ariaLabel: string }) {
  const location = useLocation();
  const navigate = useNavigate();
  const active = [...tabs].sort((a, b) => b.path.length - a.path.length).find((tab) => location.pathname === tab.path || location.pathname.startsWith(`${tab.path}/`));
  return (
    <nav aria-label={ariaLabel}>
      <Tabs
        className="section-tabs"
        activeKey={active?.path ?? tabs[0]?.path}
        items={tabs.map((tab) => ({ key: tab.path, label: tab.label }))}
        onChange={(key) => void navigate(key)}
      />
    </nav>
  );
}
