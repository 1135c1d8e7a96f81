// Choosing a language submits its form (no inline handlers: the site's CSP allows none).
document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
  select.addEventListener("change", function () { select.form.submit(); });
});
