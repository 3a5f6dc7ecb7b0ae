import { Button, Card } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ErrorState';
import { PageHeader } from '../../../components/PageHeader';
import { useHasRole } from '../../../app/RequireRole';
import { useRegions } from '../../regions/api/useRegions';
import { hasActiveFilters } from '../api/institution-filters';
import { institutionListQueryOptions } from '../api/institutions-api';
import { useInstitutionFilters } from '../api/useInstitutionFilters';
import { InstitutionFilterBar } from '../components/InstitutionFilterBar';
import { InstitutionTable } from '../components/InstitutionTable';

export default function InstitutionsPage() {
  const { t } = useTranslation();
  const { filters, setFilters, setPage, resetFilters } = useInstitutionFilters();
  const regions = useRegions();
  const list = useQuery(institutionListQueryOptions(filters));
  const filtered = hasActiveFilters(filters);
  const navigate = useNavigate();
  const isAdmin = useHasRole(['admin']);

  return (
    <>
      <PageHeader
        title={t('institutions.pageTitle')}
        subtitle={t('institutions.subtitle')}
        extra={
          isAdmin ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/institutions/new')}>
              {t('institutions.register')}
            </Button>
          ) : null
        }
      />
      <Card size="small">
        <InstitutionFilterBar
          filters={filters}
          counties={regions.counties}
          countiesLoading={regions.isPending}
          onChange={setFilters}
          onReset={resetFilters}
          canReset={filtered}
        />
        {regions.isError ? <ErrorState error={regions.error} onRetry={() => void regions.refetch()} /> : null}
        {list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <InstitutionTable
            data={list.data}
            loading={list.isFetching}
            regionsByCode={regions.byCode}
            filtered={filtered}
            onPageChange={setPage}
            onReset={resetFilters}
          />
        )}
      </Card>
    </>
  );
}
