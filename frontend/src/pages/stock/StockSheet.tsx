/*
 * The stock sheet (库存表): one page of SKUs with their figures, sorted, filtered and paged in
 * SQL (StockService.List); on hand is edited in place (OnHandEditor), a row opens the drawer.
 *
 * data-testid:
 *   stock-sheet               the tab's root (data-day: the day of the figures)
 *   stock-as-of               "按 … 计算" line
 *   stock-filter-status       status Radio.Group; stock-status-<s> each button (with its count)
 *   stock-filter-shop         shop Select;  stock-filter-supplier  supplier Select
 *   stock-filter-search       Input.Search;  stock-filter-inactive  含已停用 Checkbox
 *   stock-table               the table; stock-row each body row (data-code, data-status)
 *   stock-days-left           the days-left cell;  stock-status  the status tag
 *   stock-total               "共 N 个商品"
 *   stock-empty-none          no SKU at all (what to do); stock-empty-import its button
 *   stock-empty-filtered      nothing matches; stock-clear-filters its button
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Checkbox, Empty, Flex, Input, Radio, Result, Select, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType, TablePaginationConfig } from 'antd/es/table';
import type { SorterResult } from 'antd/es/table/interface';
import { CloudUploadOutlined, DatabaseOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { listStock, listSuppliers, type StockPage, type StockRow } from '../../api/stock';
import { errorText } from '../../api/errors';
import { formatFen } from '../../lib/money';
import { useAppData } from '../../state/AppData';
import { OnHandEditor } from './OnHandEditor';
import { takeFilter } from '../../lib/pageLink';
import { DASH, STATUSES, fmt1, fmtAvg, rankColor, sortOrderOf, statusColor } from './format';

interface Props {
  version: number;
  onOpen: (id: number) => void;
  onChanged: () => void;
}

interface Filters {
  status: string;
  shopId: number;
  supplier: string;
  search: string;
  all: boolean;
}

const noFilters: Filters = { status: '', shopId: 0, supplier: '', search: '', all: false };

export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t(`stock.statusHelp.${status}`, { defaultValue: '' })}>
      <Tag color={statusColor(status)} data-testid="stock-status" className="sd-nowrap">
        {t(`stock.status.${status}`, { defaultValue: status })}
      </Tag>
    </Tooltip>
  );
}

export function DaysLeft({ row }: { row: Pick<StockRow, 'daysLeft'> }) {
  const { t } = useTranslation();
  if (row.daysLeft === undefined || row.daysLeft === null) {
    return (
      <Tooltip title={t('stock.noFigureHelp')}>
        <Typography.Text type="secondary" data-testid="stock-days-left">
          {DASH}
        </Typography.Text>
      </Tooltip>
    );
  }
  return (
    <span className="sd-nowrap" data-testid="stock-days-left">
      {t('stock.days', { value: fmt1(row.daysLeft) })}
    </span>
  );
}

export function StockSheet({ version, onOpen, onChanged }: Props) {
  const { t } = useTranslation();
  const { shops, dataVersion, navigate } = useAppData();
  // A count on 今日清单 opens the sheet filtered to its status (lib/pageLink).
  const [filters, setFilters] = useState<Filters>(() => ({ ...noFilters, status: takeFilter('stock').status ?? '' }));
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState({ key: '', desc: false });
  const [paging, setPaging] = useState({ page: 1, size: 50 });
  const [data, setData] = useState<StockPage | null>(null);
  const [suppliers, setSuppliers] = useState<string[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);

  const load = useCallback(async () => {
    const my = ++seq.current;
    setLoading(true);
    try {
      const p = await listStock({ ...filters, sort: sort.key, desc: sort.desc, page: paging.page, pageSize: paging.size });
      if (my !== seq.current) return;
      setData(p);
      setError(null);
    } catch (err) {
      if (my === seq.current) setError(errorText(err, t('stock.loadFailed')));
    } finally {
      if (my === seq.current) setLoading(false);
    }
  }, [filters, sort, paging, t]);

  useEffect(() => {
    void load();
  }, [load, version, dataVersion]);

  useEffect(() => {
    listSuppliers()
      .then(setSuppliers)
      .catch(() => setSuppliers([]));
  }, [version, dataVersion]);

  const setFilter = (f: Partial<Filters>) => {
    setFilters((old) => ({ ...old, ...f }));
    setPaging((p) => ({ ...p, page: 1 }));
  };
  const filtered = filters.status !== '' || filters.shopId !== 0 || filters.supplier !== '' || filters.search !== '' || filters.all;
  const counts = data?.counts ?? {};
  const all = Object.values(counts).reduce((a, b) => a + b, 0);

  const columns: ColumnsType<StockRow> = useMemo(
    () => [
      {
        key: 'code',
        title: t('stock.col.code'),
        dataIndex: 'code',
        width: 140,
        fixed: 'left',
        sorter: true,
        sortOrder: sortOrderOf('code', sort.key, sort.desc),
        render: (v: string) => <span className="sd-mono">{v}</span>,
      },
      {
        key: 'name',
        title: t('stock.col.item'),
        width: 230,
        sorter: true,
        sortOrder: sortOrderOf('name', sort.key, sort.desc),
        render: (_: unknown, r) => (
          <div style={{ minWidth: 0 }}>
            <Typography.Text ellipsis={{ tooltip: r.name }} style={{ maxWidth: 220, display: 'block' }}>
              {r.name || r.code}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.spec}
              {r.role && <Tag style={{ marginInlineStart: r.spec ? 6 : 0 }}>{t(`stock.role.${r.role}`)}</Tag>}
              {!r.active && <Tag>{t('stock.inactive')}</Tag>}
            </Typography.Text>
          </div>
        ),
      },
      {
        key: 'on_hand',
        title: t('stock.col.onHand'),
        width: 110,
        align: 'right',
        sorter: true,
        sortOrder: sortOrderOf('on_hand', sort.key, sort.desc),
        render: (_: unknown, r) => <OnHandEditor row={r} onSaved={onChanged} />,
      },
      { key: 'in_transit', title: t('stock.col.inTransit'), dataIndex: 'inTransit', width: 70, align: 'right', render: (v: number) => v || '' },
      {
        key: 'avg',
        title: <Tooltip title={t('stock.col.avgHelp')}>{t('stock.col.avgDays')}</Tooltip>,
        width: 150,
        align: 'right',
        sorter: true,
        sortOrder: sortOrderOf('avg', sort.key, sort.desc),
        render: (_: unknown, r) => (
          <span className="sd-nowrap">
            {fmtAvg(r.avg7)} / {fmtAvg(r.avg14)} / {fmtAvg(r.avg30)}
          </span>
        ),
      },
      {
        key: 'days_left',
        title: t('stock.col.daysLeft'),
        width: 100,
        align: 'right',
        sorter: true,
        sortOrder: sortOrderOf('days_left', sort.key, sort.desc),
        render: (_: unknown, r) => <DaysLeft row={r} />,
      },
      {
        key: 'reorder_qty',
        title: t('stock.col.reorder'),
        dataIndex: 'reorderQty',
        width: 95,
        align: 'right',
        sorter: true,
        sortOrder: sortOrderOf('reorder_qty', sort.key, sort.desc),
        render: (v: number) => (v > 0 ? <Typography.Text strong>{v}</Typography.Text> : ''),
      },
      {
        key: 'status',
        title: t('stock.col.status'),
        dataIndex: 'status',
        width: 90,
        sorter: true,
        sortOrder: sortOrderOf('status', sort.key, sort.desc),
        render: (v: string) => <StatusTag status={v} />,
      },
      {
        key: 'value',
        title: t('stock.col.value'),
        dataIndex: 'valueFen',
        width: 110,
        align: 'right',
        sorter: true,
        sortOrder: sortOrderOf('value', sort.key, sort.desc),
        render: (v: number) => (v ? <span className="sd-nowrap">{formatFen(v)}</span> : ''),
      },
      {
        key: 'sold',
        title: t('stock.col.rank'),
        width: 170,
        sorter: true,
        sortOrder: sortOrderOf('sold', sort.key, sort.desc),
        render: (_: unknown, r) =>
          r.rankUnits ? (
            <Flex gap={4}>
              <Tag color={rankColor(r.rankUnits)}>{t(`stock.rank.${r.rankUnits}`)}</Tag>
              <Tag color={rankColor(r.rankMargin)}>{t(`stock.rank.${r.rankMargin}`)}</Tag>
            </Flex>
          ) : (
            ''
          ),
      },
      {
        key: 'last_sale',
        title: t('stock.col.lastSale'),
        dataIndex: 'lastSaleAt',
        width: 105,
        sorter: true,
        sortOrder: sortOrderOf('last_sale', sort.key, sort.desc),
        render: (v: string) => <span className="sd-nowrap">{v}</span>,
      },
      { key: 'supplier', title: t('stock.col.supplier'), dataIndex: 'supplier', width: 120, ellipsis: true },
    ],
    [t, sort, onChanged],
  );

  const onTable = (p: TablePaginationConfig, _f: unknown, s: SorterResult<StockRow> | SorterResult<StockRow>[]) => {
    const one = Array.isArray(s) ? s[0] : s;
    const key = one?.order ? String(one.columnKey ?? '') : '';
    setSort({ key, desc: one?.order === 'descend' });
    setPaging({ page: key !== sort.key || (one?.order === 'descend') !== sort.desc ? 1 : (p.current ?? 1), size: p.pageSize ?? 50 });
  };

  if (data && all === 0 && !filtered && !loading) {
    return (
      <Result
        data-testid="stock-empty-none"
        icon={<DatabaseOutlined />}
        title={t('stock.empty.noneTitle')}
        subTitle={<div style={{ maxWidth: 620, margin: '0 auto', textAlign: 'left' }}>{t('stock.empty.noneBody')}</div>}
        extra={
          <Button type="primary" icon={<CloudUploadOutlined />} data-testid="stock-empty-import" onClick={() => navigate('import')}>
            {t('stock.empty.import')}
          </Button>
        }
      />
    );
  }

  return (
    <div data-testid="stock-sheet" data-day={data?.day ?? ''}>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 10 }}>
        <Radio.Group
          data-testid="stock-filter-status"
          optionType="button"
          value={filters.status}
          onChange={(e) => setFilter({ status: e.target.value as string })}
          options={['', ...STATUSES].map((s) => ({
            value: s,
            label: (
              <span data-testid={`stock-status-${s || 'all'}`} className="sd-nowrap">
                {t(`stock.status.${s || 'all'}`)} {s ? (counts[s] ?? 0) : all}
              </span>
            ),
          }))}
        />
        <Select
          data-testid="stock-filter-shop"
          style={{ width: 150 }}
          value={filters.shopId}
          onChange={(v) => setFilter({ shopId: v })}
          options={[{ value: 0, label: t('stock.filter.allShops') }, ...shops.map((s) => ({ value: s.id, label: s.name }))]}
        />
        <Select
          data-testid="stock-filter-supplier"
          style={{ width: 140 }}
          value={filters.supplier}
          onChange={(v) => setFilter({ supplier: v })}
          options={[{ value: '', label: t('stock.filter.allSuppliers') }, ...suppliers.map((s) => ({ value: s, label: s }))]}
        />
        <Input.Search
          data-testid="stock-filter-search"
          style={{ width: 200 }}
          allowClear
          placeholder={t('stock.filter.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(v) => setFilter({ search: v.trim() })}
        />
        <Checkbox data-testid="stock-filter-inactive" checked={filters.all} onChange={(e) => setFilter({ all: e.target.checked })}>
          {t('stock.filter.inactive')}
        </Checkbox>
      </Flex>
      {data?.day && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8, fontSize: 12 }} data-testid="stock-as-of">
          {t('stock.asOf', { day: data.day, window: data.window })}
        </Typography.Paragraph>
      )}
      {error && <Alert type="error" showIcon style={{ marginBottom: 10 }} title={<span className="sd-error-text">{error}</span>} />}
      <Table<StockRow>
        data-testid="stock-table"
        size="small"
        rowKey="id"
        loading={loading}
        columns={columns}
        dataSource={data?.rows ?? []}
        scroll={{ x: 1460 }}
        onChange={onTable}
        onRow={(r) => ({ onClick: () => onOpen(r.id), style: { cursor: 'pointer' }, 'data-testid': 'stock-row', 'data-code': r.code, 'data-status': r.status }) as object}
        pagination={{
          current: paging.page,
          pageSize: paging.size,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (n) => <span data-testid="stock-total">{t('stock.total', { count: n })}</span>,
        }}
        locale={{
          emptyText: (
            <Empty data-testid="stock-empty-filtered" description={`${t('stock.empty.filteredTitle')} ${t('stock.empty.filteredBody')}`}>
              <Button
                data-testid="stock-clear-filters"
                onClick={() => {
                  setFilters(noFilters);
                  setSearch('');
                }}
              >
                {t('stock.filter.reset')}
              </Button>
            </Empty>
          ),
        }}
      />
    </div>
  );
}
