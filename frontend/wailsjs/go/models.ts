export namespace anomaly {
	
	export class Anomaly {
	    id: number;
	    rule: string;
	    kind: string;
	    shopId: number;
	    shopName: string;
	    platform: string;
	    orderNo: string;
	    subject: string;
	    since: string;
	    deadline: string;
	    basis: string;
	    detail: string;
	    amountFen: number;
	    active: boolean;
	    state: string;
	    resolution: string;
	    ownerId: number;
	    ownerName: string;
	    clearedReason: string;
	    clearedDetail: string;
	    detectedAt: string;
	    updatedAt: string;
	    buyer: string;
	    orderStatus: string;
	    orderStatusText: string;
	    payFen: number;
	    title: string;
	    notes: number;
	    minutesLeft: number;
	
	    static createFrom(source: any = {}) {
	        return new Anomaly(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.rule = source["rule"];
	        this.kind = source["kind"];
	        this.shopId = source["shopId"];
	        this.shopName = source["shopName"];
	        this.platform = source["platform"];
	        this.orderNo = source["orderNo"];
	        this.subject = source["subject"];
	        this.since = source["since"];
	        this.deadline = source["deadline"];
	        this.basis = source["basis"];
	        this.detail = source["detail"];
	        this.amountFen = source["amountFen"];
	        this.active = source["active"];
	        this.state = source["state"];
	        this.resolution = source["resolution"];
	        this.ownerId = source["ownerId"];
	        this.ownerName = source["ownerName"];
	        this.clearedReason = source["clearedReason"];
	        this.clearedDetail = source["clearedDetail"];
	        this.detectedAt = source["detectedAt"];
	        this.updatedAt = source["updatedAt"];
	        this.buyer = source["buyer"];
	        this.orderStatus = source["orderStatus"];
	        this.orderStatusText = source["orderStatusText"];
	        this.payFen = source["payFen"];
	        this.title = source["title"];
	        this.notes = source["notes"];
	        this.minutesLeft = source["minutesLeft"];
	    }
	}
	export class Change {
	    field: string;
	    oldValue: string;
	    newValue: string;
	    batchId: number;
	    file: string;
	    at: string;
	
	    static createFrom(source: any = {}) {
	        return new Change(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.field = source["field"];
	        this.oldValue = source["oldValue"];
	        this.newValue = source["newValue"];
	        this.batchId = source["batchId"];
	        this.file = source["file"];
	        this.at = source["at"];
	    }
	}
	export class Complaint {
	    id: number;
	    shopId: number;
	    orderNo: string;
	    buyer: string;
	    channel: string;
	    severity: string;
	    content: string;
	    receivedAt: string;
	    createdAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Complaint(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.shopId = source["shopId"];
	        this.orderNo = source["orderNo"];
	        this.buyer = source["buyer"];
	        this.channel = source["channel"];
	        this.severity = source["severity"];
	        this.content = source["content"];
	        this.receivedAt = source["receivedAt"];
	        this.createdAt = source["createdAt"];
	    }
	}
	export class Item {
	    subOrderNo: string;
	    title: string;
	    skuCode: string;
	    priceFen: number;
	    quantity: number;
	    payFen: number;
	    refundStatus: string;
	    refundFen: number;
	
	    static createFrom(source: any = {}) {
	        return new Item(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.subOrderNo = source["subOrderNo"];
	        this.title = source["title"];
	        this.skuCode = source["skuCode"];
	        this.priceFen = source["priceFen"];
	        this.quantity = source["quantity"];
	        this.payFen = source["payFen"];
	        this.refundStatus = source["refundStatus"];
	        this.refundFen = source["refundFen"];
	    }
	}
	export class Order {
	    id: number;
	    buyer: string;
	    status: string;
	    statusText: string;
	    payFen: number;
	    refundFen: number;
	    title: string;
	    itemCount: number;
	    address: string;
	    createdAt: string;
	    paidAt: string;
	    shippedAt: string;
	    promisedShipAt: string;
	    trackingNo: string;
	    carrier: string;
	    buyerMessage: string;
	    sellerMemo: string;
	    lateShipCompFen: number;
	
	    static createFrom(source: any = {}) {
	        return new Order(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.buyer = source["buyer"];
	        this.status = source["status"];
	        this.statusText = source["statusText"];
	        this.payFen = source["payFen"];
	        this.refundFen = source["refundFen"];
	        this.title = source["title"];
	        this.itemCount = source["itemCount"];
	        this.address = source["address"];
	        this.createdAt = source["createdAt"];
	        this.paidAt = source["paidAt"];
	        this.shippedAt = source["shippedAt"];
	        this.promisedShipAt = source["promisedShipAt"];
	        this.trackingNo = source["trackingNo"];
	        this.carrier = source["carrier"];
	        this.buyerMessage = source["buyerMessage"];
	        this.sellerMemo = source["sellerMemo"];
	        this.lateShipCompFen = source["lateShipCompFen"];
	    }
	}
	export class Event {
	    id: number;
	    at: string;
	    actorId: number;
	    actorName: string;
	    action: string;
	    oldValue: string;
	    newValue: string;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new Event(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.at = source["at"];
	        this.actorId = source["actorId"];
	        this.actorName = source["actorName"];
	        this.action = source["action"];
	        this.oldValue = source["oldValue"];
	        this.newValue = source["newValue"];
	        this.note = source["note"];
	    }
	}
	export class Detail {
	    anomaly: Anomaly;
	    events: Event[];
	    order?: Order;
	    items: Item[];
	    refunds: orders.Refund[];
	    changes: Change[];
	    firstSeen?: Change;
	    complaint?: Complaint;
	    others: Anomaly[];
	
	    static createFrom(source: any = {}) {
	        return new Detail(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.anomaly = this.convertValues(source["anomaly"], Anomaly);
	        this.events = this.convertValues(source["events"], Event);
	        this.order = this.convertValues(source["order"], Order);
	        this.items = this.convertValues(source["items"], Item);
	        this.refunds = this.convertValues(source["refunds"], orders.Refund);
	        this.changes = this.convertValues(source["changes"], Change);
	        this.firstSeen = this.convertValues(source["firstSeen"], Change);
	        this.complaint = this.convertValues(source["complaint"], Complaint);
	        this.others = this.convertValues(source["others"], Anomaly);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class ShopCount {
	    shopId: number;
	    shopName: string;
	    platform: string;
	    count: number;
	
	    static createFrom(source: any = {}) {
	        return new ShopCount(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.shopId = source["shopId"];
	        this.shopName = source["shopName"];
	        this.platform = source["platform"];
	        this.count = source["count"];
	    }
	}
	export class Group {
	    kind: string;
	    count: number;
	    newest: string;
	    shops: ShopCount[];
	
	    static createFrom(source: any = {}) {
	        return new Group(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.count = source["count"];
	        this.newest = source["newest"];
	        this.shops = this.convertValues(source["shops"], ShopCount);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Notice {
	    rule: string;
	    code: string;
	    shopId: number;
	    shopName: string;
	    platform: string;
	    count: number;
	    value: number;
	
	    static createFrom(source: any = {}) {
	        return new Notice(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rule = source["rule"];
	        this.code = source["code"];
	        this.shopId = source["shopId"];
	        this.shopName = source["shopName"];
	        this.platform = source["platform"];
	        this.count = source["count"];
	        this.value = source["value"];
	    }
	}
	
	export class Page {
	    rows: Anomaly[];
	    total: number;
	    page: number;
	    pageSize: number;
	    groups: Group[];
	    notices: Notice[];
	    checkedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Page(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rows = this.convertValues(source["rows"], Anomaly);
	        this.total = source["total"];
	        this.page = source["page"];
	        this.pageSize = source["pageSize"];
	        this.groups = this.convertValues(source["groups"], Group);
	        this.notices = this.convertValues(source["notices"], Notice);
	        this.checkedAt = source["checkedAt"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Query {
	    shopId: number;
	    kind: string;
	    state: string;
	    ownerId: number;
	    search: string;
	    page: number;
	    pageSize: number;
	
	    static createFrom(source: any = {}) {
	        return new Query(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.shopId = source["shopId"];
	        this.kind = source["kind"];
	        this.state = source["state"];
	        this.ownerId = source["ownerId"];
	        this.search = source["search"];
	        this.page = source["page"];
	        this.pageSize = source["pageSize"];
	    }
	}
	export class Result {
	    checkedAt: string;
	    found: number;
	    new: number;
	    changed: number;
	    cleared: number;
	    reopened: number;
	    notices: Notice[];
	    millis: number;
	
	    static createFrom(source: any = {}) {
	        return new Result(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.checkedAt = source["checkedAt"];
	        this.found = source["found"];
	        this.new = source["new"];
	        this.changed = source["changed"];
	        this.cleared = source["cleared"];
	        this.reopened = source["reopened"];
	        this.notices = this.convertValues(source["notices"], Notice);
	        this.millis = source["millis"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Summary {
	    total: number;
	    kinds: Group[];
	    checkedAt: string;
	    notices: number;
	
	    static createFrom(source: any = {}) {
	        return new Summary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.total = source["total"];
	        this.kinds = this.convertValues(source["kinds"], Group);
	        this.checkedAt = source["checkedAt"];
	        this.notices = source["notices"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace app {
	
	export class DemoResult {
	    shops: number;
	    orders: number;
	
	    static createFrom(source: any = {}) {
	        return new DemoResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.shops = source["shops"];
	        this.orders = source["orders"];
	    }
	}
	export class Info {
	    mode: string;
	    dbPath: string;
	    version: string;
	    empty: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Info(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.mode = source["mode"];
	        this.dbPath = source["dbPath"];
	        this.version = source["version"];
	        this.empty = source["empty"];
	    }
	}
	export class SavedFile {
	    name: string;
	    path: string;
	    url: string;
	    rows: number;
	
	    static createFrom(source: any = {}) {
	        return new SavedFile(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.path = source["path"];
	        this.url = source["url"];
	        this.rows = source["rows"];
	    }
	}

}

export namespace backup {
	
	export class Backup {
	    file: string;
	    name: string;
	    time: string;
	    size: number;
	    kind: string;
	
	    static createFrom(source: any = {}) {
	        return new Backup(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.file = source["file"];
	        this.name = source["name"];
	        this.time = source["time"];
	        this.size = source["size"];
	        this.kind = source["kind"];
	    }
	}
	export class RestoreResult {
	    from: Backup;
	    keptAside: Backup;
	
	    static createFrom(source: any = {}) {
	        return new RestoreResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.from = this.convertValues(source["from"], Backup);
	        this.keptAside = this.convertValues(source["keptAside"], Backup);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Status {
	    dir: string;
	    defaultDir: string;
	    backups: Backup[];
	    folderError: string;
	    lastError: string;
	    lastErrorAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Status(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.dir = source["dir"];
	        this.defaultDir = source["defaultDir"];
	        this.backups = this.convertValues(source["backups"], Backup);
	        this.folderError = source["folderError"];
	        this.lastError = source["lastError"];
	        this.lastErrorAt = source["lastErrorAt"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace importer {
	
	export class Batch {
	    id: number;
	    fileName: string;
	    sha256: string;
	    platform: string;
	    format: string;
	    formatName: string;
	    level: string;
	    shopName: string;
	    rows: number;
	    new: number;
	    updated: number;
	    unchanged: number;
	    startedAt: string;
	    finishedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Batch(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.fileName = source["fileName"];
	        this.sha256 = source["sha256"];
	        this.platform = source["platform"];
	        this.format = source["format"];
	        this.formatName = source["formatName"];
	        this.level = source["level"];
	        this.shopName = source["shopName"];
	        this.rows = source["rows"];
	        this.new = source["new"];
	        this.updated = source["updated"];
	        this.unchanged = source["unchanged"];
	        this.startedAt = source["startedAt"];
	        this.finishedAt = source["finishedAt"];
	    }
	}
	export class FileResult {
	    file: string;
	    path: string;
	    shop: string;
	    platform: string;
	    format: string;
	    formatName: string;
	    batchId: number;
	    rows: number;
	    new: number;
	    updated: number;
	    unchanged: number;
	    rejected: number;
	    duplicate: boolean;
	    dryRun: boolean;
	    error: string;
	    errorCode: string;
	    footerSkipped: number;
	    footerText: string;
	    statusDerived: boolean;
	    shopRemembered: boolean;
	    header?: string[];
	    headerRow?: number;
	    sample?: string[][];
	    guess?: Record<string, Array<string>>;
	    sheet?: string;
	    sheets?: string[];
	
	    static createFrom(source: any = {}) {
	        return new FileResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.file = source["file"];
	        this.path = source["path"];
	        this.shop = source["shop"];
	        this.platform = source["platform"];
	        this.format = source["format"];
	        this.formatName = source["formatName"];
	        this.batchId = source["batchId"];
	        this.rows = source["rows"];
	        this.new = source["new"];
	        this.updated = source["updated"];
	        this.unchanged = source["unchanged"];
	        this.rejected = source["rejected"];
	        this.duplicate = source["duplicate"];
	        this.dryRun = source["dryRun"];
	        this.error = source["error"];
	        this.errorCode = source["errorCode"];
	        this.footerSkipped = source["footerSkipped"];
	        this.footerText = source["footerText"];
	        this.statusDerived = source["statusDerived"];
	        this.shopRemembered = source["shopRemembered"];
	        this.header = source["header"];
	        this.headerRow = source["headerRow"];
	        this.sample = source["sample"];
	        this.guess = source["guess"];
	        this.sheet = source["sheet"];
	        this.sheets = source["sheets"];
	    }
	}
	export class Preview {
	    result: FileResult;
	    columns: string[];
	    rows: string[][];
	
	    static createFrom(source: any = {}) {
	        return new Preview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.result = this.convertValues(source["result"], FileResult);
	        this.columns = source["columns"];
	        this.rows = source["rows"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ShopChoice {
	    id: number;
	    filePattern: string;
	    shopId: number;
	    shopName: string;
	    platform: string;
	    createdAt: string;
	    lastUsedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new ShopChoice(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.filePattern = source["filePattern"];
	        this.shopId = source["shopId"];
	        this.shopName = source["shopName"];
	        this.platform = source["platform"];
	        this.createdAt = source["createdAt"];
	        this.lastUsedAt = source["lastUsedAt"];
	    }
	}
	export class Template {
	    id: number;
	    layoutId: string;
	    platform: string;
	    name: string;
	    level: string;
	    kind: string;
	    header: string[];
	    columns: Record<string, Array<string>>;
	    createdAt: string;
	    lastUsedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Template(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.layoutId = source["layoutId"];
	        this.platform = source["platform"];
	        this.name = source["name"];
	        this.level = source["level"];
	        this.kind = source["kind"];
	        this.header = source["header"];
	        this.columns = source["columns"];
	        this.createdAt = source["createdAt"];
	        this.lastUsedAt = source["lastUsedAt"];
	    }
	}
	export class TemplateInput {
	    file: string;
	    kind: string;
	    platform: string;
	    name: string;
	    header: string[];
	    columns: Record<string, Array<string>>;
	
	    static createFrom(source: any = {}) {
	        return new TemplateInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.file = source["file"];
	        this.kind = source["kind"];
	        this.platform = source["platform"];
	        this.name = source["name"];
	        this.header = source["header"];
	        this.columns = source["columns"];
	    }
	}
	export class UndoResult {
	    batchId: number;
	    file: string;
	    removed: number;
	    restored: number;
	    level: string;
	    refundsRemoved: number;
	    refundsRestored: number;
	
	    static createFrom(source: any = {}) {
	        return new UndoResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.batchId = source["batchId"];
	        this.file = source["file"];
	        this.removed = source["removed"];
	        this.restored = source["restored"];
	        this.level = source["level"];
	        this.refundsRemoved = source["refundsRemoved"];
	        this.refundsRestored = source["refundsRestored"];
	    }
	}

}

export namespace orders {
	
	export class Order {
	    id: number;
	    shopId: number;
	    shopName: string;
	    platform: string;
	    orderNo: string;
	    buyer: string;
	    status: string;
	    statusText: string;
	    payFen: number;
	    refundFen: number;
	    title: string;
	    itemCount: number;
	    address: string;
	    createdAt: string;
	    paidAt: string;
	    shippedAt: string;
	    trackingNo: string;
	    carrier: string;
	
	    static createFrom(source: any = {}) {
	        return new Order(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.shopId = source["shopId"];
	        this.shopName = source["shopName"];
	        this.platform = source["platform"];
	        this.orderNo = source["orderNo"];
	        this.buyer = source["buyer"];
	        this.status = source["status"];
	        this.statusText = source["statusText"];
	        this.payFen = source["payFen"];
	        this.refundFen = source["refundFen"];
	        this.title = source["title"];
	        this.itemCount = source["itemCount"];
	        this.address = source["address"];
	        this.createdAt = source["createdAt"];
	        this.paidAt = source["paidAt"];
	        this.shippedAt = source["shippedAt"];
	        this.trackingNo = source["trackingNo"];
	        this.carrier = source["carrier"];
	    }
	}
	export class Page {
	    rows: Order[];
	    nextCursor: string;
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new Page(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rows = this.convertValues(source["rows"], Order);
	        this.nextCursor = source["nextCursor"];
	        this.total = source["total"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Query {
	    shopId: number;
	    status: string;
	    from: string;
	    to: string;
	    search: string;
	    openRefund: boolean;
	    cursor: string;
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new Query(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.shopId = source["shopId"];
	        this.status = source["status"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.search = source["search"];
	        this.openRefund = source["openRefund"];
	        this.cursor = source["cursor"];
	        this.limit = source["limit"];
	    }
	}
	export class Refund {
	    id: number;
	    refundNo: string;
	    subOrderNo: string;
	    status: string;
	    statusText: string;
	    kind: string;
	    amountFen: number;
	    appliedAt: string;
	    deadlineAt: string;
	    goodsStatus: string;
	    returnTrackingNo: string;
	    returnCarrier: string;
	    reason: string;
	    title: string;
	    finishedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Refund(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.refundNo = source["refundNo"];
	        this.subOrderNo = source["subOrderNo"];
	        this.status = source["status"];
	        this.statusText = source["statusText"];
	        this.kind = source["kind"];
	        this.amountFen = source["amountFen"];
	        this.appliedAt = source["appliedAt"];
	        this.deadlineAt = source["deadlineAt"];
	        this.goodsStatus = source["goodsStatus"];
	        this.returnTrackingNo = source["returnTrackingNo"];
	        this.returnCarrier = source["returnCarrier"];
	        this.reason = source["reason"];
	        this.title = source["title"];
	        this.finishedAt = source["finishedAt"];
	    }
	}

}

export namespace settings {
	
	export class Setting {
	    key: string;
	    value: number;
	    default: number;
	    min: number;
	    max: number;
	    step: number;
	    unit: string;
	    rule: string;
	
	    static createFrom(source: any = {}) {
	        return new Setting(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.value = source["value"];
	        this.default = source["default"];
	        this.min = source["min"];
	        this.max = source["max"];
	        this.step = source["step"];
	        this.unit = source["unit"];
	        this.rule = source["rule"];
	    }
	}
	export class Staff {
	    id: number;
	    name: string;
	    role: string;
	    active: boolean;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new Staff(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.role = source["role"];
	        this.active = source["active"];
	        this.note = source["note"];
	    }
	}

}

export namespace shop {
	
	export class Conflict {
	    key: string;
	    rows: number;
	    examples: string[];
	
	    static createFrom(source: any = {}) {
	        return new Conflict(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.rows = source["rows"];
	        this.examples = source["examples"];
	    }
	}
	export class TableCount {
	    key: string;
	    rows: number;
	
	    static createFrom(source: any = {}) {
	        return new TableCount(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.rows = source["rows"];
	    }
	}
	export class OldName {
	    name: string;
	    fromMerge: boolean;
	
	    static createFrom(source: any = {}) {
	        return new OldName(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.fromMerge = source["fromMerge"];
	    }
	}
	export class Shop {
	    id: number;
	    platform: string;
	    name: string;
	    timezone: string;
	    orderCount: number;
	    oldNames: OldName[];
	
	    static createFrom(source: any = {}) {
	        return new Shop(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.platform = source["platform"];
	        this.name = source["name"];
	        this.timezone = source["timezone"];
	        this.orderCount = source["orderCount"];
	        this.oldNames = this.convertValues(source["oldNames"], OldName);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Impact {
	    shop: Shop;
	    rows: TableCount[];
	    batches: number;
	    merges: number;
	
	    static createFrom(source: any = {}) {
	        return new Impact(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.shop = this.convertValues(source["shop"], Shop);
	        this.rows = this.convertValues(source["rows"], TableCount);
	        this.batches = source["batches"];
	        this.merges = source["merges"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Merge {
	    id: number;
	    platform: string;
	    sourceId: number;
	    sourceName: string;
	    targetId: number;
	    targetName: string;
	    mergedAt: string;
	    moved: TableCount[];
	    parked: TableCount[];
	
	    static createFrom(source: any = {}) {
	        return new Merge(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.platform = source["platform"];
	        this.sourceId = source["sourceId"];
	        this.sourceName = source["sourceName"];
	        this.targetId = source["targetId"];
	        this.targetName = source["targetName"];
	        this.mergedAt = source["mergedAt"];
	        this.moved = this.convertValues(source["moved"], TableCount);
	        this.parked = this.convertValues(source["parked"], TableCount);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class MergePlan {
	    source: Shop;
	    target: Shop;
	    moves: TableCount[];
	    conflicts: Conflict[];
	
	    static createFrom(source: any = {}) {
	        return new MergePlan(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.source = this.convertValues(source["source"], Shop);
	        this.target = this.convertValues(source["target"], Shop);
	        this.moves = this.convertValues(source["moves"], TableCount);
	        this.conflicts = this.convertValues(source["conflicts"], Conflict);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	export class UndoResult {
	    shop: Shop;
	    dropped: number;
	
	    static createFrom(source: any = {}) {
	        return new UndoResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.shop = this.convertValues(source["shop"], Shop);
	        this.dropped = source["dropped"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

