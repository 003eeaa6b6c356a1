/*
 * 考勤 attendance: the clock (ClockPanel) and the month's rostered shifts as attended, the
 * owner's corrections (CorrectionModal) and their history.
 *
 * data-testid: attendance-tab, attendance-person (filter), attendance-issues (只看异常),
 *   attendance-row (data-name, data-day, data-shift), attendance-correct (更正 on a row),
 *   attendance-strays, attendance-corrections (history; correction-row each), attendance-empty
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Empty, Flex, Row, Select, Switch, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { getAttendance, type AttendanceMonth, type CorrectionRecord, type ShiftRecord } from '../../api/staff';
import { errorText } from '../../api/errors';
import { ClockPanel } from './ClockPanel';
import { CorrectionModal, type CorrectionTarget } from './CorrectionModal';
import { MonthSwitch } from './MonthSwitch';
import { clockText, dayText, hoursText, recordIsIssue, recordTags } from './text';
import { useStaffCtx } from './StaffContext';

interface Row extends ShiftRecord {
  key: string;
  name: string;
}

export function AttendanceTab({ month, thisMonth, onMonth, onOpenHandover }: { month: string; thisMonth: string; onMonth: (m: string) => void; onOpenHandover: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [data, setData] = useState<AttendanceMonth | null>(null);
  const [person, setPerson] = useState<number | undefined>();
  const [issues, setIssues] = useState(false);
  const [target, setTarget] = useState<CorrectionTarget | null>(null);

  const load = useCallback(async () => {
    try {
      setData(await getAttendance(month));
    } catch (err) {
      message.error(errorText(err, t('staff.loadFailed')));
    }
  }, [month, message, t]);
  useEffect(() => {
    void load();
  }, [load]);

  const { wallNow } = useStaffCtx();
  const rows = useMemo<Row[]>(() => {
    // Shifts still to come are not shown: the list is what happened, newest first.
    const now = wallNow();
    const out: Row[] = [];
    for (const p of data?.people ?? []) {
      if (person && p.id !== person) continue;
      for (const r of p.records) {
        if (issues && !recordIsIssue(r)) continue;
        if (r.status === 'pending' && r.start > now) continue;
        out.push({ ...r, key: `${p.id}:${r.day}:${r.shiftId}`, name: p.name } as Row);
      }
    }
    return out.sort((a, b) => b.start.localeCompare(a.start) || a.name.localeCompare(b.name));
  }, [data, person, issues, wallNow]);

  const suggest = useCallback(
    (staffId: number): 'in' | 'out' => {
      const p = data?.people.find((x) => x.id === staffId);
      return p?.records.some((r) => r.status === 'worked' && r.in && !r.out && !r.missingOut) ? 'out' : 'in';
    },
    [data],
  );

  const strays = (data?.people ?? []).flatMap((p) => p.strays.map((s) => ({ ...s, name: p.name })));
  return (
    <div data-testid="attendance-tab">
      <Row gutter={16}>
        <Col flex="340px">
          <ClockPanel suggest={suggest} onPunched={() => void load()} onOpenHandover={onOpenHandover} />
        </Col>
        <Col flex="1" style={{ minWidth: 0 }}>
          <Card
            title={
              <Flex align="center" gap={12} wrap>
                <MonthSwitch month={month} thisMonth={thisMonth} onChange={onMonth} />
              </Flex>
            }
            extra={
              <Flex gap={12} align="center">
                <Select
                  data-testid="attendance-person"
                  allowClear
                  placeholder={t('staff.attendance.everyone')}
                  style={{ width: 130 }}
                  value={person}
                  onChange={setPerson}
                  options={(data?.people ?? []).map((p) => ({ value: p.id, label: p.name }))}
                />
                <span className="sd-nowrap">
                  <Switch size="small" data-testid="attendance-issues" checked={issues} onChange={setIssues} /> {t('staff.attendance.issuesOnly')}
                </span>
              </Flex>
            }
          >
            {data?.closed && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('staff.attendance.closed')} />}
            <Table<Row>
              className="sd-staff-table"
              size="small"
              rowKey="key"
              dataSource={rows}
              loading={!data}
              pagination={{ pageSize: 15, showSizeChanger: false, size: 'small' }}
              locale={{ emptyText: <Empty data-testid="attendance-empty" description={issues ? t('staff.attendance.noIssues') : t('staff.attendance.empty')} /> }}
              onRow={(r) => ({ 'data-testid': 'attendance-row', 'data-name': r.name, 'data-day': r.day, 'data-shift': r.shiftName }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                { key: 'day', title: t('staff.attendance.day'), width: 78, render: (_, r) => <span className="sd-nowrap">{dayText(t, r.day)}</span> },
                { key: 'name', title: t('staff.attendance.name'), dataIndex: 'name', width: 80, ellipsis: true },
                {
                  key: 'shift',
                  title: t('staff.attendance.shift'),
                  width: 130,
                  render: (_, r) => (
                    <div style={{ lineHeight: 1.3 }}>
                      <div>{r.shiftName}</div>
                      <Typography.Text type="secondary" className="sd-nowrap" style={{ fontSize: 12 }}>{hoursText(t, r)}</Typography.Text>
                    </div>
                  ),
                },
                { key: 'in', title: t('staff.attendance.in'), width: 70, render: (_, r) => clockText(t, r.in, r.day) },
                { key: 'out', title: t('staff.attendance.out'), width: 110, render: (_, r) => <span className="sd-nowrap">{clockText(t, r.out, r.day)}</span> },
                {
                  key: 'tags',
                  title: t('staff.attendance.state'),
                  render: (_, r) => recordTags(t, r).map((g) => (
                    <Tag key={g.text} color={g.color}>
                      {g.text}
                    </Tag>
                  )),
                },
                {
                  key: 'op',
                  title: '',
                  width: 70,
                  render: (_, r) =>
                    r.status !== 'leave' && r.status !== 'pending' && !data?.closed ? (
                      <Button size="small" data-testid="attendance-correct" onClick={() => setTarget({ record: r, name: r.name })}>
                        {t('staff.attendance.correct')}
                      </Button>
                    ) : null,
                },
              ]}
            />
          </Card>
          {strays.length > 0 && (
            <Card size="small" style={{ marginTop: 16 }} title={t('staff.attendance.strays')} data-testid="attendance-strays">
              <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
                {t('staff.attendance.straysHelp')}
              </Typography.Paragraph>
              {strays.map((s) => (
                <Tag key={s.id}>
                  {s.name} {s.at.slice(0, 16)} {s.kind ? t(`staff.punchKind.${s.kind}`) : ''}
                </Tag>
              ))}
            </Card>
          )}
          <Card size="small" style={{ marginTop: 16 }} title={t('staff.attendance.history')} data-testid="attendance-corrections">
            <Table<CorrectionRecord>
              className="sd-staff-table"
              size="small"
              rowKey="id"
              dataSource={data?.corrections ?? []}
              pagination={false}
              locale={{ emptyText: t('staff.attendance.noHistory') }}
              onRow={() => ({ 'data-testid': 'correction-row' }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                { key: 'at', title: t('staff.attendance.correctedAt'), width: 130, render: (_, c) => <span className="sd-nowrap">{c.at.slice(0, 16)}</span> },
                { key: 'name', title: t('staff.attendance.name'), dataIndex: 'staffName', width: 80 },
                { key: 'action', title: t('staff.attendance.action'), width: 70, render: (_, c) => t(`staff.correct.actionName.${c.action}`) },
                {
                  key: 'what',
                  title: t('staff.attendance.change'),
                  width: 170,
                  render: (_, c) => (
                    <div style={{ lineHeight: 1.4 }}>
                      <div className="sd-nowrap">{c.oldAt ? `${t(`staff.punchKind.${c.oldKind || 'raw'}`)} ${c.oldAt.slice(5, 16)}` : '—'}</div>
                      <div className="sd-nowrap">→ {c.newAt ? `${t(`staff.punchKind.${c.newKind}`)} ${c.newAt.slice(5, 16)}` : t('staff.correct.voided')}</div>
                    </div>
                  ),
                },
                { key: 'reason', title: t('staff.correct.reason'), dataIndex: 'reason', ellipsis: true },
                { key: 'owner', title: t('staff.attendance.by'), dataIndex: 'ownerName', width: 80 },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <CorrectionModal
        target={target}
        onClose={() => setTarget(null)}
        onDone={() => {
          setTarget(null);
          void load();
        }}
      />
    </div>
  );
}
