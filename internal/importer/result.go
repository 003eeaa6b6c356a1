package importer

// FileResult is what one imported (or previewed) file did. Error is a Chinese message for
// the seller naming the file, row, column and value; the file then wrote nothing.
type FileResult struct {
	File       string `json:"file"` // base name
	Path       string `json:"path"`
	Shop       string `json:"shop"`
	Platform   string `json:"platform"`
	Format     string `json:"format"`     // layout id, e.g. "taobao_orders_csv"
	FormatName string `json:"formatName"` // e.g. "淘宝订单报表 (CSV)"
	BatchID    int64  `json:"batchId"`
	// Kind is what the file's rows are: KindOrders or KindRefunds ("" when not recognised).
	Kind string `json:"kind"`
	// Rows, New, Updated, Unchanged and Rejected count the file's data rows: an order, a
	// product line of an order (sub-order exports: 抖店, 千牛, 1688) or a refund each.
	Rows      int `json:"rows"`
	New       int `json:"new"`
	Updated   int `json:"updated"`
	Unchanged int `json:"unchanged"`
	Rejected  int `json:"rejected"`
	// Orders counts the orders of an orders file (nil for other kinds): what the seller
	// asks. A file with one row per product line has fewer orders than rows.
	Orders *OrderCounts `json:"orders,omitempty"`
	// ShopFrom says where the shop of the file's rows came from (the ShopFrom* values);
	// ShopID is the shop of the rows that name none (0 when every row names its own), and
	// ShopLine the line above the header that named it (ShopFromPreamble).
	ShopFrom  string `json:"shopFrom"`
	ShopID    int64  `json:"shopId"`
	ShopLine  int    `json:"shopLine,omitempty"`
	Duplicate bool   `json:"duplicate"` // the same file was imported before: nothing written
	DryRun    bool   `json:"dryRun"`
	Error     string `json:"error"`
	ErrorCode string `json:"errorCode"` // see the Err* codes
	// FooterSkipped lines after the last data row were the export's footer (合计, 共 300
	// 条记录, the export time): skipped, not imported; FooterText names them. 0 and "" when
	// the file has none but blank lines.
	FooterSkipped int    `json:"footerSkipped"`
	FooterText    string `json:"footerText"`
	// StatusDerived: the file has no 订单状态 column, each order's status was derived from its
	// times and amounts (DerivedStatusRules says how).
	StatusDerived bool `json:"statusDerived"`
	// ShopRemembered: the file names no shop and went to the one the seller picked for
	// files like it before (same header and file-name pattern, see shopmemory.go).
	ShopRemembered bool `json:"shopRemembered"`
	// Notes are what the seller should know of an import of the seller's own sheets, in
	// Chinese: the people a rota or punch file added to the staff list, the register rows
	// without a reason (imported as 未填写, to complete), the month a rota grid was read as.
	Notes []string `json:"notes,omitempty"`
	// Header, HeaderRow and Sample come with unknown_format when the file has a likely
	// header row (the first of its first 15 rows with at least 3 cells): the mapping
	// screen shows them so the seller can make a template. Sample is the rows under it.
	Header    []string   `json:"header,omitempty"`
	HeaderRow int        `json:"headerRow,omitempty"`
	Sample    [][]string `json:"sample,omitempty"`
	// Guess maps fields to the header cells the built-in layouts read them from (订单编号,
	// 订单创建时间 …), for the mapping screen to start from (unknown_format only).
	Guess map[string][]string `json:"guess,omitempty"`
	// Sheet is the worksheet of an xlsx that was read; Sheets lists the workbook's visible
	// sheets when it has more than one (the mapping screen offers them: SheetHeader).
	Sheet  string   `json:"sheet,omitempty"`
	Sheets []string `json:"sheets,omitempty"`
}

func (r *FileResult) setSheets(src *openedTable) {
	r.Sheet = src.sheet
	if len(src.sheets) > 1 {
		r.Sheets = src.sheets
	}
}

