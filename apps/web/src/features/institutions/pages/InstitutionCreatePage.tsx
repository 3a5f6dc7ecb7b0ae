import { App as AntApp, Breadcrumb, Form } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { useFormApiErrors } from '../api/institution-errors';
import { EMPTY_FORM, toCreateBody, type InstitutionFormValues } from '../api/institution-form';
import { useCreateInstitution } from '../api/useInstitutionMutations';
import { InstitutionForm } from '../components/InstitutionForm';

/** 登记机构: register an institution, then go to its page (where keys are issued). */
export default function InstitutionCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<InstitutionFormValues>();
  const create = useCreateInstitution();
  const { error, showError, clearError } = useFormApiErrors(form);

  const onSubmit = (values: InstitutionFormValues) => {
    clearError();
    create.mutate(toCreateBody(values), {
      onSuccess: (created) => {
        void message.success(t('institutions.form.created', { name: created.name }));
        void navigate(`/institutions/${created.id}`);
      },
      onError: showError,
    });
  };

  return (
    <>
      <Breadcrumb
        className="page-breadcrumb"
        items={[{ title: <Link to="/institutions">{t('institutions.pageTitle')}</Link> }, { title: t('institutions.form.createTitle') }]}
      />
      <PageHeader title={t('institutions.form.createTitle')} subtitle={t('institutions.form.createSubtitle')} />
      <InstitutionForm
        mode="create"
        form={form}
        initialValues={EMPTY_FORM}
        submitting={create.isPending}
        onSubmit={onSubmit}
        onCancel={() => void navigate('/institutions')}
        error={error}
      />
    </>
  );
}
