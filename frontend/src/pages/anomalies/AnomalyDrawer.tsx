/*
 * The detail of one anomaly: what the rule saw, its workflow (state, owner, notes), its
 * history, and the order with what every import changed on it.
 *
 * data-testid:
 *   anomaly-drawer            drawer content (data-id, data-state)
 *   anomaly-drawer-state-<s>  state buttons (open, in_progress, resolved, ignored)
 *   anomaly-drawer-owner      owner Select
 *   anomaly-note-input        note TextArea (Ctrl+Enter adds); anomaly-note-add its button
 *   anomaly-history           the history timeline; anomaly-event each entry (data-action)
 *   anomaly-cleared           the "resolved by the data" notice
 *   anomaly-order             the order section; anomaly-order-missing when not imported
 *   anomaly-order-changes     what imports changed on the order
 *   anomaly-complaint         the complaint (complaints); anomaly-complaint-delete its 删除 button
 *   anomaly-other             another anomaly of the same order (click opens it)
 */
import { useCallback, useEffect, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Divider,
  Drawer,
  Empty,
  Flex,
  Input,
  Popconfirm,
  Select,
  Skeleton,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  addAnomalyNote,
  assignAnomalies,
  deleteComplaint,
  getAnomaly,
  setAnomalyState,
  type AnomalyDetail,
  type AnomalyEvent,
} from '../../api/anomalies';
import type { Staff } from '../../api/staff';
import { errorText } from '../../api/errors';
import { platformLabel } from '../../components/labels';
import { formatFen } from '../../lib/money';
import { OrderNo } from '../orders/OrdersTable';
import { OrderStatusTag } from '../orders/OrderStatusTag';
import { clearedText, describe } from './describe';
import { KindTag, StateTag, Urgency } from './AnomalyTable';
import { STATES } from './logic';

interface Props {
  id: number | null;
  onClose: () => void;
  staff: Staff[];
  /** Who makes a change (asks the first time): see useActorPrompt. */
  ensureActor: () => Promise<number | null>;
  /** The anomaly changed (state, owner, notes): the list reloads. */
  onChanged: () => void;
  onOpen: (id: number) => void;
}

function eventText(t: TFunction, e: AnomalyEvent): string {
  const state = (s: string) => t(`anomalies.state.${s}`, { defaultValue: s });
  switch (e.action) {
    case 'state':
      return t('anomalies.history.state', { from: state(e.oldValue), to: state(e.newValue) });
    case 'owner':
      return e.newValue
        ? t('anomalies.history.owner', { name: e.newValue })
        : t('anomalies.history.unassigned', { name: e.oldValue });
    case 'note':
      return t('anomalies.history.note');
    case 'auto_resolved':
      return t('anomalies.history.autoResolved', { reason: clearedText(t, e.newValue, e.note) });
    case 'reopened':
      return e.newValue === 'changed' ? t('anomalies.history.reopenedChanged') : t('anomalies.history.reopened');
    case 'escalated':
      return t('anomalies.history.escalated', {
        from: t(`anomalies.kind.${e.oldValue}`, { defaultValue: e.oldValue }),
        to: t(`anomalies.kind.${e.newValue}`, { defaultValue: e.newValue }),
      });
  }
  return e.action;
}

const SYSTEM_ACTIONS = new Set(['auto_resolved', 'reopened', 'escalated']);

