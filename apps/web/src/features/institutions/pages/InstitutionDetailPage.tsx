import { Alert, Breadcrumb, Button, Flex, Skeleton } from 'antd';
import { EditOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ErrorState';
import { PageHeader } from '../../../components/PageHeader';
import { useHasRole } from '../../../app/RequireRole';
import { useRegions } from '../../regions/api/useRegions';
import { institutionDetailQueryOptions } from '../api/institutions-api';
import { CredentialsCard } from '../components/CredentialsCard';
import { ExpectedDatasetsTable } from '../components/ExpectedDatasetsTable';
import { InstitutionProfile } from '../components/InstitutionProfile';

/** Known warnings on an institution's own code (apps/api institution-code.ts), without `ORG.`. */
const CODE_WARNINGS = { USCC_CHECKSUM: 1, CODE_REGION: 1 } as const;
type CodeWarning = keyof typeof CODE_WARNINGS;

export default function InstitutionDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const detail = useQuery(institutionDetailQueryOptions(id));
  const regions = useRegions();
  const isAdmin = useHasRole(['admin']);
  const canSeeBatches = useHasRole(['admin', 'quality_officer']);
  const d = detail.data;

  return (
    <>
      <Breadcrumb
        className="page-breadcrumb"
        items={[{ title: <Link to="/institutions">{t('institutions.pageTitle')}</Link> }, { title: d?.name ?? t('institutions.detail.title') }]}
      />
      <PageHeader
        title={d?.name ?? t('institutions.detail.title')}
        subtitle={d ? `${t(`institution.type.${d.type}`)} · ${d.regionName ?? d.regionCode}` : undefined}
        extra={
          <Flex gap={8} wrap>
            {canSeeBatches && d ? (
              <Button icon={<UnorderedListOutlined />} onClick={() => void navigate(`/ingest?institutionId=${d.id}`)}>
                {t('institutions.detail.batches')}
              </Button>
            ) : null}
            {isAdmin && d ? (
              <Button type="primary" icon={<EditOutlined />} onClick={() => void navigate(`/institutions/${d.id}/edit`)}>
                {t('common.edit')}
              </Button>
            ) : null}
          </Flex>
        }
      />
      {detail.isError ? (
        <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
      ) : !d ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <>
          {d.warnings.map((w) => (
            <Alert
              key={w.code}
              type="warning"
              showIcon
              className="form-section"
              title={Object.hasOwn(CODE_WARNINGS, w.code.slice(4)) ? t(`institutions.codeWarnings.${w.code.slice(4) as CodeWarning}`) : w.message}
            />
          ))}
          <InstitutionProfile institution={d} regionsByCode={regions.byCode} />
          <ExpectedDatasetsTable institution={d} canEdit={isAdmin} canSeeBatches={canSeeBatches} />
          <CredentialsCard institution={d} canManage={isAdmin} />
        </>
      )}
    </>
  );
}
