package shop_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"shopdesk/internal/importer"
	"shopdesk/internal/shop"
)

// A renamed shop keeps its old name as an alias: the next export, which still carries the
// old 店铺名称, is imported into the renamed shop instead of into a new shop of the old name.
func TestRenameThenImportAFileWithTheOldName(t *testing.T) {
	ctx := context.Background()
	d := openDB(t)
	store := shop.New(d)
	importFile(t, d, taobaoFirst, importer.Options{})
	shops, err := store.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var id int64
	for _, s := range shops {
		if s.Name == taobaoShopName {
			id = s.ID
		}
	}
	before := count(t, d, `SELECT count(*) FROM orders WHERE shop_id = ?`, id)
	renamed, err := store.Rename(ctx, id, "  小米粒母婴  ")
	if err != nil {
		t.Fatal(err)
	}
	if renamed.Name != "小米粒母婴" || renamed.ID != id {
		t.Fatalf("renamed = %+v", renamed)
	}
	later := importFile(t, d, taobaoLater, importer.Options{})
	// (The 订单报表 holds a second shop's orders too: its shops are listed with "、".)
	if got := strings.Split(later.Shop, "、"); !slices.Contains(got, "小米粒母婴") || slices.Contains(got, taobaoShopName) {
		t.Errorf("the later export went to %q, want the renamed shop", later.Shop)
	}
	if n := count(t, d, `SELECT count(*) FROM shop WHERE name = ?`, taobaoShopName); n != 0 {
		t.Errorf("a new shop of the old name was made")
	}
	// The later export is the same shop's next day: as many new orders as when the
	// shop had kept its name.
	if later.New != 5 || later.Updated != 2 {
		t.Errorf("later import: new %d, updated %d; want 5 and 2 (as without the rename)", later.New, later.Updated)
	}
	if n := count(t, d, `SELECT count(*) FROM orders WHERE shop_id = ?`, id); n <= before {
		t.Errorf("the renamed shop has %d orders, had %d", n, before)
	}
	shops, _ = store.List(ctx)
	for _, s := range shops {
		if s.ID == id && !slices.Equal(s.OldNames, []shop.OldName{{Name: taobaoShopName}}) {
			t.Errorf("old names = %+v", s.OldNames)
		}
	}
}

