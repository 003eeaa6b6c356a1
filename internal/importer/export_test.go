package importer

// ImportCacheMiB is the page cache of an import's transaction, for the benchmark's
// engine-floor figure (bench_test.go), which must write with the same cache.
const ImportCacheMiB = importCacheMiB
