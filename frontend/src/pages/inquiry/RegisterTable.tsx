/*
 * The register (登记表): the saved rows a page at a time, newest first, with filters, the
 * rows still to complete (imported without a reason), edit, delete with undo, and the
 * Excel export in the layout of the sheet.
 *
 * data-testid: register-table, register-row (data-customer, data-outcome), register-total,
 * register-search, register-incomplete, register-export, register-edit, register-delete,
 * register-empty.
 */
import { useCallback, useEffect, useState } from 'react';
import { App, Button, Card, DatePicker, Empty, Flex, Input, Popconfirm, Select, Table, Tag, Tooltip, Typography } from 'antd';
import { DeleteOutlined, DownloadOutlined, EditOutlined, LinkOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { addInquiry, deleteInquiry, exportRegister, listInquiries, type Inquiry, type InquiryPage, type InquiryQuery } from '../../api/inquiry';
import { errorText } from '../../api/errors';
import { formatFen } from '../../lib/money';
import { OUTCOMES, outcomeColor, REASON_MISSING } from './domain';
import { EditModal } from './EditModal';
import type { Refs } from './useRefs';

interface Props {
  refs: Refs;
  version: number;
  onChanged: () => void;
}

export function RegisterTable({ refs, version, onChanged }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [q, setQ] = useState<Partial<InquiryQuery>>({ page: 1, pageSize: 20 });
  const [data, setData] = useState<InquiryPage | null>(null);
  const [loading, setLoading] = useState(false);
  const [editing, setEditing] = useState<Inquiry | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setData(await listInquiries(q));
    } catch (err) {
      message.error(errorText(err, t('inquiry.common.loadFailed')));
    } finally {
      setLoading(false);
    }
  }, [q, message, t]);
  useEffect(() => {
    void load();
  }, [load, version]);

  const filter = (patch: Partial<InquiryQuery>) => setQ((x) => ({ ...x, ...patch, page: 1 }));

  const remove = async (r: Inquiry) => {
    try {
      const gone = await deleteInquiry(r.id);
      onChanged();
      const key = `deleted-${r.id}`;
      message.open({
        key,
        type: 'success',
        duration: 8,
        content: (
          <span>
            {t('inquiry.register.deleted', { customer: gone.customer })}{' '}
            <Button
              size="small"
              type="link"
              data-testid="register-undo"
              onClick={async () => {
                message.destroy(key);
                try {
                  await addInquiry({ ...gone, id: 0 });
                  message.success(t('inquiry.register.restored'));
                  onChanged();
                } catch (err) {
                  message.error(errorText(err, t('inquiry.common.saveFailed')));
                }
              }}
            >
              {t('inquiry.register.undo')}
            </Button>
          </span>
        ),
      });
    } catch (err) {
      message.error(errorText(err, t('inquiry.common.saveFailed')));
    }
  };

  const doExport = async () => {
    try {
      const f = await exportRegister({ ...q, page: 1 });
      if (f.path || f.url) message.success(t('inquiry.register.exported', { n: f.rows }));
      else message.info(t('inquiry.register.exportCanceled'));
    } catch (err) {
      message.error(errorText(err, t('inquiry.common.saveFailed')));
    }
  };

  const columns = [
    { title: t('inquiry.field.askedOn'), width: 150, render: (_: unknown, r: Inquiry) => <span className="sd-nowrap">{r.askedOn} {r.askedTime}</span> },
    { title: t('inquiry.field.customer'), dataIndex: 'customer', width: 130, ellipsis: true },
    { title: t('inquiry.field.channel'), dataIndex: 'channel', width: 90, ellipsis: true },
    { title: t('inquiry.field.products'), render: (_: unknown, r: Inquiry) => r.products.join('、'), ellipsis: true },
    {
      title: t('inquiry.field.outcome'),
      width: 100,
      render: (_: unknown, r: Inquiry) => <Tag color={outcomeColor(r.outcome)}>{t(`inquiry.outcome.${r.outcome}`)}</Tag>,
    },
    {
      title: `${t('inquiry.field.amount')} / ${t('inquiry.field.reason')}`,
      width: 130,
      render: (_: unknown, r: Inquiry) =>
        r.outcome === 'deal' ? (
          <Tooltip title={r.dealOrderNo ? t('inquiry.register.linked', { orderNo: r.dealOrderNo }) : undefined}>
            <span>{formatFen(r.amountFen)}{r.dealOrderNo && <LinkOutlined style={{ marginInlineStart: 4 }} />}</span>
          </Tooltip>
        ) : r.outcome === 'no_deal' ? (
          r.reason === REASON_MISSING ? <Tag color="red">{r.reason}</Tag> : r.reason
        ) : (
          ''
        ),
    },
    { title: t('inquiry.field.agent'), dataIndex: 'agentName', width: 72, ellipsis: true },
    { title: t('inquiry.field.customerType'), dataIndex: 'customerType', width: 90, ellipsis: true },
    { title: t('inquiry.field.region'), dataIndex: 'region', width: 64, ellipsis: true },
    { title: t('inquiry.field.followNote'), dataIndex: 'followNote', width: 150, ellipsis: true },
    { title: t('inquiry.field.nextFollowOn'), dataIndex: 'nextFollowOn', width: 100 },
    {
      title: '',
      width: 76,
      fixed: 'right' as const,
      render: (_: unknown, r: Inquiry) => (
        <Flex gap={2}>
          <Button size="small" type="text" icon={<EditOutlined />} data-testid="register-edit" aria-label={t('inquiry.register.edit')} onClick={() => setEditing(r)} />
          <Popconfirm
            title={t('inquiry.register.deleteTitle')}
            okText={t('inquiry.register.deleteOk')}
            cancelText={t('common.cancel')}
            onConfirm={() => void remove(r)}
            okButtonProps={{ danger: true, ...({ 'data-testid': 'register-delete-ok' } as object) }}
          >
            <Button size="small" type="text" danger icon={<DeleteOutlined />} data-testid="register-delete" aria-label={t('inquiry.register.delete')} />
          </Popconfirm>
        </Flex>
      ),
    },
  ];

  const range: [Dayjs | null, Dayjs | null] = [q.from ? dayjs(q.from) : null, q.to ? dayjs(q.to) : null];

  return (
    <Card
      size="small"
      title={t('inquiry.register.title')}
      data-testid="register-table"
      extra={
        <Button icon={<DownloadOutlined />} data-testid="register-export" onClick={() => void doExport()}>
          {t('inquiry.register.export')}
        </Button>
      }
    >
      <Flex gap={8} wrap style={{ marginBottom: 10 }}>
        <DatePicker.RangePicker
          value={range}
          allowEmpty={[true, true]}
          placeholder={[t('inquiry.register.from'), t('inquiry.register.to')]}
          onChange={(v) => filter({ from: v?.[0]?.format('YYYY-MM-DD') ?? '', to: v?.[1]?.format('YYYY-MM-DD') ?? '' })}
          style={{ width: 250 }}
        />
        <Select
          style={{ width: 110 }}
          value={q.outcome ?? ''}
          onChange={(v) => filter({ outcome: v })}
          options={[{ value: '', label: t('inquiry.common.all') }, ...OUTCOMES.map((o) => ({ value: o, label: t(`inquiry.outcome.${o}`) }))]}
        />
        <Select
          style={{ width: 120 }}
          value={q.channel ?? ''}
          onChange={(v) => filter({ channel: v })}
          options={[{ value: '', label: t('inquiry.field.channel') }, ...refs.choices('channel').map((c) => ({ value: c, label: c }))]}
        />
        <Select
          style={{ width: 110 }}
          value={q.agentId ?? 0}
          onChange={(v) => filter({ agentId: v })}
          options={[{ value: 0, label: t('inquiry.field.agent') }, ...refs.staff.map((s) => ({ value: s.id, label: s.name }))]}
        />
        <Input.Search
          allowClear
          data-testid="register-search"
          placeholder={t('inquiry.register.search')}
          style={{ width: 200 }}
          onSearch={(v) => filter({ search: v })}
        />
        {(data?.incomplete ?? 0) > 0 && (
          <Tooltip title={t('inquiry.register.incompleteHint')}>
            <Button danger={!q.incomplete} type={q.incomplete ? 'primary' : 'default'} data-testid="register-incomplete" onClick={() => filter({ incomplete: !q.incomplete })}>
              {t('inquiry.register.incomplete', { n: data?.incomplete })}
            </Button>
          </Tooltip>
        )}
      </Flex>
      <Table<Inquiry>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={data?.rows ?? []}
        columns={columns}
        scroll={{ x: 1300 }}
        onRow={(r) => ({ 'data-testid': 'register-row', 'data-customer': r.customer, 'data-outcome': r.outcome, onDoubleClick: () => setEditing(r) }) as React.HTMLAttributes<HTMLElement>}
        locale={{ emptyText: <Empty data-testid="register-empty" description={t('inquiry.register.empty')} /> }}
        pagination={{
          current: q.page,
          pageSize: q.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => <Typography.Text data-testid="register-total">{t('inquiry.register.total', { n })}</Typography.Text>,
          onChange: (page, pageSize) => setQ((x) => ({ ...x, page, pageSize })),
        }}
      />
      <EditModal row={editing} refs={refs} onClose={() => setEditing(null)} onSaved={onChanged} />
    </Card>
  );
}
