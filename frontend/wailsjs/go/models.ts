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
	    full: boolean;
	    checked: number;
	
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
	        this.full = source["full"];
	        this.checked = source["checked"];
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
	
	export class CopyResult {
	    rota: staff.RotaMonth;
	    copied: number;
	
	    static createFrom(source: any = {}) {
	        return new CopyResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rota = this.convertValues(source["rota"], staff.RotaMonth);
	        this.copied = source["copied"];
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
	export class SavedOption {
	    option: inquiry.Option;
	    renamed: number;
	
	    static createFrom(source: any = {}) {
	        return new SavedOption(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.option = this.convertValues(source["option"], inquiry.Option);
	        this.renamed = source["renamed"];
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

export namespace checklist {
	
	export class Event {
	    itemId: number;
	    at: string;
	    actorId: number;
	    actorName: string;
	    action: string;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new Event(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.itemId = source["itemId"];
	        this.at = source["at"];
	        this.actorId = source["actorId"];
	        this.actorName = source["actorName"];
	        this.action = source["action"];
	        this.note = source["note"];
	    }
	}
	export class Top {
	    text: string;
	    ref: string;
	
	    static createFrom(source: any = {}) {
	        return new Top(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.text = source["text"];
	        this.ref = source["ref"];
	    }
	}
	export class Item {
	    id: number;
	    key: string;
	    section: string;
	    kind: string;
	    source: string;
	    title: string;
	    count: number;
	    detail: string;
	    top: Top[];
	    link: string;
	    owner: string;
	    state: string;
	    doneById: number;
	    doneBy: string;
	    doneAt: string;
	    note: string;
	    params: Record<string, string>;
	
	    static createFrom(source: any = {}) {
	        return new Item(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.key = source["key"];
	        this.section = source["section"];
	        this.kind = source["kind"];
	        this.source = source["source"];
	        this.title = source["title"];
	        this.count = source["count"];
	        this.detail = source["detail"];
	        this.top = this.convertValues(source["top"], Top);
	        this.link = source["link"];
	        this.owner = source["owner"];
	        this.state = source["state"];
	        this.doneById = source["doneById"];
	        this.doneBy = source["doneBy"];
	        this.doneAt = source["doneAt"];
	        this.note = source["note"];
	        this.params = source["params"];
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
	export class Day {
	    date: string;
	    today: string;
	    kept: boolean;
	    past: boolean;
	    now: string;
	    shops: string[];
	    items: Item[];
	    events: Event[];
	
	    static createFrom(source: any = {}) {
	        return new Day(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.date = source["date"];
	        this.today = source["today"];
	        this.kept = source["kept"];
	        this.past = source["past"];
	        this.now = source["now"];
	        this.shops = source["shops"];
	        this.items = this.convertValues(source["items"], Item);
	        this.events = this.convertValues(source["events"], Event);
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
	export class DaySummary {
	    date: string;
	    items: number;
	    done: number;
	    skipped: number;
	
	    static createFrom(source: any = {}) {
	        return new DaySummary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.date = source["date"];
	        this.items = source["items"];
	        this.done = source["done"];
	        this.skipped = source["skipped"];
	    }
	}
	
	
	export class ShopSales {
	    shopId: number;
	    shopName: string;
	    days: string[];
	    orders: number[];
	    salesFen: number[];
	
	    static createFrom(source: any = {}) {
	        return new ShopSales(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.shopId = source["shopId"];
	        this.shopName = source["shopName"];
	        this.days = source["days"];
	        this.orders = source["orders"];
	        this.salesFen = source["salesFen"];
	    }
	}
	export class Task {
	    id: number;
	    title: string;
	    repeat: string;
	    weekday: number;
	    monthDay: number;
	    ownerId: number;
	    owner: string;
	    active: boolean;
	    created: string;
	
	    static createFrom(source: any = {}) {
	        return new Task(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.title = source["title"];
	        this.repeat = source["repeat"];
	        this.weekday = source["weekday"];
	        this.monthDay = source["monthDay"];
	        this.ownerId = source["ownerId"];
	        this.owner = source["owner"];
	        this.active = source["active"];
	        this.created = source["created"];
	    }
	}

}

export namespace importer {
	
	export class OrderCounts {
	    total: number;
	    new: number;
	    updated: number;
	    unchanged: number;
	
	    static createFrom(source: any = {}) {
	        return new OrderCounts(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.total = source["total"];
	        this.new = source["new"];
	        this.updated = source["updated"];
	        this.unchanged = source["unchanged"];
	    }
	}
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
	    orders?: OrderCounts;
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
	        this.orders = this.convertValues(source["orders"], OrderCounts);
	        this.startedAt = source["startedAt"];
	        this.finishedAt = source["finishedAt"];
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
	export class FileResult {
	    file: string;
	    path: string;
	    shop: string;
	    platform: string;
	    format: string;
	    formatName: string;
	    batchId: number;
	    kind: string;
	    rows: number;
	    new: number;
	    updated: number;
	    unchanged: number;
	    rejected: number;
	    orders?: OrderCounts;
	    shopFrom: string;
	    shopId: number;
	    shopLine?: number;
	    duplicate: boolean;
	    dryRun: boolean;
	    error: string;
	    errorCode: string;
	    footerSkipped: number;
	    footerText: string;
	    statusDerived: boolean;
	    shopRemembered: boolean;
	    notes?: string[];
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
	        this.kind = source["kind"];
	        this.rows = source["rows"];
	        this.new = source["new"];
	        this.updated = source["updated"];
	        this.unchanged = source["unchanged"];
	        this.rejected = source["rejected"];
	        this.orders = this.convertValues(source["orders"], OrderCounts);
	        this.shopFrom = source["shopFrom"];
	        this.shopId = source["shopId"];
	        this.shopLine = source["shopLine"];
	        this.duplicate = source["duplicate"];
	        this.dryRun = source["dryRun"];
	        this.error = source["error"];
	        this.errorCode = source["errorCode"];
	        this.footerSkipped = source["footerSkipped"];
	        this.footerText = source["footerText"];
	        this.statusDerived = source["statusDerived"];
	        this.shopRemembered = source["shopRemembered"];
	        this.notes = source["notes"];
	        this.header = source["header"];
	        this.headerRow = source["headerRow"];
	        this.sample = source["sample"];
	        this.guess = source["guess"];
	        this.sheet = source["sheet"];
	        this.sheets = source["sheets"];
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
	    stockMovesRemoved: number;
	    stockCountsRemoved: number;
	    stockItemsRemoved: number;
	    stockItemsRestored: number;
	    inquiriesRemoved: number;
	    inquiriesEdited: number;
	    staffUndone: boolean;
	    metricDaysRestored: number;
	    metricDaysKept: number;
	
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
	        this.stockMovesRemoved = source["stockMovesRemoved"];
	        this.stockCountsRemoved = source["stockCountsRemoved"];
	        this.stockItemsRemoved = source["stockItemsRemoved"];
	        this.stockItemsRestored = source["stockItemsRestored"];
	        this.inquiriesRemoved = source["inquiriesRemoved"];
	        this.inquiriesEdited = source["inquiriesEdited"];
	        this.staffUndone = source["staffUndone"];
	        this.metricDaysRestored = source["metricDaysRestored"];
	        this.metricDaysKept = source["metricDaysKept"];
	    }
	}

}

export namespace inquiry {
	
	export class StatRow {
	    key: string;
	    agentId?: number;
	    inquiries: number;
	    deals: number;
	    pending: number;
	    conversion: number;
	    amountFen?: number;
	
	    static createFrom(source: any = {}) {
	        return new StatRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.agentId = source["agentId"];
	        this.inquiries = source["inquiries"];
	        this.deals = source["deals"];
	        this.pending = source["pending"];
	        this.conversion = source["conversion"];
	        this.amountFen = source["amountFen"];
	    }
	}
	export class Totals {
	    inquiries: number;
	    deals: number;
	    pending: number;
	    noDeals: number;
	    conversion: number;
	    amountFen: number;
	
	    static createFrom(source: any = {}) {
	        return new Totals(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.inquiries = source["inquiries"];
	        this.deals = source["deals"];
	        this.pending = source["pending"];
	        this.noDeals = source["noDeals"];
	        this.conversion = source["conversion"];
	        this.amountFen = source["amountFen"];
	    }
	}
	export class Analysis {
	    from: string;
	    to: string;
	    by: string;
	    totals: Totals;
	    rows: StatRow[];
	    reasons: StatRow[];
	    trend: StatRow[];
	    agents: StatRow[];
	
	    static createFrom(source: any = {}) {
	        return new Analysis(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.from = source["from"];
	        this.to = source["to"];
	        this.by = source["by"];
	        this.totals = this.convertValues(source["totals"], Totals);
	        this.rows = this.convertValues(source["rows"], StatRow);
	        this.reasons = this.convertValues(source["reasons"], StatRow);
	        this.trend = this.convertValues(source["trend"], StatRow);
	        this.agents = this.convertValues(source["agents"], StatRow);
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
	export class Credit {
	    inquiryId: number;
	    customer: string;
	    shopId: number;
	    orderNo: string;
	    dealOn: string;
	    agentId: number;
	    rule: string;
	    amountFen: number;
	    returnedFen: number;
	    creditFen: number;
	    agents: number;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new Credit(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.inquiryId = source["inquiryId"];
	        this.customer = source["customer"];
	        this.shopId = source["shopId"];
	        this.orderNo = source["orderNo"];
	        this.dealOn = source["dealOn"];
	        this.agentId = source["agentId"];
	        this.rule = source["rule"];
	        this.amountFen = source["amountFen"];
	        this.returnedFen = source["returnedFen"];
	        this.creditFen = source["creditFen"];
	        this.agents = source["agents"];
	        this.note = source["note"];
	    }
	}
	export class CustomerHint {
	    name: string;
	    inquiries: number;
	    orders: number;
	    lastDay: string;
	
	    static createFrom(source: any = {}) {
	        return new CustomerHint(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.inquiries = source["inquiries"];
	        this.orders = source["orders"];
	        this.lastDay = source["lastDay"];
	    }
	}
	export class FollowUp {
	    id: number;
	    customer: string;
	    kind: string;
	    dueOn: string;
	    step: number;
	    inquiryId: number;
	    agentId: number;
	    agentName: string;
	    state: string;
	    note: string;
	    doneAt: string;
	    products: string;
	    channel: string;
	    outcome: string;
	    askedOn: string;
	    followNote: string;
	    overdue: boolean;
	
	    static createFrom(source: any = {}) {
	        return new FollowUp(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.customer = source["customer"];
	        this.kind = source["kind"];
	        this.dueOn = source["dueOn"];
	        this.step = source["step"];
	        this.inquiryId = source["inquiryId"];
	        this.agentId = source["agentId"];
	        this.agentName = source["agentName"];
	        this.state = source["state"];
	        this.note = source["note"];
	        this.doneAt = source["doneAt"];
	        this.products = source["products"];
	        this.channel = source["channel"];
	        this.outcome = source["outcome"];
	        this.askedOn = source["askedOn"];
	        this.followNote = source["followNote"];
	        this.overdue = source["overdue"];
	    }
	}
	export class FollowUps {
	    today: string;
	    rows: FollowUp[];
	    due: number;
	
	    static createFrom(source: any = {}) {
	        return new FollowUps(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.today = source["today"];
	        this.rows = this.convertValues(source["rows"], FollowUp);
	        this.due = source["due"];
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
	export class PastOrder {
	    shopName: string;
	    orderNo: string;
	    status: string;
	    statusText: string;
	    payFen: number;
	    title: string;
	    createdAt: string;
	
	    static createFrom(source: any = {}) {
	        return new PastOrder(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.shopName = source["shopName"];
	        this.orderNo = source["orderNo"];
	        this.status = source["status"];
	        this.statusText = source["statusText"];
	        this.payFen = source["payFen"];
	        this.title = source["title"];
	        this.createdAt = source["createdAt"];
	    }
	}
	export class PastInquiry {
	    id: number;
	    askedOn: string;
	    channel: string;
	    customerType: string;
	    products: string;
	    region: string;
	    outcome: string;
	    amountFen: number;
	    reason: string;
	    followNote: string;
	    agentId: number;
	    agentName: string;
	
	    static createFrom(source: any = {}) {
	        return new PastInquiry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.askedOn = source["askedOn"];
	        this.channel = source["channel"];
	        this.customerType = source["customerType"];
	        this.products = source["products"];
	        this.region = source["region"];
	        this.outcome = source["outcome"];
	        this.amountFen = source["amountFen"];
	        this.reason = source["reason"];
	        this.followNote = source["followNote"];
	        this.agentId = source["agentId"];
	        this.agentName = source["agentName"];
	    }
	}
	export class History {
	    customer: string;
	    customerType: string;
	    region: string;
	    inquiries: PastInquiry[];
	    orders: PastOrder[];
	    paidOrders: number;
	    paidFen: number;
	    followUps: FollowUp[];
	
	    static createFrom(source: any = {}) {
	        return new History(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.customer = source["customer"];
	        this.customerType = source["customerType"];
	        this.region = source["region"];
	        this.inquiries = this.convertValues(source["inquiries"], PastInquiry);
	        this.orders = this.convertValues(source["orders"], PastOrder);
	        this.paidOrders = source["paidOrders"];
	        this.paidFen = source["paidFen"];
	        this.followUps = this.convertValues(source["followUps"], FollowUp);
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
	export class Inquiry {
	    id: number;
	    askedOn: string;
	    askedTime: string;
	    shopId: number;
	    shopName: string;
	    customer: string;
	    customerType: string;
	    channel: string;
	    products: string[];
	    region: string;
	    agentId: number;
	    agentName: string;
	    outcome: string;
	    dealType: string;
	    amountFen: number;
	    reason: string;
	    followNote: string;
	    nextFollowOn: string;
	    note: string;
	    dealShopId: number;
	    dealOrderNo: string;
	    dealOn: string;
	    flaggedBy: number;
	    chasedBy: number;
	    batchId: number;
	    createdAt: string;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Inquiry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.askedOn = source["askedOn"];
	        this.askedTime = source["askedTime"];
	        this.shopId = source["shopId"];
	        this.shopName = source["shopName"];
	        this.customer = source["customer"];
	        this.customerType = source["customerType"];
	        this.channel = source["channel"];
	        this.products = source["products"];
	        this.region = source["region"];
	        this.agentId = source["agentId"];
	        this.agentName = source["agentName"];
	        this.outcome = source["outcome"];
	        this.dealType = source["dealType"];
	        this.amountFen = source["amountFen"];
	        this.reason = source["reason"];
	        this.followNote = source["followNote"];
	        this.nextFollowOn = source["nextFollowOn"];
	        this.note = source["note"];
	        this.dealShopId = source["dealShopId"];
	        this.dealOrderNo = source["dealOrderNo"];
	        this.dealOn = source["dealOn"];
	        this.flaggedBy = source["flaggedBy"];
	        this.chasedBy = source["chasedBy"];
	        this.batchId = source["batchId"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	    }
	}
	export class ListValue {
	    list: string;
	    name: string;
	
	    static createFrom(source: any = {}) {
	        return new ListValue(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.list = source["list"];
	        this.name = source["name"];
	    }
	}
	export class Match {
	    id: number;
	    inquiryId: number;
	    shopId: number;
	    shopName: string;
	    orderNo: string;
	    orderCreated: string;
	    orderPaid: string;
	    amountFen: number;
	    state: string;
	    auto: boolean;
	    proposedAt: string;
	    decidedAt: string;
	    customer: string;
	    askedOn: string;
	    channel: string;
	    products: string;
	    outcome: string;
	    agentName: string;
	
	    static createFrom(source: any = {}) {
	        return new Match(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.inquiryId = source["inquiryId"];
	        this.shopId = source["shopId"];
	        this.shopName = source["shopName"];
	        this.orderNo = source["orderNo"];
	        this.orderCreated = source["orderCreated"];
	        this.orderPaid = source["orderPaid"];
	        this.amountFen = source["amountFen"];
	        this.state = source["state"];
	        this.auto = source["auto"];
	        this.proposedAt = source["proposedAt"];
	        this.decidedAt = source["decidedAt"];
	        this.customer = source["customer"];
	        this.askedOn = source["askedOn"];
	        this.channel = source["channel"];
	        this.products = source["products"];
	        this.outcome = source["outcome"];
	        this.agentName = source["agentName"];
	    }
	}
	export class MatchResult {
	    proposed: number;
	    confirmed: number;
	    dropped: number;
	    waiting: number;
	
	    static createFrom(source: any = {}) {
	        return new MatchResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.proposed = source["proposed"];
	        this.confirmed = source["confirmed"];
	        this.dropped = source["dropped"];
	        this.waiting = source["waiting"];
	    }
	}
	export class Option {
	    id: number;
	    list: string;
	    name: string;
	    position: number;
	    active: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Option(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.list = source["list"];
	        this.name = source["name"];
	        this.position = source["position"];
	        this.active = source["active"];
	    }
	}
	export class Page {
	    rows: Inquiry[];
	    total: number;
	    incomplete: number;
	
	    static createFrom(source: any = {}) {
	        return new Page(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rows = this.convertValues(source["rows"], Inquiry);
	        this.total = source["total"];
	        this.incomplete = source["incomplete"];
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
	
	
	export class PasteDefaults {
	    askedOn: string;
	    agentId: number;
	    channel: string;
	    shopId: number;
	
	    static createFrom(source: any = {}) {
	        return new PasteDefaults(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.askedOn = source["askedOn"];
	        this.agentId = source["agentId"];
	        this.channel = source["channel"];
	        this.shopId = source["shopId"];
	    }
	}
	export class PasteError {
	    line: number;
	    column: string;
	    value: string;
	    text: string;
	
	    static createFrom(source: any = {}) {
	        return new PasteError(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.line = source["line"];
	        this.column = source["column"];
	        this.value = source["value"];
	        this.text = source["text"];
	    }
	}
	export class PastePreview {
	    header: boolean;
	    columns: string[];
	    ignored: string[];
	    rows: Inquiry[];
	    lines: number[];
	    errors: PasteError[];
	    newValues: ListValue[];
	
	    static createFrom(source: any = {}) {
	        return new PastePreview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.header = source["header"];
	        this.columns = source["columns"];
	        this.ignored = source["ignored"];
	        this.rows = this.convertValues(source["rows"], Inquiry);
	        this.lines = source["lines"];
	        this.errors = this.convertValues(source["errors"], PasteError);
	        this.newValues = this.convertValues(source["newValues"], ListValue);
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
	    from: string;
	    to: string;
	    outcome: string;
	    channel: string;
	    agentId: number;
	    search: string;
	    incomplete: boolean;
	    page: number;
	    pageSize: number;
	
	    static createFrom(source: any = {}) {
	        return new Query(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.from = source["from"];
	        this.to = source["to"];
	        this.outcome = source["outcome"];
	        this.channel = source["channel"];
	        this.agentId = source["agentId"];
	        this.search = source["search"];
	        this.incomplete = source["incomplete"];
	        this.page = source["page"];
	        this.pageSize = source["pageSize"];
	    }
	}
	export class Revisits {
	    planned: string[];
	    skipped: string[];
	
	    static createFrom(source: any = {}) {
	        return new Revisits(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.planned = source["planned"];
	        this.skipped = source["skipped"];
	    }
	}
	

}

export namespace metrics {
	
	export class Alert {
	    shopId: number;
	    shopName: string;
	    day: string;
	    figure: string;
	    value: number;
	    average: number;
	    change: number;
	
	    static createFrom(source: any = {}) {
	        return new Alert(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.shopId = source["shopId"];
	        this.shopName = source["shopName"];
	        this.day = source["day"];
	        this.figure = source["figure"];
	        this.value = source["value"];
	        this.average = source["average"];
	        this.change = source["change"];
	    }
	}
	export class Day {
	    shopId: number;
	    day: string;
	    visitors?: number;
	    pageViews?: number;
	    buyers?: number;
	    promoFen?: number;
	    orders: number;
	    salesFen: number;
	    refundFen: number;
	    paidAll: number;
	    refunded: number;
	    conversion?: number;
	    aovFen?: number;
	    refundRate?: number;
	    promoRatio?: number;
	    targetFen: number;
	
	    static createFrom(source: any = {}) {
	        return new Day(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.shopId = source["shopId"];
	        this.day = source["day"];
	        this.visitors = source["visitors"];
	        this.pageViews = source["pageViews"];
	        this.buyers = source["buyers"];
	        this.promoFen = source["promoFen"];
	        this.orders = source["orders"];
	        this.salesFen = source["salesFen"];
	        this.refundFen = source["refundFen"];
	        this.paidAll = source["paidAll"];
	        this.refunded = source["refunded"];
	        this.conversion = source["conversion"];
	        this.aovFen = source["aovFen"];
	        this.refundRate = source["refundRate"];
	        this.promoRatio = source["promoRatio"];
	        this.targetFen = source["targetFen"];
	    }
	}
	export class Input {
	    shopId: number;
	    day: string;
	    visitors?: number;
	    pageViews?: number;
	    buyers?: number;
	    promoFen?: number;
	
	    static createFrom(source: any = {}) {
	        return new Input(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.shopId = source["shopId"];
	        this.day = source["day"];
	        this.visitors = source["visitors"];
	        this.pageViews = source["pageViews"];
	        this.buyers = source["buyers"];
	        this.promoFen = source["promoFen"];
	    }
	}
	export class ShopDays {
	    shopId: number;
	    days: Day[];
	
	    static createFrom(source: any = {}) {
	        return new ShopDays(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.shopId = source["shopId"];
	        this.days = this.convertValues(source["days"], Day);
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

export namespace staff {
	
	export class Swap {
	    id: number;
	    day: string;
	    staffA: number;
	    nameA: string;
	    staffB: number;
	    nameB: string;
	    cellA: string;
	    cellB: string;
	    approvedBy: number;
	    approvedName: string;
	    note: string;
	    createdAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Swap(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.day = source["day"];
	        this.staffA = source["staffA"];
	        this.nameA = source["nameA"];
	        this.staffB = source["staffB"];
	        this.nameB = source["nameB"];
	        this.cellA = source["cellA"];
	        this.cellB = source["cellB"];
	        this.approvedBy = source["approvedBy"];
	        this.approvedName = source["approvedName"];
	        this.note = source["note"];
	        this.createdAt = source["createdAt"];
	    }
	}
	export class Leave {
	    id: number;
	    staffId: number;
	    staffName: string;
	    type: string;
	    from: string;
	    to: string;
	    approvedBy: number;
	    approvedName: string;
	    note: string;
	    createdAt: string;
	    cancelled: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Leave(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.staffId = source["staffId"];
	        this.staffName = source["staffName"];
	        this.type = source["type"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.approvedBy = source["approvedBy"];
	        this.approvedName = source["approvedName"];
	        this.note = source["note"];
	        this.createdAt = source["createdAt"];
	        this.cancelled = source["cancelled"];
	    }
	}
	export class CorrectionRecord {
	    id: number;
	    staffId: number;
	    staffName: string;
	    action: string;
	    oldAt: string;
	    oldKind: string;
	    newAt: string;
	    newKind: string;
	    reason: string;
	    ownerName: string;
	    at: string;
	
	    static createFrom(source: any = {}) {
	        return new CorrectionRecord(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.staffId = source["staffId"];
	        this.staffName = source["staffName"];
	        this.action = source["action"];
	        this.oldAt = source["oldAt"];
	        this.oldKind = source["oldKind"];
	        this.newAt = source["newAt"];
	        this.newKind = source["newKind"];
	        this.reason = source["reason"];
	        this.ownerName = source["ownerName"];
	        this.at = source["at"];
	    }
	}
	export class Punch {
	    id: number;
	    staffId: number;
	    at: string;
	    kind: string;
	    source: string;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new Punch(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.staffId = source["staffId"];
	        this.at = source["at"];
	        this.kind = source["kind"];
	        this.source = source["source"];
	        this.note = source["note"];
	    }
	}
	export class ShiftRecord {
	    staffId: number;
	    day: string;
	    shiftId: number;
	    shiftName: string;
	    start: string;
	    end: string;
	    in: string;
	    out: string;
	    inId: number;
	    outId: number;
	    lateMin: number;
	    earlyMin: number;
	    missingIn: boolean;
	    missingOut: boolean;
	    status: string;
	    leave: string;
	
	    static createFrom(source: any = {}) {
	        return new ShiftRecord(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.staffId = source["staffId"];
	        this.day = source["day"];
	        this.shiftId = source["shiftId"];
	        this.shiftName = source["shiftName"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.in = source["in"];
	        this.out = source["out"];
	        this.inId = source["inId"];
	        this.outId = source["outId"];
	        this.lateMin = source["lateMin"];
	        this.earlyMin = source["earlyMin"];
	        this.missingIn = source["missingIn"];
	        this.missingOut = source["missingOut"];
	        this.status = source["status"];
	        this.leave = source["leave"];
	    }
	}
	export class AttendancePerson {
	    id: number;
	    name: string;
	    records: ShiftRecord[];
	    strays: Punch[];
	    punches: Punch[];
	
	    static createFrom(source: any = {}) {
	        return new AttendancePerson(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.records = this.convertValues(source["records"], ShiftRecord);
	        this.strays = this.convertValues(source["strays"], Punch);
	        this.punches = this.convertValues(source["punches"], Punch);
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
	export class AttendanceMonth {
	    month: string;
	    closed: boolean;
	    people: AttendancePerson[];
	    corrections: CorrectionRecord[];
	    leaves: Leave[];
	    swaps: Swap[];
	
	    static createFrom(source: any = {}) {
	        return new AttendanceMonth(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.month = source["month"];
	        this.closed = source["closed"];
	        this.people = this.convertValues(source["people"], AttendancePerson);
	        this.corrections = this.convertValues(source["corrections"], CorrectionRecord);
	        this.leaves = this.convertValues(source["leaves"], Leave);
	        this.swaps = this.convertValues(source["swaps"], Swap);
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
	
	export class Auth {
	    staffId: number;
	    pin: string;
	
	    static createFrom(source: any = {}) {
	        return new Auth(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.staffId = source["staffId"];
	        this.pin = source["pin"];
	    }
	}
	export class Check {
	    kind: string;
	    staffId: number;
	    staffName: string;
	    day: string;
	    shiftId: number;
	    shiftName: string;
	    other: string;
	    otherDay: string;
	    got: number;
	    want: number;
	    text: string;
	
	    static createFrom(source: any = {}) {
	        return new Check(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.staffId = source["staffId"];
	        this.staffName = source["staffName"];
	        this.day = source["day"];
	        this.shiftId = source["shiftId"];
	        this.shiftName = source["shiftName"];
	        this.other = source["other"];
	        this.otherDay = source["otherDay"];
	        this.got = source["got"];
	        this.want = source["want"];
	        this.text = source["text"];
	    }
	}
	export class ClockResult {
	    punch: Punch;
	    name: string;
	    record?: ShiftRecord;
	    openHandovers: number;
	
	    static createFrom(source: any = {}) {
	        return new ClockResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.punch = this.convertValues(source["punch"], Punch);
	        this.name = source["name"];
	        this.record = this.convertValues(source["record"], ShiftRecord);
	        this.openHandovers = source["openHandovers"];
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
	export class Correction {
	    action: string;
	    punchId: number;
	    staffId: number;
	    at: string;
	    kind: string;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new Correction(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.action = source["action"];
	        this.punchId = source["punchId"];
	        this.staffId = source["staffId"];
	        this.at = source["at"];
	        this.kind = source["kind"];
	        this.reason = source["reason"];
	    }
	}
	
	export class Handover {
	    id: number;
	    day: string;
	    shiftId: number;
	    shiftName: string;
	    writerId: number;
	    writerName: string;
	    orders: string;
	    buyers: string;
	    anomalies: string;
	    note: string;
	    writtenAt: string;
	    ackName: string;
	    ackAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Handover(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.day = source["day"];
	        this.shiftId = source["shiftId"];
	        this.shiftName = source["shiftName"];
	        this.writerId = source["writerId"];
	        this.writerName = source["writerName"];
	        this.orders = source["orders"];
	        this.buyers = source["buyers"];
	        this.anomalies = source["anomalies"];
	        this.note = source["note"];
	        this.writtenAt = source["writtenAt"];
	        this.ackName = source["ackName"];
	        this.ackAt = source["ackAt"];
	    }
	}
	export class Incident {
	    id: number;
	    staffId: number;
	    staffName: string;
	    day: string;
	    kind: string;
	    count: number;
	    note: string;
	    imported: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Incident(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.staffId = source["staffId"];
	        this.staffName = source["staffName"];
	        this.day = source["day"];
	        this.kind = source["kind"];
	        this.count = source["count"];
	        this.note = source["note"];
	        this.imported = source["imported"];
	    }
	}
	
	export class Level {
	    id: number;
	    name: string;
	    baseFen: number;
	    staffCount: number;
	
	    static createFrom(source: any = {}) {
	        return new Level(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.baseFen = source["baseFen"];
	        this.staffCount = source["staffCount"];
	    }
	}
	export class Line {
	    rule: string;
	    tier: string;
	    day: string;
	    shiftName: string;
	    minutes: number;
	    nth: number;
	    count: number;
	    amountFen: number;
	    text: string;
	
	    static createFrom(source: any = {}) {
	        return new Line(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rule = source["rule"];
	        this.tier = source["tier"];
	        this.day = source["day"];
	        this.shiftName = source["shiftName"];
	        this.minutes = source["minutes"];
	        this.nth = source["nth"];
	        this.count = source["count"];
	        this.amountFen = source["amountFen"];
	        this.text = source["text"];
	    }
	}
	export class PayEvent {
	    id: number;
	    action: string;
	    actorName: string;
	    reason: string;
	    at: string;
	
	    static createFrom(source: any = {}) {
	        return new PayEvent(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.action = source["action"];
	        this.actorName = source["actorName"];
	        this.reason = source["reason"];
	        this.at = source["at"];
	    }
	}
	export class Prorata {
	    joinedOn: string;
	    leftOn: string;
	    rosteredDays: number;
	    standardDays: number;
	
	    static createFrom(source: any = {}) {
	        return new Prorata(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.joinedOn = source["joinedOn"];
	        this.leftOn = source["leftOn"];
	        this.rosteredDays = source["rosteredDays"];
	        this.standardDays = source["standardDays"];
	    }
	}
	export class Payslip {
	    month: string;
	    staffId: number;
	    name: string;
	    role: string;
	    level: string;
	    levelBaseFen: number;
	    baseFen: number;
	    prorata?: Prorata;
	    commissionFen: number;
	    creditedFen: number;
	    commissionPct: string;
	    creditSource: boolean;
	    teamScore?: number;
	    bonuses: Line[];
	    bonusFen: number;
	    deductions: Line[];
	    deductionFen: number;
	    netFen: number;
	    rounded: boolean;
	    lates: number;
	    earlyLeaves: number;
	    absences: number;
	    missingPunches: number;
	    leaveShifts: number;
	    rostered: number;
	    worked: number;
	    pending: number;
	    attendance: ShiftRecord[];
	
	    static createFrom(source: any = {}) {
	        return new Payslip(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.month = source["month"];
	        this.staffId = source["staffId"];
	        this.name = source["name"];
	        this.role = source["role"];
	        this.level = source["level"];
	        this.levelBaseFen = source["levelBaseFen"];
	        this.baseFen = source["baseFen"];
	        this.prorata = this.convertValues(source["prorata"], Prorata);
	        this.commissionFen = source["commissionFen"];
	        this.creditedFen = source["creditedFen"];
	        this.commissionPct = source["commissionPct"];
	        this.creditSource = source["creditSource"];
	        this.teamScore = source["teamScore"];
	        this.bonuses = this.convertValues(source["bonuses"], Line);
	        this.bonusFen = source["bonusFen"];
	        this.deductions = this.convertValues(source["deductions"], Line);
	        this.deductionFen = source["deductionFen"];
	        this.netFen = source["netFen"];
	        this.rounded = source["rounded"];
	        this.lates = source["lates"];
	        this.earlyLeaves = source["earlyLeaves"];
	        this.absences = source["absences"];
	        this.missingPunches = source["missingPunches"];
	        this.leaveShifts = source["leaveShifts"];
	        this.rostered = source["rostered"];
	        this.worked = source["worked"];
	        this.pending = source["pending"];
	        this.attendance = this.convertValues(source["attendance"], ShiftRecord);
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
	export class PayMonth {
	    month: string;
	    closed: boolean;
	    closedAt: string;
	    closedBy: string;
	    payslips: Payslip[];
	    events: PayEvent[];
	    running: boolean;
	    creditSource: boolean;
	
	    static createFrom(source: any = {}) {
	        return new PayMonth(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.month = source["month"];
	        this.closed = source["closed"];
	        this.closedAt = source["closedAt"];
	        this.closedBy = source["closedBy"];
	        this.payslips = this.convertValues(source["payslips"], Payslip);
	        this.events = this.convertValues(source["events"], PayEvent);
	        this.running = source["running"];
	        this.creditSource = source["creditSource"];
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
	
	
	
	export class RotaCell {
	    staffId: number;
	    day: string;
	    rest: boolean;
	    shiftIds: number[];
	
	    static createFrom(source: any = {}) {
	        return new RotaCell(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.staffId = source["staffId"];
	        this.day = source["day"];
	        this.rest = source["rest"];
	        this.shiftIds = source["shiftIds"];
	    }
	}
	export class RotaDay {
	    day: string;
	    date: number;
	    weekday: number;
	
	    static createFrom(source: any = {}) {
	        return new RotaDay(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.day = source["day"];
	        this.date = source["date"];
	        this.weekday = source["weekday"];
	    }
	}
	export class Shift {
	    id: number;
	    name: string;
	    short: string;
	    start: string;
	    end: string;
	    startMin: number;
	    endMin: number;
	    need: number;
	    active: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Shift(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.short = source["short"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.startMin = source["startMin"];
	        this.endMin = source["endMin"];
	        this.need = source["need"];
	        this.active = source["active"];
	    }
	}
	export class RotaPerson {
	    id: number;
	    name: string;
	    role: string;
	    joinedOn: string;
	    leftOn: string;
	    active: boolean;
	    restDays: number;
	    workDays: number;
	
	    static createFrom(source: any = {}) {
	        return new RotaPerson(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.role = source["role"];
	        this.joinedOn = source["joinedOn"];
	        this.leftOn = source["leftOn"];
	        this.active = source["active"];
	        this.restDays = source["restDays"];
	        this.workDays = source["workDays"];
	    }
	}
	export class RotaMonth {
	    month: string;
	    days: RotaDay[];
	    people: RotaPerson[];
	    shifts: Shift[];
	    cells: RotaCell[];
	    checks: Check[];
	    closed: boolean;
	    restDays: number;
	
	    static createFrom(source: any = {}) {
	        return new RotaMonth(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.month = source["month"];
	        this.days = this.convertValues(source["days"], RotaDay);
	        this.people = this.convertValues(source["people"], RotaPerson);
	        this.shifts = this.convertValues(source["shifts"], Shift);
	        this.cells = this.convertValues(source["cells"], RotaCell);
	        this.checks = this.convertValues(source["checks"], Check);
	        this.closed = source["closed"];
	        this.restDays = source["restDays"];
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
	
	
	
	export class Staff {
	    id: number;
	    name: string;
	    role: string;
	    active: boolean;
	    note: string;
	    levelId: number;
	    levelName: string;
	    baseFen: number;
	    accounts: string[];
	    joinedOn: string;
	    leftOn: string;
	    hasPin: boolean;
	
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
	        this.levelId = source["levelId"];
	        this.levelName = source["levelName"];
	        this.baseFen = source["baseFen"];
	        this.accounts = source["accounts"];
	        this.joinedOn = source["joinedOn"];
	        this.leftOn = source["leftOn"];
	        this.hasPin = source["hasPin"];
	    }
	}

}

export namespace stock {
	
	export class ChartDay {
	    day: string;
	    sold: number;
	    returned: number;
	    stock?: number;
	
	    static createFrom(source: any = {}) {
	        return new ChartDay(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.day = source["day"];
	        this.sold = source["sold"];
	        this.returned = source["returned"];
	        this.stock = source["stock"];
	    }
	}
	export class CountLine {
	    id: number;
	    row: number;
	    itemId: number;
	    code: string;
	    name: string;
	    spec: string;
	    book: number;
	    counted?: number;
	    diff: number;
	    diffFen: number;
	    posted: boolean;
	    countedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new CountLine(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.row = source["row"];
	        this.itemId = source["itemId"];
	        this.code = source["code"];
	        this.name = source["name"];
	        this.spec = source["spec"];
	        this.book = source["book"];
	        this.counted = source["counted"];
	        this.diff = source["diff"];
	        this.diffFen = source["diffFen"];
	        this.posted = source["posted"];
	        this.countedAt = source["countedAt"];
	    }
	}
	export class CountSheet {
	    batchId: number;
	    file: string;
	    at: string;
	    rows: number;
	    counted: number;
	    differing: number;
	    posted: number;
	
	    static createFrom(source: any = {}) {
	        return new CountSheet(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.batchId = source["batchId"];
	        this.file = source["file"];
	        this.at = source["at"];
	        this.rows = source["rows"];
	        this.counted = source["counted"];
	        this.differing = source["differing"];
	        this.posted = source["posted"];
	    }
	}
	export class ItemChange {
	    field: string;
	    name: string;
	    old: string;
	    new: string;
	    actor: string;
	    file: string;
	    at: string;
	
	    static createFrom(source: any = {}) {
	        return new ItemChange(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.field = source["field"];
	        this.name = source["name"];
	        this.old = source["old"];
	        this.new = source["new"];
	        this.actor = source["actor"];
	        this.file = source["file"];
	        this.at = source["at"];
	    }
	}
	export class Entry {
	    kind: string;
	    at: string;
	    qty: number;
	    counted?: number;
	    balance: number;
	    reason: string;
	    actor: string;
	    shop: string;
	    lines: number;
	    ref: string;
	    moveId: number;
	    batchId: number;
	
	    static createFrom(source: any = {}) {
	        return new Entry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.at = source["at"];
	        this.qty = source["qty"];
	        this.counted = source["counted"];
	        this.balance = source["balance"];
	        this.reason = source["reason"];
	        this.actor = source["actor"];
	        this.shop = source["shop"];
	        this.lines = source["lines"];
	        this.ref = source["ref"];
	        this.moveId = source["moveId"];
	        this.batchId = source["batchId"];
	    }
	}
	export class Listing {
	    id: number;
	    shopId: number;
	    shopName: string;
	    platform: string;
	    title: string;
	    platformSkuId: string;
	    lines: number;
	    units: number;
	
	    static createFrom(source: any = {}) {
	        return new Listing(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.shopId = source["shopId"];
	        this.shopName = source["shopName"];
	        this.platform = source["platform"];
	        this.title = source["title"];
	        this.platformSkuId = source["platformSkuId"];
	        this.lines = source["lines"];
	        this.units = source["units"];
	    }
	}
	export class Row {
	    id: number;
	    code: string;
	    name: string;
	    spec: string;
	    costFen: number;
	    safetyStock: number;
	    supplier: string;
	    leadDays?: number;
	    packSize: number;
	    inTransit: number;
	    role: string;
	    active: boolean;
	    source: string;
	    onHand: number;
	    known: boolean;
	    avg7: number;
	    avg14: number;
	    avg30: number;
	    avgWindow: number;
	    daysLeft?: number;
	    reorderQty: number;
	    status: string;
	    valueFen: number;
	    soldRank: number;
	    marginFen: number;
	    rankUnits: string;
	    rankMargin: string;
	    lastSaleAt: string;
	    returnedWindow: number;
	
	    static createFrom(source: any = {}) {
	        return new Row(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.code = source["code"];
	        this.name = source["name"];
	        this.spec = source["spec"];
	        this.costFen = source["costFen"];
	        this.safetyStock = source["safetyStock"];
	        this.supplier = source["supplier"];
	        this.leadDays = source["leadDays"];
	        this.packSize = source["packSize"];
	        this.inTransit = source["inTransit"];
	        this.role = source["role"];
	        this.active = source["active"];
	        this.source = source["source"];
	        this.onHand = source["onHand"];
	        this.known = source["known"];
	        this.avg7 = source["avg7"];
	        this.avg14 = source["avg14"];
	        this.avg30 = source["avg30"];
	        this.avgWindow = source["avgWindow"];
	        this.daysLeft = source["daysLeft"];
	        this.reorderQty = source["reorderQty"];
	        this.status = source["status"];
	        this.valueFen = source["valueFen"];
	        this.soldRank = source["soldRank"];
	        this.marginFen = source["marginFen"];
	        this.rankUnits = source["rankUnits"];
	        this.rankMargin = source["rankMargin"];
	        this.lastSaleAt = source["lastSaleAt"];
	        this.returnedWindow = source["returnedWindow"];
	    }
	}
	export class Detail {
	    row: Row;
	    listings: Listing[];
	    ledger: Entry[];
	    entries: number;
	    chart: ChartDay[];
	    changes: ItemChange[];
	
	    static createFrom(source: any = {}) {
	        return new Detail(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.row = this.convertValues(source["row"], Row);
	        this.listings = this.convertValues(source["listings"], Listing);
	        this.ledger = this.convertValues(source["ledger"], Entry);
	        this.entries = source["entries"];
	        this.chart = this.convertValues(source["chart"], ChartDay);
	        this.changes = this.convertValues(source["changes"], ItemChange);
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
	
	export class Item {
	    id: number;
	    code: string;
	    name: string;
	    spec: string;
	    costFen: number;
	    safetyStock: number;
	    supplier: string;
	    leadDays?: number;
	    packSize: number;
	    inTransit: number;
	    role: string;
	    active: boolean;
	    source: string;
	
	    static createFrom(source: any = {}) {
	        return new Item(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.code = source["code"];
	        this.name = source["name"];
	        this.spec = source["spec"];
	        this.costFen = source["costFen"];
	        this.safetyStock = source["safetyStock"];
	        this.supplier = source["supplier"];
	        this.leadDays = source["leadDays"];
	        this.packSize = source["packSize"];
	        this.inTransit = source["inTransit"];
	        this.role = source["role"];
	        this.active = source["active"];
	        this.source = source["source"];
	    }
	}
	
	export class ItemInput {
	    name: string;
	    spec: string;
	    costFen: number;
	    safetyStock: number;
	    supplier: string;
	    leadDays?: number;
	    packSize: number;
	    inTransit: number;
	    role: string;
	    active: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ItemInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.spec = source["spec"];
	        this.costFen = source["costFen"];
	        this.safetyStock = source["safetyStock"];
	        this.supplier = source["supplier"];
	        this.leadDays = source["leadDays"];
	        this.packSize = source["packSize"];
	        this.inTransit = source["inTransit"];
	        this.role = source["role"];
	        this.active = source["active"];
	    }
	}
	
	export class MoveInput {
	    kind: string;
	    qty: number;
	    reason: string;
	    actorId: number;
	
	    static createFrom(source: any = {}) {
	        return new MoveInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.qty = source["qty"];
	        this.reason = source["reason"];
	        this.actorId = source["actorId"];
	    }
	}
	export class Page {
	    rows: Row[];
	    total: number;
	    counts: Record<string, number>;
	    day: string;
	    window: number;
	
	    static createFrom(source: any = {}) {
	        return new Page(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rows = this.convertValues(source["rows"], Row);
	        this.total = source["total"];
	        this.counts = source["counts"];
	        this.day = source["day"];
	        this.window = source["window"];
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
	    status: string;
	    supplier: string;
	    shopId: number;
	    search: string;
	    all: boolean;
	    sort: string;
	    desc: boolean;
	    page: number;
	    pageSize: number;
	
	    static createFrom(source: any = {}) {
	        return new Query(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.status = source["status"];
	        this.supplier = source["supplier"];
	        this.shopId = source["shopId"];
	        this.search = source["search"];
	        this.all = source["all"];
	        this.sort = source["sort"];
	        this.desc = source["desc"];
	        this.page = source["page"];
	        this.pageSize = source["pageSize"];
	    }
	}
	export class ReorderLine {
	    itemId: number;
	    code: string;
	    name: string;
	    spec: string;
	    onHand: number;
	    inTransit: number;
	    avgDaily: number;
	    daysLeft?: number;
	    leadDays: number;
	    packSize: number;
	    qty: number;
	    costFen: number;
	    amountFen: number;
	    status: string;
	
	    static createFrom(source: any = {}) {
	        return new ReorderLine(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.itemId = source["itemId"];
	        this.code = source["code"];
	        this.name = source["name"];
	        this.spec = source["spec"];
	        this.onHand = source["onHand"];
	        this.inTransit = source["inTransit"];
	        this.avgDaily = source["avgDaily"];
	        this.daysLeft = source["daysLeft"];
	        this.leadDays = source["leadDays"];
	        this.packSize = source["packSize"];
	        this.qty = source["qty"];
	        this.costFen = source["costFen"];
	        this.amountFen = source["amountFen"];
	        this.status = source["status"];
	    }
	}
	export class ReorderGroup {
	    supplier: string;
	    lines: ReorderLine[];
	    qty: number;
	    amountFen: number;
	
	    static createFrom(source: any = {}) {
	        return new ReorderGroup(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.supplier = source["supplier"];
	        this.lines = this.convertValues(source["lines"], ReorderLine);
	        this.qty = source["qty"];
	        this.amountFen = source["amountFen"];
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
	
	export class ReturnDay {
	    day: string;
	    itemId: number;
	    code: string;
	    name: string;
	    units: number;
	    amountFen: number;
	    refunds: number;
	    shops: string;
	
	    static createFrom(source: any = {}) {
	        return new ReturnDay(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.day = source["day"];
	        this.itemId = source["itemId"];
	        this.code = source["code"];
	        this.name = source["name"];
	        this.units = source["units"];
	        this.amountFen = source["amountFen"];
	        this.refunds = source["refunds"];
	        this.shops = source["shops"];
	    }
	}
	export class ReturnsPage {
	    rows: ReturnDay[];
	    total: number;
	    from: string;
	    to: string;
	
	    static createFrom(source: any = {}) {
	        return new ReturnsPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rows = this.convertValues(source["rows"], ReturnDay);
	        this.total = source["total"];
	        this.from = source["from"];
	        this.to = source["to"];
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
	
	export class Suggestion {
	    itemId: number;
	    code: string;
	    name: string;
	    spec: string;
	    score: number;
	
	    static createFrom(source: any = {}) {
	        return new Suggestion(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.itemId = source["itemId"];
	        this.code = source["code"];
	        this.name = source["name"];
	        this.spec = source["spec"];
	        this.score = source["score"];
	    }
	}
	export class SyncResult {
	    batches: number;
	    itemsCreated: number;
	    itemsRemoved: number;
	
	    static createFrom(source: any = {}) {
	        return new SyncResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.batches = source["batches"];
	        this.itemsCreated = source["itemsCreated"];
	        this.itemsRemoved = source["itemsRemoved"];
	    }
	}
	export class Unmapped {
	    shopId: number;
	    shopName: string;
	    platform: string;
	    title: string;
	    lines: number;
	    units: number;
	    lastAt: string;
	    suggestions: Suggestion[];
	
	    static createFrom(source: any = {}) {
	        return new Unmapped(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.shopId = source["shopId"];
	        this.shopName = source["shopName"];
	        this.platform = source["platform"];
	        this.title = source["title"];
	        this.lines = source["lines"];
	        this.units = source["units"];
	        this.lastAt = source["lastAt"];
	        this.suggestions = this.convertValues(source["suggestions"], Suggestion);
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
	export class UnmappedPage {
	    rows: Unmapped[];
	    titles: number;
	    lines: number;
	
	    static createFrom(source: any = {}) {
	        return new UnmappedPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rows = this.convertValues(source["rows"], Unmapped);
	        this.titles = source["titles"];
	        this.lines = source["lines"];
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