// OrderCounts are the orders of one import by what it did to them. An order the file
// created counts as new however many rows it has; one that existed counts as updated when
// any of its rows changed it or one of its product lines, else as unchanged.
type OrderCounts struct {
	Total     int `json:"total"`
	New       int `json:"new"`
	Updated   int `json:"updated"`
	Unchanged int `json:"unchanged"`
}

// Where a file's shop came from (FileResult.ShopFrom).
const (
	ShopFromColumn     = "column"     // the file's 店铺名称 column
	ShopFromPreamble   = "preamble"   // a line above the header (店铺：…; preamble.go)
	ShopFromChosen     = "chosen"     // the caller's Options.ShopID (the seller's pick)
	ShopFromNamed      = "named"      // the caller's Options.ShopName (shopdesk import --shop)
	ShopFromRemembered = "remembered" // the seller's pick for files like it (shopmemory.go)
	ShopFromOnly       = "only"       // the only shop of the file's platform: the seller confirms it
	ShopFromOrders     = "orders"     // a refund file: the shop of the orders it names
)

// setShop records where the shop of the file's rows came from (the writer knows which
// rows named none).
func (r *FileResult) setShop(layout *boundLayout, w *writer) {
	r.ShopID, r.ShopFrom = w.unnamed, w.unnamedFrom
	if r.ShopFrom == ShopFromPreamble {
		r.ShopLine = layout.preambleRow
	}
	if r.ShopFrom == "" && layout.has("shop_name") {
		r.ShopFrom = ShopFromColumn
	}
}

// Error codes let the UI react (e.g. ask for a shop) without parsing messages.
const (
	ErrCodeNeedShop      = "need_shop"      // the file does not name its shop: pick one
	ErrCodeUnknownFormat = "unknown_format" // not an export Shopdesk knows
	ErrCodeBadValue      = "bad_value"      // a cell could not be read
	ErrCodeUnreadable    = "unreadable"     // not a CSV/XLSX, broken, or empty
	ErrCodeCanceled      = "canceled"
	ErrCodeBusy          = "busy" // another program kept the database busy: nothing wrong with the file
)

// Progress is emitted while files import, at most every 100 ms per file and once at the end.
type Progress struct {
	File       string `json:"file"`
	Index      int    `json:"index"` // 0-based file index in this call
	Files      int    `json:"files"`
	Rows       int    `json:"rows"`
	Bytes      int64  `json:"bytes"`
	TotalBytes int64  `json:"totalBytes"`
	Done       bool   `json:"done"`
	// Waiting, when set, says what the file waits for before it can be written
	// ("等待另一个导入完成：正在导入“a.csv”…"); the next report clears it.
	Waiting string `json:"waiting,omitempty"`
}

// ProgressEvent is the event name the UI listens to for Progress.
const ProgressEvent = "import:progress"

// Batch is one import as the history shows it.
type Batch struct {
	ID         int64  `json:"id"`
	FileName   string `json:"fileName"`
	SHA256     string `json:"sha256"`
	Platform   string `json:"platform"`
	Format     string `json:"format"`
	FormatName string `json:"formatName"`
	Level      string `json:"level"` // the layout's or template's level: "order", "sub_order", "refund", "stock", "inquiry", "rota", "punch" …
	ShopName   string `json:"shopName"`
	// Rows, New, Updated and Unchanged count the file's rows; Orders its orders (nil for a
	// refund file, or an import made before orders were counted: migration 00022).
	Rows       int64        `json:"rows"`
	New        int64        `json:"new"`
	Updated    int64        `json:"updated"`
	Unchanged  int64        `json:"unchanged"`
	Orders     *OrderCounts `json:"orders,omitempty"`
	StartedAt  string       `json:"startedAt"`  // local time of this computer, YYYY-MM-DD HH:MM:SS
	FinishedAt string       `json:"finishedAt"` // local time of this computer
}
