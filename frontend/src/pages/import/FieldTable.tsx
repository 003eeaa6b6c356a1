/*
 * The mapping screen's table: one row per Shopdesk field of the kind, the file's column(s)
 * chosen for it, and the first values of those columns. data-testid as in MappingModal.
 */
import { useMemo, type ReactNode } from 'react';
import { Flex, Select, Table, Tag, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { samplesOf, type ColumnChoice, type Mapping, type MappingField } from './mapping';

/** Header names longer than this (characters) do not fit the column box. */
const LONG_HEADER = 16;

interface Props {
  fields: MappingField[];
  mapping: Mapping;
  onChange: (field: string, columns: string[]) => void;
  sample: string[][];
  choices: ColumnChoice[];
  /** 保存 was pressed: a required field without a column is marked. */
  tried: boolean;
  scrollY: string;
}

export function FieldTable({ fields, mapping, onChange, sample, choices, tried, scrollY }: Props) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const indexOf = useMemo(() => new Map(choices.map((c) => [c.name, c.index])), [choices]);
  const options = choices.map((c) => {
    const first = samplesOf(sample, c.index, 1)[0];
    return {
      value: c.name,
      label: c.name,
      searchText: `${c.name} ${first ?? ''}`,
      // the dropdown shows the first value under each column name
      render: (
        <div style={{ whiteSpace: 'normal', lineHeight: 1.35, padding: '2px 0' }}>
          <div>{c.name}</div>
          <div style={{ fontSize: 12, color: token.colorTextTertiary, wordBreak: 'break-all' }}>{first ?? t('mapping.emptyCell')}</div>
        </div>
      ),
    };
  });

  const fieldLabel = (f: MappingField): ReactNode => (
    <Flex gap={6} align="center" wrap>
      <span className="sd-nowrap" style={{ fontWeight: 500 }}>
        {t(`mapping.field.${f.key}`)}
      </span>
      {f.required && <Tag color="red">{t('mapping.required')}</Tag>}
      {f.suggested && <Tag color="orange">{t('mapping.suggested')}</Tag>}
    </Flex>
  );

  const columns = [
    { key: 'field', title: t('mapping.colField'), width: 210, render: (_: unknown, f: MappingField) => fieldLabel(f) },
    {
      key: 'column',
      title: t('mapping.colColumn'),
      width: 330,
      render: (_: unknown, f: MappingField) => {
        const value = mapping[f.key] ?? [];
        const bad = tried && f.required && value.length === 0;
        return (
          <div>
            <Select<string | string[]>
              data-testid={`mapping-field-${f.key}`}
              style={{ width: '100%' }}
              mode={f.multi ? 'multiple' : undefined}
              allowClear
              showSearch={{ optionFilterProp: 'searchText' }}
              status={bad ? 'error' : undefined}
              placeholder={t('mapping.pick')}
              value={f.multi ? value : value[0]}
              options={options}
              optionRender={(o) => (o.data as { render: ReactNode }).render}
              popupMatchSelectWidth={false}
              styles={{ popup: { root: { minWidth: 320, maxWidth: 460 } } }}
              onChange={(v) => {
                const cols = v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
                onChange(f.key, cols);
              }}
            />
            {value.some((v) => v.length > LONG_HEADER) && (
              // the box cuts a long header name short: show it whole under it
              <div style={{ fontSize: 12, color: token.colorTextSecondary, wordBreak: 'break-all', marginTop: 2 }}>{value.join(' + ')}</div>
            )}
            {f.multi && value.length === 0 && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('mapping.multiHint')}
              </Typography.Text>
            )}
          </div>
        );
      },
    },
    {
      key: 'sample',
      title: t('mapping.colSample'),
      render: (_: unknown, f: MappingField) => {
        const cols = mapping[f.key] ?? [];
        if (cols.length === 0) return null;
        // joined columns show joined values, as the import will read them
        const rows = sample
          .map((r) => cols.map((c) => (r[indexOf.get(c) ?? -1] ?? '').trim()).filter(Boolean).join(' '))
          .filter(Boolean)
          .slice(0, 3);
        return (
          <div data-testid={`mapping-samples-${f.key}`} style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}>
            {rows.length === 0 ? (
              <Typography.Text type="secondary">{t('mapping.noSample')}</Typography.Text>
            ) : (
              rows.map((v, i) => (
                <span
                  key={i}
                  style={{
                    background: token.colorFillTertiary,
                    borderRadius: token.borderRadiusSM,
                    padding: '1px 6px',
                    fontSize: 12,
                    wordBreak: 'break-all',
                    maxWidth: '100%',
                  }}
                >
                  {v}
                </span>
              ))
            )}
          </div>
        );
      },
    },
  ];

  return (
    <Table<MappingField>
        rowKey="key"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={fields}
        scroll={{ y: scrollY }}
        onRow={(f) => ({ 'data-testid': `mapping-row-${f.key}`, 'data-required': f.required ? 'true' : undefined }) as React.HTMLAttributes<HTMLElement>}
    />
  );
}
