// Follows a background job: polls its JSON, moves the bar, reloads the page when it ends.
(function () {
  var box = document.querySelector("[data-poll]");
  if (!box) return;
  var url = box.getAttribute("data-poll");
  var bar = box.querySelector("[data-job-bar]");
  var state = box.querySelector("[data-job-state]");
  var progress = box.querySelector("[data-job-progress]");
  var reading = box.querySelector("[data-job-reading]");
  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (job) {
        if (!job) { setTimeout(poll, 5000); return; }
        if (job.state !== box.getAttribute("data-state") &&
            (job.state === "done" || job.state === "failed")) {
          window.location.reload();
          return;
        }
        if (bar) { bar.max = job.total; bar.value = job.done; }
        if (state) state.textContent = job.state_label;
        if (progress) progress.textContent = progress.textContent.replace(/\d+/, job.done);
        if (reading && job.result && job.result.read != null) {
          reading.textContent = reading.textContent.replace(/\d+/, job.result.read);
        }
        setTimeout(poll, 1500);
      })
      .catch(function () { setTimeout(poll, 5000); });
  }
  setTimeout(poll, 1000);
})();