export function AnomalyDrawer({ id, onClose, staff, ensureActor, onChanged, onOpen }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [detail, setDetail] = useState<AnomalyDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [loadedAt, setLoadedAt] = useState(() => new Date());

  const load = useCallback(async () => {
    if (id === null) return;
    try {
      setDetail(await getAnomaly(id));
      setLoadedAt(new Date());
      setError(null);
    } catch (err) {
      setError(errorText(err, t('anomalies.loadFailed')));
    }
  }, [id, t]);

  useEffect(() => {
    setDetail(null);
    setNote('');
    void load();
  }, [load]);

  const act = async (fn: (actorId: number) => Promise<unknown>, done: string) => {
    const actorId = await ensureActor(); // the first change asks who is working
    if (actorId === null) return;
    setBusy(true);
    try {
      await fn(actorId);
      message.success(done);
      await load();
      onChanged();
    } catch (err) {
      message.error({ content: <span className="sd-error-text">{errorText(err, t('anomalies.actionFailed'))}</span>, duration: 6 });
    } finally {
      setBusy(false);
    }
  };

  const a = detail?.anomaly;
  const addNote = () => {
    if (!a || !note.trim()) return;
    void act(async (actorId) => {
      await addAnomalyNote(a.id, note, actorId);
      setNote('');
    }, t('anomalies.noteAdded'));
  };
  const dash = <Typography.Text type="secondary">-</Typography.Text>;
  const text = (v: string | number | undefined | null) => (v === '' || v === undefined || v === null ? dash : String(v));
  const o = detail?.order;
  const now = new Date();
  const actorName = (e: AnomalyEvent) =>
    e.actorName || (SYSTEM_ACTIONS.has(e.action) ? t('anomalies.history.system') : t('anomalies.history.nobody'));

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={640}
      destroyOnHidden
      title={
        a ? (
          <Flex align="center" gap={8}>
            <KindTag kind={a.kind} />
            <span className="sd-nowrap">{t('anomalies.drawer.title')}</span>
          </Flex>
        ) : (
          t('anomalies.drawer.title')
        )
      }
    >
      {error && <Alert type="error" showIcon title={<span className="sd-error-text">{error}</span>} />}
      {!detail && !error && <Skeleton active />}
      {a && detail && (
        <div data-testid="anomaly-drawer" data-id={a.id} data-state={a.state}>
          <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
            {STATES.map((s) => (
              <Button
                key={s}
                size="small"
                autoInsertSpace={false}
                data-testid={`anomaly-drawer-state-${s}`}
                type={a.state === s ? 'primary' : 'default'}
                disabled={busy || a.state === s}
                onClick={() => act((actorId) => setAnomalyState([a.id], s, actorId, note.trim()).then(() => setNote('')), t('anomalies.stateSet', { state: t(`anomalies.state.${s}`) }))}
              >
                {t(`anomalies.action.${s}`)}
              </Button>
            ))}
            <Select<number>
              data-testid="anomaly-drawer-owner"
              size="small"
              style={{ minWidth: 150, marginInlineStart: 'auto' }}
              value={a.ownerId}
              disabled={busy}
              popupMatchSelectWidth={false}
              onChange={(owner) => act((actorId) => assignAnomalies([a.id], owner, actorId), t('anomalies.assigned'))}
              options={[
                { value: 0, label: t('anomalies.unassigned') },
                ...staff
                  .filter((s) => s.active || s.id === a.ownerId)
                  .map((s) => ({ value: s.id, label: `${s.name}（${t(`settings.role.${s.role}`)}）` })),
              ]}
            />
          </Flex>
          {!a.active && a.resolution === 'auto' && (
            <Alert
              data-testid="anomaly-cleared"
              type="success"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('anomalies.drawer.clearedByData', { reason: clearedText(t, a.clearedReason, a.clearedDetail) })}
            />
          )}
          {!a.active && a.resolution !== 'auto' && (
            <Alert
              data-testid="anomaly-cleared"
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('anomalies.drawer.noLongerSeen', { reason: clearedText(t, a.clearedReason, a.clearedDetail) })}
            />
          )}
          <Descriptions
            column={1}
            bordered
            size="small"
            styles={{ label: { width: 112, whiteSpace: 'nowrap' } }}
            items={[
              { key: 'what', label: t('anomalies.col.what'), children: describe(t, a) },
              {
                key: 'order',
                label: t('anomalies.col.orderNo'),
                children: a.orderNo ? <OrderNo value={a.orderNo} /> : dash,
              },
              { key: 'shop', label: t('anomalies.col.shop'), children: `${a.shopName}（${platformLabel(t, a.platform)}）` },
              { key: 'since', label: t('anomalies.drawer.since'), children: text(a.since) },
              {
                key: 'deadline',
                label: t('anomalies.col.deadline'),
                children: a.deadline ? (
                  <Flex gap={8} wrap>
                    <span>{a.deadline}</span>
                    <Urgency a={a} now={now} loadedAt={loadedAt} />
                  </Flex>
                ) : (
                  dash
                ),
              },
              { key: 'basis', label: t('anomalies.drawer.basis'), children: t(`anomalies.basis.${a.basis || 'none'}`, { defaultValue: a.basis || '-' }) },
              {
                key: 'state',
                label: t('anomalies.col.state'),
                children: (
                  <Flex gap={8} align="center">
                    <StateTag state={a.state} />
                    {a.resolution === 'auto' && <Typography.Text type="secondary">{t('anomalies.drawer.byData')}</Typography.Text>}
                  </Flex>
                ),
              },
              { key: 'detected', label: t('anomalies.drawer.detected'), children: text(a.detectedAt) },
            ]}
          />

          {detail.complaint && (
            <>
              <Divider titlePlacement="start" plain>
                {t('anomalies.drawer.complaint')}
              </Divider>
              <div data-testid="anomaly-complaint">
                <Descriptions
                  column={2}
                  size="small"
                  items={[
                    { key: 'channel', label: t('anomalies.complaint.channel'), children: t(`anomalies.channel.${detail.complaint.channel}`) },
                    { key: 'severity', label: t('anomalies.complaint.severity'), children: t(`anomalies.severity.${detail.complaint.severity}`) },
                    { key: 'buyer', label: t('anomalies.complaint.buyer'), children: text(detail.complaint.buyer) },
                    { key: 'received', label: t('anomalies.complaint.receivedAt'), children: detail.complaint.receivedAt },
                    { key: 'content', label: t('anomalies.complaint.content'), span: 2, children: <span className="sd-error-text">{detail.complaint.content}</span> },
                  ]}
                />
                {a.active && (
                  <Popconfirm
                    title={t('anomalies.complaint.deleteTitle')}
                    description={t('anomalies.complaint.deleteBody')}
                    okText={t('anomalies.complaint.deleteOk')}
                    cancelText={t('common.cancel')}
                    okButtonProps={{ danger: true, ...({ 'data-testid': 'anomaly-complaint-delete-confirm' } as object) }}
                    onConfirm={() => act(() => deleteComplaint(detail.complaint!.id), t('anomalies.complaint.deleted'))}
                  >
                    <Button size="small" danger data-testid="anomaly-complaint-delete">
                      {t('anomalies.complaint.delete')}
                    </Button>
                  </Popconfirm>
                )}
              </div>
            </>
          )}

          <Divider titlePlacement="start" plain>
            {t('anomalies.drawer.notesAndHistory')}
          </Divider>
          <Flex gap={8} align="flex-start" style={{ marginBottom: 12 }}>
            <Input.TextArea
              data-testid="anomaly-note-input"
              value={note}
              onChange={(e) => setNote(e.target.value)}
              autoSize={{ minRows: 2, maxRows: 6 }}
              maxLength={2000}
              placeholder={t('anomalies.drawer.notePlaceholder')}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault();
                  addNote();
                }
              }}
            />
            <Button data-testid="anomaly-note-add" type="primary" disabled={busy || !note.trim()} onClick={addNote}>
              {t('anomalies.drawer.addNote')}
            </Button>
          </Flex>
          <div data-testid="anomaly-history">
            <Timeline
              items={[
                {
                  key: 'detected',
                  color: 'red',
                  content: (
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {a.detectedAt} · {t('anomalies.history.system')}
                      </Typography.Text>
                      <div>{t('anomalies.history.detected')}</div>
                    </div>
                  ),
                },
                ...detail.events.map((e) => ({
                  key: e.id,
                  color: e.action === 'note' ? 'blue' : SYSTEM_ACTIONS.has(e.action) ? 'green' : 'gray',
                  content: (
                    <div data-testid="anomaly-event" data-action={e.action}>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {e.at} · {actorName(e)}
                      </Typography.Text>
                      <div>{eventText(t, e)}</div>
                      {e.note && e.action !== 'auto_resolved' && (
                        <div className="sd-error-text" style={{ background: '#fafafa', padding: '4px 8px', borderRadius: 4 }}>
                          {e.note}
                        </div>
                      )}
                    </div>
                  ),
                })),
              ].reverse()}
            />
          </div>

          {detail.others.length > 0 && (
            <>
              <Divider titlePlacement="start" plain>
                {t('anomalies.drawer.others')}
              </Divider>
              <Flex wrap gap={8}>
                {detail.others.map((x) => (
                  <Button key={x.id} size="small" data-testid="anomaly-other" onClick={() => onOpen(x.id)}>
                    <KindTag kind={x.kind} /> <StateTag state={x.state} />
                  </Button>
                ))}
              </Flex>
            </>
          )}

          {a.orderNo && (
            <>
              <Divider titlePlacement="start" plain>
                {t('anomalies.drawer.order')}
              </Divider>
              {!o && <Empty data-testid="anomaly-order-missing" image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('anomalies.drawer.orderMissing')} />}
              {o && (
                <div data-testid="anomaly-order">
                  <Descriptions
                    column={2}
                    size="small"
                    styles={{ label: { whiteSpace: 'nowrap' } }}
                    items={[
                      { key: 'status', label: t('orders.col.status'), children: <OrderStatusTag status={o.status} statusText={o.statusText} /> },
                      { key: 'buyer', label: t('orders.col.buyer'), children: text(o.buyer) },
                      { key: 'pay', label: t('orders.col.pay'), children: formatFen(o.payFen) },
                      { key: 'refund', label: t('orders.drawer.refund'), children: o.refundFen > 0 ? formatFen(o.refundFen) : dash },
                      { key: 'created', label: t('orders.col.createdAt'), children: text(o.createdAt) },
                      { key: 'paid', label: t('orders.col.paidAt'), children: text(o.paidAt) },
                      { key: 'promised', label: t('anomalies.drawer.promised'), children: text(o.promisedShipAt) },
                      { key: 'shipped', label: t('orders.drawer.shippedAt'), children: text(o.shippedAt) },
                      { key: 'logistics', label: t('orders.col.logistics'), span: 2, children: text([o.carrier, o.trackingNo].filter(Boolean).join(' ')) },
                      { key: 'title', label: t('orders.col.title'), span: 2, children: text(o.title) },
                      { key: 'address', label: t('orders.drawer.address'), span: 2, children: text(o.address) },
                      { key: 'message', label: t('anomalies.drawer.buyerMessage'), span: 2, children: text(o.buyerMessage) },
                      { key: 'memo', label: t('anomalies.drawer.sellerMemo'), span: 2, children: text(o.sellerMemo) },
                    ]}
                  />
                  {detail.items.length > 0 && (
                    <Table
                      size="small"
                      rowKey="subOrderNo"
                      pagination={false}
                      style={{ marginTop: 8 }}
                      dataSource={detail.items}
                      columns={[
                        { key: 'title', title: t('anomalies.drawer.item'), dataIndex: 'title', ellipsis: true },
                        { key: 'qty', title: t('anomalies.drawer.quantity'), dataIndex: 'quantity', width: 56, align: 'right' },
                        { key: 'pay', title: t('orders.col.pay'), dataIndex: 'payFen', width: 96, align: 'right', render: (v: number) => formatFen(v) },
                        { key: 'refund', title: t('anomalies.drawer.refundStatus'), dataIndex: 'refundStatus', width: 170, ellipsis: true, render: (v: string) => v || dash },
                      ]}
                    />
                  )}
                </div>
              )}
              {detail.refunds.length > 0 && (
                <Flex vertical gap={6} style={{ marginTop: 12 }}>
                  {detail.refunds.map((r) => (
                    <Alert
                      key={r.refundNo}
                      type={r.status === 'open' ? 'warning' : 'info'}
                      title={
                        <Flex wrap gap={8}>
                          <Tag>{r.refundNo}</Tag>
                          <span>{r.statusText}</span>
                          <span>{formatFen(r.amountFen)}</span>
                          {r.kind && <span>{r.kind}</span>}
                          {r.deadlineAt && <span>{t('anomalies.drawer.refundDeadline', { time: r.deadlineAt })}</span>}
                          {r.returnTrackingNo && <span>{t('anomalies.drawer.returnWaybill', { no: `${r.returnCarrier} ${r.returnTrackingNo}` })}</span>}
                          {r.reason && <Typography.Text type="secondary">{r.reason}</Typography.Text>}
                        </Flex>
                      }
                    />
                  ))}
                </Flex>
              )}
              {o && (
                <div data-testid="anomaly-order-changes" style={{ marginTop: 12 }}>
                  <Typography.Text strong>{t('anomalies.drawer.orderHistory')}</Typography.Text>
                  <Timeline
                    style={{ marginTop: 8 }}
                    items={[
                      ...(detail.firstSeen
                        ? [
                            {
                              key: 'first',
                              color: 'gray',
                              content: (
                                <span>
                                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                                    {detail.firstSeen.at}
                                  </Typography.Text>{' '}
                                  {t('anomalies.drawer.firstSeen', { file: detail.firstSeen.file, batch: detail.firstSeen.batchId })}
                                </span>
                              ),
                            },
                          ]
                        : []),
                      ...detail.changes.map((c, i) => ({
                        key: i,
                        color: 'blue',
                        content: (
                          <span>
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {c.at}
                            </Typography.Text>{' '}
                            {t('anomalies.drawer.change', {
                              field: t(`anomalies.field.${c.field.startsWith('item:') ? c.field.split(':')[2] : c.field}`, { defaultValue: c.field }),
                              from: c.oldValue || '—',
                              to: c.newValue || '—',
                              file: c.file,
                            })}
                          </span>
                        ),
                      })),
                    ]}
                  />
                </div>
              )}
            </>
          )}
        </div>
      )}
    </Drawer>
  );
}