func TestRenameRules(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name string
		// do runs the steps on a database with the shops 甲 and 乙 (taobao) and 丙 (jd);
		// it returns the last error.
		do      func(s *shop.Store, ids map[string]int64) error
		wantErr string
		// names is the shops' names and old names after (platform/name: old, old).
		names []string
	}{
		{"a new name", func(s *shop.Store, ids map[string]int64) error {
			_, err := s.Rename(ctx, ids["甲"], "甲二")
			return err
		}, "", []string{"jd/丙:", "taobao/乙:", "taobao/甲二:甲"}},
		{"the same name", func(s *shop.Store, ids map[string]int64) error {
			_, err := s.Rename(ctx, ids["甲"], " 甲 ")
			return err
		}, "", []string{"jd/丙:", "taobao/乙:", "taobao/甲:"}},
		{"empty", func(s *shop.Store, ids map[string]int64) error {
			_, err := s.Rename(ctx, ids["甲"], "  ")
			return err
		}, "店铺名称不能为空", []string{"jd/丙:", "taobao/乙:", "taobao/甲:"}},
		{"too long", func(s *shop.Store, ids map[string]int64) error {
			_, err := s.Rename(ctx, ids["甲"], strings.Repeat("店", 101))
			return err
		}, "最多 100 个字", []string{"jd/丙:", "taobao/乙:", "taobao/甲:"}},
		{"another shop's name", func(s *shop.Store, ids map[string]int64) error {
			_, err := s.Rename(ctx, ids["甲"], "乙")
			return err
		}, "淘宝/天猫店铺“乙”已经存在", []string{"jd/丙:", "taobao/乙:", "taobao/甲:"}},
		{"the name of a shop on another platform", func(s *shop.Store, ids map[string]int64) error {
			_, err := s.Rename(ctx, ids["甲"], "丙")
			return err
		}, "", []string{"jd/丙:", "taobao/丙:甲", "taobao/乙:"}},
		{"back to its old name", func(s *shop.Store, ids map[string]int64) error {
			if _, err := s.Rename(ctx, ids["甲"], "甲二"); err != nil {
				return err
			}
			_, err := s.Rename(ctx, ids["甲"], "甲")
			return err
		}, "", []string{"jd/丙:", "taobao/乙:", "taobao/甲:甲二"}},
		{"another shop's old name", func(s *shop.Store, ids map[string]int64) error {
			if _, err := s.Rename(ctx, ids["甲"], "甲二"); err != nil {
				return err
			}
			_, err := s.Rename(ctx, ids["乙"], "甲")
			return err
		}, "“甲”是淘宝/天猫店铺“甲二”以前的名称", []string{"jd/丙:", "taobao/乙:", "taobao/甲二:甲"}},
		{"a new shop with an old name", func(s *shop.Store, ids map[string]int64) error {
			if _, err := s.Rename(ctx, ids["甲"], "甲二"); err != nil {
				return err
			}
			_, err := s.Create(ctx, shop.Taobao, "甲")
			return err
		}, "先在“甲二”的改名里忘记它", []string{"jd/丙:", "taobao/乙:", "taobao/甲二:甲"}},
		{"an old name forgotten, then taken", func(s *shop.Store, ids map[string]int64) error {
			if _, err := s.Rename(ctx, ids["甲"], "甲二"); err != nil {
				return err
			}
			if err := s.ForgetOldName(ctx, ids["甲"], "甲"); err != nil {
				return err
			}
			_, err := s.Create(ctx, shop.Taobao, "甲")
			return err
		}, "", []string{"jd/丙:", "taobao/乙:", "taobao/甲:", "taobao/甲二:"}},
		{"forget a name that is not an old one", func(s *shop.Store, ids map[string]int64) error {
			return s.ForgetOldName(ctx, ids["甲"], "乙")
		}, "“乙”不是店铺“甲”以前的名称", []string{"jd/丙:", "taobao/乙:", "taobao/甲:"}},
		{"the name of a shop merged into it", func(s *shop.Store, ids map[string]int64) error {
			if _, err := s.Merge(ctx, ids["乙"], ids["甲"]); err != nil {
				return err
			}
			_, err := s.Rename(ctx, ids["甲"], "乙")
			return err
		}, "撤销那次合并之后才能改用这个名称", []string{"jd/丙:", "taobao/甲:乙"}},
		{"a new shop with the name of a merged shop", func(s *shop.Store, ids map[string]int64) error {
			if _, err := s.Merge(ctx, ids["乙"], ids["甲"]); err != nil {
				return err
			}
			_, err := s.Create(ctx, shop.Taobao, "乙")
			return err
		}, "“乙”已并入淘宝/天猫店铺“甲”", []string{"jd/丙:", "taobao/甲:乙"}},
		{"forget the name of a merged shop", func(s *shop.Store, ids map[string]int64) error {
			if _, err := s.Merge(ctx, ids["乙"], ids["甲"]); err != nil {
				return err
			}
			return s.ForgetOldName(ctx, ids["甲"], "乙")
		}, "撤销那次合并时会一起去掉", []string{"jd/丙:", "taobao/甲:乙"}},
		{"a shop that is not there", func(s *shop.Store, ids map[string]int64) error {
			_, err := s.Rename(ctx, 999, "新")
			return err
		}, "店铺 #999 不存在", []string{"jd/丙:", "taobao/乙:", "taobao/甲:"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := openDB(t)
			s := shop.New(d)
			ids := map[string]int64{}
			for _, p := range [][2]string{{shop.Taobao, "甲"}, {shop.Taobao, "乙"}, {shop.JD, "丙"}} {
				sh, err := s.Create(ctx, p[0], p[1])
				if err != nil {
					t.Fatal(err)
				}
				ids[p[1]] = sh.ID
			}
			err := tc.do(s, ids)
			switch {
			case tc.wantErr == "" && err != nil:
				t.Fatalf("error %v", err)
			case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
				t.Fatalf("error %v, want %q", err, tc.wantErr)
			}
			list, err := s.List(ctx)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, sh := range list {
				var old []string
				for _, o := range sh.OldNames {
					old = append(old, o.Name)
				}
				got = append(got, sh.Platform+"/"+sh.Name+":"+strings.Join(old, ","))
			}
			if !slices.Equal(got, tc.names) {
				t.Errorf("shops = %q, want %q", got, tc.names)
			}
		})
	}
}

// The copies of the name beside shop ids (complaints, anomalies) follow a rename.
func TestRenameUpdatesNameCopies(t *testing.T) {
	f := newFixture(t)
	if _, err := shop.New(f.d).Rename(context.Background(), f.shops[realTaobao], "小米粒"); err != nil {
		t.Fatal(err)
	}
	for _, r := range shop.Refs {
		if r.NameColumn == "" {
			continue
		}
		names := strs(t, f.d, `SELECT DISTINCT `+quote(r.NameColumn)+` FROM `+quote(r.Table)+` WHERE `+quote(r.Column)+` = ?`, f.shops[realTaobao])
		if len(names) == 0 {
			t.Errorf("%s: no rows of the shop, the fixture tests nothing", r.Table)
		}
		if !slices.Equal(names, []string{"小米粒"}) {
			t.Errorf("%s.%s = %v after the rename", r.Table, r.NameColumn, names)
		}
	}
}
