import { Button, Empty, Flex, Form, InputNumber, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Dataset } from '@rhip/contracts';
import { CADENCE_MAX_HOURS, DATASET_LIST, DEFAULT_EXPECTED, TIMELINESS_MAX_HOURS, type InstitutionFormValues } from '../api/institution-form';

/**
 * The data sets an institution is expected to send (应报数据集), each with its
 * cadence and agreed timeliness, as rows of the form (`expectedDatasets`).
 */
export function ExpectedDatasetsField() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<InstitutionFormValues>();
  const rows = Form.useWatch('expectedDatasets', form) ?? [];
  const chosen = new Set(rows.map((r) => r?.dataset).filter(Boolean));

  return (
    <Form.List name="expectedDatasets">
      {(fields, { add, remove }) => (
        <div className="expected-datasets">
          {fields.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('institutions.form.noExpected')} />
          ) : (
            // Each control carries its own label ("第 1 行上报频率（小时）"); the header row is visual only.
            <div role="group" aria-label={t('institutions.form.expectedDatasets')} className="expected-grid">
              <div aria-hidden className="expected-grid-head">
                <span>{t('institutions.expected.dataset')}</span>
                <span>{t('institutions.expected.cadence')}</span>
                <span>{t('institutions.expected.timeliness')}</span>
                <span />
              </div>
              {fields.map((field, i) => {
                const current = rows[i]?.dataset;
                return (
                  <div key={field.key} className="expected-grid-row" data-testid={`expected-row-${i}`}>
                    <Form.Item
                      name={[field.name, 'dataset']}
                      rules={[{ required: true, message: t('institutions.form.datasetRequired') }]}
                      className="expected-cell"
                    >
                      <Select<Dataset>
                        aria-label={t('institutions.expected.datasetOfRow', { n: i + 1 })}
                        placeholder={t('institutions.form.chooseDataset')}
                        virtual={false}
                        showSearch={{ optionFilterProp: 'label' }}
                        options={DATASET_LIST.map((d) => ({
                          value: d,
                          label: t(`dataset.${d}`),
                          disabled: d !== current && chosen.has(d),
                        }))}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'cadenceHours']} className="expected-cell" rules={[{ required: true, message: t('institutions.form.hoursRequired') }]}>
                      <InputNumber
                        aria-label={t('institutions.expected.cadenceOfRow', { n: i + 1 })}
                        min={1}
                        max={CADENCE_MAX_HOURS}
                        precision={0}
                        suffix={t('institutions.form.hoursUnit')}
                        style={{ width: '100%' }}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'timelinessHours']} className="expected-cell" rules={[{ required: true, message: t('institutions.form.hoursRequired') }]}>
                      <InputNumber
                        aria-label={t('institutions.expected.timelinessOfRow', { n: i + 1 })}
                        min={1}
                        max={TIMELINESS_MAX_HOURS}
                        precision={0}
                        suffix={t('institutions.form.hoursUnit')}
                        style={{ width: '100%' }}
                      />
                    </Form.Item>
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('institutions.form.removeDataset', { n: i + 1 })}
                      onClick={() => remove(field.name)}
                    />
                  </div>
                );
              })}
            </div>
          )}
          <Flex align="center" gap={12} wrap>
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ ...DEFAULT_EXPECTED })}
              disabled={fields.length >= DATASET_LIST.length}
            >
              {t('institutions.form.addDataset')}
            </Button>
            <Typography.Text type="secondary" className="muted-small">
              {t('institutions.form.expectedHint')}
            </Typography.Text>
          </Flex>
        </div>
      )}
    </Form.List>
  );
}
