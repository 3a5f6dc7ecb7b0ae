import { Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RegionSummary } from '@rhip/contracts';
import { formatNumber, formatPercent } from '../../../i18n/format';

type County = RegionSummary['counties'][number];

/** Per-county comparison with a city total row. */
export function CountyTable({ summary }: { summary: RegionSummary }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const share = (pub: number, all: number) => (all > 0 ? formatPercent(pub / all, lng) : '—');
  const num = (n: number) => formatNumber(n, lng);
  const { totals } = summary;

  const columns: TableColumnsType<County> = [
    { title: t('overview.counties.county'), dataIndex: 'name', key: 'name' },
    {
      title: t('overview.counties.institutions'),
      dataIndex: 'institutions',
      key: 'institutions',
      align: 'right',
      render: num,
      sorter: (a, b) => a.institutions - b.institutions,
    },
    { title: t('overview.counties.publicInstitutions'), dataIndex: 'publicInstitutions', key: 'public', align: 'right', render: num },
    {
      title: t('overview.counties.privateInstitutions'),
      key: 'private',
      align: 'right',
      render: (_, c) => num(c.institutions - c.publicInstitutions),
    },
    {
      title: t('overview.counties.publicShare'),
      key: 'share',
      align: 'right',
      render: (_, c) => share(c.publicInstitutions, c.institutions),
    },
    {
      title: t('overview.counties.masterPersons'),
      dataIndex: 'masterPersons',
      key: 'masterPersons',
      align: 'right',
      render: num,
      sorter: (a, b) => a.masterPersons - b.masterPersons,
    },
  ];

  return (
    <Table<County>
      size="middle"
      rowKey="code"
      columns={columns}
      dataSource={summary.counties}
      pagination={false}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>
            <Typography.Text strong>{t('overview.counties.total')}</Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">
            <Typography.Text strong>{num(totals.institutions)}</Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={2} align="right">
            {num(totals.publicInstitutions)}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={3} align="right">
            {num(totals.institutions - totals.publicInstitutions)}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={4} align="right">
            {share(totals.publicInstitutions, totals.institutions)}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={5} align="right">
            {num(totals.masterPersons)}
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}
