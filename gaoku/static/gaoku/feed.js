// The live feed: new events arrive over Server-Sent Events and go on top of the list.
// EventSource reconnects by itself and sends the last id it saw (Last-Event-ID).
(function () {
  var list = document.querySelector("[data-stream]");
  if (!list || !window.EventSource) return;
  var source = new EventSource(list.getAttribute("data-stream") + "?last_id=" + list.getAttribute("data-last-id"));
  var status = document.querySelector("[data-live-status]");
  var labels = { "material.published": "新资料", "version.published": "新版本", "announcement.published": "公告" };
  source.onopen = function () { if (status) status.hidden = false; };
  function add(kind) {
    return function (message) {
      var data = JSON.parse(message.data);
      if (list.querySelector('[data-event="' + message.lastEventId + '"]')) return;
      var empty = list.querySelector(".empty");
      if (empty) empty.remove();
      var item = document.createElement("li");
      item.className = "event unread";
      item.setAttribute("data-event", message.lastEventId);
      var badge = document.createElement("span");
      badge.className = "badge";
      badge.textContent = labels[kind] || kind;
      var link = document.createElement("a");
      link.href = data.url;
      link.textContent = data.title + (data.version > 1 ? " · v" + data.version : "");
      var hint = document.createElement("small");
      hint.className = "hint";
      hint.textContent = [data.type].concat(data.topics || []).filter(Boolean).join(" · ");
      item.append(badge, " ", link, " ", hint);
      list.prepend(item);
    };
  }
  Object.keys(labels).forEach(function (kind) { source.addEventListener(kind, add(kind)); });
})();
