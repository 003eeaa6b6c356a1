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

}

export namespace importer {
	
	export class Batch {
	    id: number;
	    fileName: string;
	    sha256: string;
	    platform: string;
	    format: string;
	    formatName: string;
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
	export class UndoResult {
	    batchId: number;
	    file: string;
	    removed: number;
	    restored: number;
	
	    static createFrom(source: any = {}) {
	        return new UndoResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.batchId = source["batchId"];
	        this.file = source["file"];
	        this.removed = source["removed"];
	        this.restored = source["restored"];
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
	        this.cursor = source["cursor"];
	        this.limit = source["limit"];
	    }
	}

}

export namespace shop {
	
	export class Shop {
	    id: number;
	    platform: string;
	    name: string;
	    timezone: string;
	    orderCount: number;
	
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
	    }
	}

}

