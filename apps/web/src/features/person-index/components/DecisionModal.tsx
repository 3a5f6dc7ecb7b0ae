import { useEffect } from 'react';
import { Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MatchReview } from '@rhip/contracts';

interface DecisionModalProps {
  pending: { review: MatchReview; decision: 'accept' | 'reject' } | null;
  submitting: boolean;
  onConfirm: (note: string | undefined) => void;
  onCancel: () => void;
}

/** Confirms a review decision, with an optional note kept in the audit trail. */
export function DecisionModal({ pending, submitting, onConfirm, onCancel }: DecisionModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ note?: string }>();
  const accept = pending?.decision === 'accept';
  useEffect(() => {
    if (pending) form.resetFields();
  }, [pending, form]);

  return (
    <Modal
      open={pending !== null}
      title={accept ? t('personIndex.review.acceptTitle') : t('personIndex.review.rejectTitle')}
      okText={accept ? t('personIndex.review.accept') : t('personIndex.review.reject')}
      okButtonProps={{ danger: !accept }}
      cancelText={t('common.cancel')}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={onCancel}
      forceRender
    >
      {pending ? (
        <Typography.Paragraph>
          {accept
            ? t('personIndex.review.acceptExplain', { id: pending.review.candidate.masterPersonId, sourceId: pending.review.sourceId })
            : t('personIndex.review.rejectExplain', { sourceId: pending.review.sourceId })}
        </Typography.Paragraph>
      ) : null}
      <Form form={form} layout="vertical" onFinish={(v) => onConfirm(v.note?.trim() || undefined)}>
        <Form.Item name="note" label={t('personIndex.review.note')} extra={t('personIndex.review.noteHint')}>
          <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
