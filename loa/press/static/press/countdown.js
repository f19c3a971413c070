// Keeps deadline badges ([data-due]) counting down every second; the server renders the first value and,
// in data-left / data-over / data-units, the words in the page's language.
(function () {
  function words(seconds, u) {
    seconds = Math.abs(Math.floor(seconds));
    var d = Math.floor(seconds / 86400), h = Math.floor(seconds % 86400 / 3600), m = Math.floor(seconds % 3600 / 60);
    if (d) return d + " " + u[0] + " " + h + " " + u[1];
    if (h) return h + " " + u[1] + " " + m + " " + u[2];
    return m + " " + u[2] + " " + (seconds % 60) + " " + u[3];
  }
  function tick() {
    var now = Date.now();
    document.querySelectorAll("[data-due]").forEach(function (el) {
      var left = (Date.parse(el.getAttribute("data-due")) - now) / 1000;
      var u = (el.getAttribute("data-units") || "ngày|giờ|phút|giây").split("|");
      var format = left < 0 ? el.getAttribute("data-over") || "quá hạn %(time)s" : el.getAttribute("data-left") || "còn %(time)s";
      el.textContent = format.replace("%(time)s", words(left < 0 ? -left : left, u));
      el.classList.toggle("bad", left < 0);
      el.classList.toggle("warn", left >= 0 && left < 86400);
      el.classList.toggle("ok", left >= 86400);
    });
  }
  tick();
  setInterval(tick, 1000);
})();
