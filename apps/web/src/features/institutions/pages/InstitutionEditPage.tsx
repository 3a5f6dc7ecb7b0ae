import { useMemo } from 'react';
import { App as AntApp, Breadcrumb, Form, Skeleton } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ErrorState';
import { PageHeader } from '../../../components/PageHeader';
import { useFormApiErrors } from '../api/institution-errors';
import { formValuesFromDetail, toUpdateBody, type InstitutionFormValues } from '../api/institution-form';
import { institutionDetailQueryOptions } from '../api/institutions-api';
import { useUpdateInstitution } from '../api/useInstitutionMutations';
import { InstitutionForm } from '../components/InstitutionForm';

/** 编辑机构: attributes, status and the expected data sets (the list replaces the current one). */
export default function InstitutionEditPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const { id = '' } = useParams();
  const detail = useQuery(institutionDetailQueryOptions(id));
  const [form] = Form.useForm<InstitutionFormValues>();
  const update = useUpdateInstitution(id);
  const { error, showError, clearError } = useFormApiErrors(form);
  // antd reads initialValues once, on mount: a background refetch does not overwrite edits.
  const initial = useMemo(() => (detail.data ? formValuesFromDetail(detail.data) : null), [detail.data]);

  const onSubmit = (values: InstitutionFormValues) => {
    clearError();
    update.mutate(toUpdateBody(values), {
      onSuccess: (updated) => {
        void message.success(t('institutions.form.saved', { name: updated.name }));
        void navigate(`/institutions/${id}`);
      },
      onError: showError,
    });
  };

  const name = detail.data?.name;
  return (
    <>
      <Breadcrumb
        className="page-breadcrumb"
        items={[
          { title: <Link to="/institutions">{t('institutions.pageTitle')}</Link> },
          { title: <Link to={`/institutions/${id}`}>{name ?? t('institutions.detail.title')}</Link> },
          { title: t('common.edit') },
        ]}
      />
      <PageHeader title={t('institutions.form.editTitle')} subtitle={name} />
      {detail.isError ? (
        <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
      ) : !initial ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <InstitutionForm
          mode="edit"
          form={form}
          initialValues={initial}
          submitting={update.isPending}
          onSubmit={onSubmit}
          onCancel={() => void navigate(`/institutions/${id}`)}
          error={error}
        />
      )}
    </>
  );
}
