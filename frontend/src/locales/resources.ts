// The UI's strings. The core strings live in zh-CN.json / en-US.json; a feature module may
// keep its own in locales/<lang>/<feature>.json, which is merged in under the top-level key
// <feature> (pages/staff -> locales/zh-CN/staff.json -> t('staff.…')). Features keep their
// strings in files of their own so that modules built side by side do not edit one file.
import zhCN from './zh-CN.json';
import enUS from './en-US.json';

export type Tree = { [k: string]: string | Tree };

const zhFeatures = import.meta.glob<Tree>('./zh-CN/*.json', { eager: true, import: 'default' });
const enFeatures = import.meta.glob<Tree>('./en-US/*.json', { eager: true, import: 'default' });

function merge(core: Tree, features: Record<string, Tree>, lang: string): Tree {
  const out: Tree = { ...core };
  for (const [file, tree] of Object.entries(features)) {
    const key = file.replace(/^.*\//, '').replace(/\.json$/, '');
    if (key in out) throw new Error(`locales/${lang}/${key}.json: the key "${key}" is already in ${lang}.json`);
    out[key] = tree;
  }
  return out;
}

export const zhCNStrings = merge(zhCN as Tree, zhFeatures, 'zh-CN');
export const enUSStrings = merge(enUS as Tree, enFeatures, 'en-US');
