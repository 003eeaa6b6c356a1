// Browser mode for Shopdesk: makes the Wails-generated bindings (window.go.<pkg>.<Service>.<Method>)
// and the Wails runtime's event functions work in a plain browser, over HTTP and SSE.
// Served by `shopdesk serve` and loaded before the app's own scripts.
(function () {
  "use strict";
  window.shopdesk = { browser: true };

  async function call(name, args) {
    let response;
    try {
      response = await fetch("/api/call", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ name: name, args: args }),
      });
    } catch (e) {
      throw "无法连接店务台服务（" + String(e) + "）";
    }
    let body = null;
    try {
      body = await response.json();
    } catch (e) {
      throw "店务台服务返回了无法识别的内容（HTTP " + response.status + "）";
    }
    if (!response.ok || (body && body.error)) {
      throw (body && body.error) || "请求失败（HTTP " + response.status + "）";
    }
    return body.result;
  }

  function proxy(getter) {
    return new Proxy({}, { get: function (_, key) { return typeof key === "string" ? getter(key) : undefined; } });
  }
  window.go = proxy(function (pkg) {
    return proxy(function (service) {
      return proxy(function (method) {
        return function () { return call(pkg + "." + service + "." + method, Array.prototype.slice.call(arguments)); };
      });
    });
  });

  var listeners = {};
  function dispatch(name, data) {
    var list = listeners[name];
    if (!list) return;
    listeners[name] = list.filter(function (l) {
      l.callback.apply(null, data);
      if (l.remaining > 0) l.remaining--;
      return l.remaining !== 0;
    });
  }
  function on(name, callback, max) {
    var entry = { callback: callback, remaining: max };
    (listeners[name] = listeners[name] || []).push(entry);
    return function () {
      listeners[name] = (listeners[name] || []).filter(function (l) { return l !== entry; });
    };
  }

  var source = new EventSource("/api/events");
  source.onmessage = function (e) {
    var msg = JSON.parse(e.data);
    dispatch(msg.name, [msg.data]);
  };

  function noop() {}
  window.runtime = {
    EventsOnMultiple: on,
    EventsOn: function (n, cb) { return on(n, cb, -1); },
    EventsOnce: function (n, cb) { return on(n, cb, 1); },
    EventsOff: function (name) {
      Array.prototype.slice.call(arguments).forEach(function (n) { delete listeners[n]; });
    },
    EventsOffAll: function () { listeners = {}; },
    EventsEmit: function (name) { dispatch(name, Array.prototype.slice.call(arguments, 1)); },
    // No native file drop in a browser: the page uploads dropped files over HTTP instead.
    OnFileDrop: noop,
    OnFileDropOff: noop,
    LogPrint: console.log, LogTrace: console.debug, LogDebug: console.debug, LogInfo: console.info,
    LogWarning: console.warn, LogError: console.error, LogFatal: console.error,
    WindowSetTitle: function (t) { document.title = t; },
    WindowReload: function () { location.reload(); },
    WindowReloadApp: function () { location.reload(); },
    BrowserOpenURL: function (url) { window.open(url, "_blank", "noopener"); },
    Environment: function () { return Promise.resolve({ buildType: "browser", platform: "web", arch: "" }); },
    Quit: noop,
  };
})();
