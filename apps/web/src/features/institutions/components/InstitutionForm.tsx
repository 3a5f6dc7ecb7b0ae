import { useMemo, type ReactNode } from 'react';
import { Alert, Button, Card, Checkbox, Col, Flex, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Institution } from '@rhip/contracts';
import { useRegions } from '../../regions/api/useRegions';
import { LEVELS, OWNERSHIPS, TYPES } from '../api/institution-filters';
import { FLAG_FIELDS, type InstitutionFormValues } from '../api/institution-form';
import { ExpectedDatasetsField } from './ExpectedDatasetsField';

interface InstitutionFormProps {
  mode: 'create' | 'edit';
  initialValues: InstitutionFormValues;
  submitting: boolean;
  onSubmit: (values: InstitutionFormValues) => void;
  onCancel: () => void;
  /** The form instance, so the page can show the API's field errors on it. */
  form: ReturnType<typeof Form.useForm<InstitutionFormValues>>[0];
  /** An error the fields cannot show (shown above the buttons). */
  error?: ReactNode;
}

/** Register or edit an institution: identity, classification, IT attributes and expected data sets. */
export function InstitutionForm({ mode, initialValues, submitting, onSubmit, onCancel, form, error }: InstitutionFormProps) {
  const { t } = useTranslation();
  const regions = useRegions();
  const regionCode = Form.useWatch('regionCode', form);
  const townships = useMemo(
    () =>
      [...regions.byCode.values()]
        .filter((r) => r.level === 'township' && r.parentCode === regionCode)
        .sort((a, b) => a.code.localeCompare(b.code)),
    [regions.byCode, regionCode],
  );

  return (
    <Form<InstitutionFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={onSubmit}
      // Townships belong to a county: a new county clears the township.
      onValuesChange={(changed: Partial<InstitutionFormValues>) => {
        if ('regionCode' in changed) form.setFieldValue('townshipCode', undefined);
      }}
      scrollToFirstError={{ focus: true, block: 'center' }}
      requiredMark
      aria-label={mode === 'create' ? t('institutions.form.createTitle') : t('institutions.form.editTitle')}
    >
      <Card size="small" title={t('institutions.form.identity')} className="form-section">
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <Form.Item
              name="code"
              label={t('institutions.form.code')}
              extra={mode === 'create' ? t('institutions.form.codeHint') : t('institutions.form.codeFixed')}
              rules={[{ required: true, whitespace: true, message: t('institutions.form.codeRequired') }]}
              normalize={(v: string) => v.toUpperCase()}
            >
              <Input maxLength={22} disabled={mode === 'edit'} autoComplete="off" spellCheck={false} className="mono" />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item
              name="name"
              label={t('institutions.form.name')}
              rules={[
                { required: true, whitespace: true, message: t('institutions.form.nameRequired') },
                { min: 2, max: 200, message: t('institutions.form.nameLength') },
              ]}
            >
              <Input maxLength={200} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} lg={8}>
            <Form.Item name="regionCode" label={t('institutions.form.county')} rules={[{ required: true, message: t('institutions.form.countyRequired') }]}>
              <Select
                loading={regions.isPending}
                placeholder={t('institutions.form.chooseCounty')}
                options={regions.counties.map((c) => ({ value: c.code, label: c.name }))}
                showSearch={{ optionFilterProp: 'label' }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} lg={8}>
            <Form.Item name="townshipCode" label={t('institutions.form.township')}>
              <Select
                allowClear
                disabled={!regionCode || townships.length === 0}
                placeholder={regionCode ? t('institutions.form.chooseTownship') : t('institutions.form.chooseCountyFirst')}
                options={townships.map((c) => ({ value: c.code, label: c.name }))}
                showSearch={{ optionFilterProp: 'label' }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} lg={8}>
            <Form.Item name="address" label={t('institutions.form.address')}>
              <Input maxLength={200} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="level" label={t('institutions.columns.level')} rules={[{ required: true }]}>
              <Select<Institution['level']> virtual={false} options={LEVELS.map((l) => ({ value: l, label: t(`institution.level.${l}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="type" label={t('institutions.columns.type')} rules={[{ required: true }]}>
              <Select<Institution['type']> virtual={false} options={TYPES.map((v) => ({ value: v, label: t(`institution.type.${v}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="ownership" label={t('institutions.columns.ownership')} rules={[{ required: true }]}>
              <Select<Institution['ownership']> virtual={false} options={OWNERSHIPS.map((v) => ({ value: v, label: t(`institution.ownership.${v}`) }))} />
            </Form.Item>
          </Col>
          {mode === 'edit' ? (
            <Col xs={24}>
              <Form.Item name="active" label={t('institutions.form.active')} valuePropName="checked" extra={t('institutions.form.activeHint')}>
                <Switch checkedChildren={t('institutions.status.active')} unCheckedChildren={t('institutions.status.inactive')} />
              </Form.Item>
            </Col>
          ) : null}
        </Row>
      </Card>

      <Card size="small" title={t('institutions.form.expectedDatasets')} className="form-section">
        <ExpectedDatasetsField />
      </Card>

      <Card size="small" title={t('institutions.detail.it')} className="form-section">
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="emrLevel" label={t('institutions.attributes.emrLevel')} extra={t('institutions.form.emrLevelHint')}>
              <InputNumber min={0} max={8} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="interopLevel" label={t('institutions.attributes.interopLevel')}>
              <Input maxLength={32} placeholder={t('institutions.form.interopPlaceholder')} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="flags" label={t('institutions.form.flags')}>
              <Checkbox.Group options={FLAG_FIELDS.map((f) => ({ value: f, label: t(`institutions.attributes.${f}`) }))} />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      {error ? <Alert type="error" showIcon role="alert" title={error} className="form-section" /> : null}
      <Flex gap={12} className="form-actions">
        <Button type="primary" htmlType="submit" loading={submitting}>
          {mode === 'create' ? t('institutions.form.submitCreate') : t('institutions.form.submitEdit')}
        </Button>
        <Button onClick={onCancel} disabled={submitting}>
          {t('common.cancel')}
        </Button>
      </Flex>
    </Form>
  );
}
