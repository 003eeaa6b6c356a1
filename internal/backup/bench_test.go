package backup_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"shopdesk/db"
	"shopdesk/internal/backup"
	"shopdesk/internal/importer"
)

// benchOrders is the size of the big import (SHOPDESK_BENCH_ROWS overrides).
func benchOrders() int {
	if n, err := strconv.Atoi(os.Getenv("SHOPDESK_BENCH_ROWS")); err == nil && n > 0 {
		return n
	}
	return 1_000_000
}

// BenchmarkBackupBeforeImport measures what the backup before an import costs against the
// import itself, through the paths the app takes (importer.ImportFile, Store.BeforeImport):
// a big import into an empty database, the backup of the database it made, and an everyday
// import of 500 orders into that database. Ratios, not times, are what to compare. The
// figures justify the policy in policy.go (a backup at most once an hour before imports).
func BenchmarkBackupBeforeImport(b *testing.B) {
	n := benchOrders()
	dir := b.TempDir()
	big := ordersCSVB(b, dir, "ExportOrderList-big.csv", 0, n)
	small := ordersCSVB(b, dir, "ExportOrderList-small.csv", n, 500)
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		d, err := db.Open(ctx, filepath.Join(dir, "shop"+strconv.Itoa(i)+".db"))
		if err != nil {
			b.Fatal(err)
		}
		t0 := time.Now()
		if r := importer.New(d).ImportFile(ctx, big, importer.Options{}); r.Error != "" || r.New != n {
			b.Fatalf("big import: %+v", r)
		}
		bigImport := time.Since(t0)
		store := backup.New(d)
		t1 := time.Now()
		bk, made, err := store.BeforeImport(ctx, nil)
		if err != nil || !made {
			b.Fatalf("backup: %v %v", made, err)
		}
		backupTime := time.Since(t1)

		t2 := time.Now()
		if r := importer.New(d).ImportFile(ctx, small, importer.Options{}); r.Error != "" || r.New != 500 {
			b.Fatalf("small import: %+v", r)
		}
		smallImport := time.Since(t2)
		d.Close()

		b.ReportMetric(float64(bk.Size)/(1<<20), "backup-MB")
		b.ReportMetric(bigImport.Seconds(), "import-big-s")
		b.ReportMetric(backupTime.Seconds(), "backup-s")
		b.ReportMetric(smallImport.Seconds(), "import-500-s")
		b.ReportMetric(backupTime.Seconds()/bigImport.Seconds(), "backup/import-big")
		b.ReportMetric(backupTime.Seconds()/smallImport.Seconds(), "backup/import-500")
	}
}
