// Keeps deadline badges ([data-due]) counting down every second; the server renders the first value.
(function () {
  function words(seconds) {
    seconds = Math.abs(Math.floor(seconds));
    var d = Math.floor(seconds / 86400), h = Math.floor(seconds % 86400 / 3600), m = Math.floor(seconds % 3600 / 60);
    if (d) return d + " ngày " + h + " giờ";
    if (h) return h + " giờ " + m + " phút";
    return m + " phút " + (seconds % 60) + " giây";
  }
  function tick() {
    var now = Date.now();
    document.querySelectorAll("[data-due]").forEach(function (el) {
      var left = (Date.parse(el.getAttribute("data-due")) - now) / 1000;
      el.textContent = left < 0 ? "quá hạn " + words(-left) : "còn " + words(left);
      el.classList.toggle("bad", left < 0);
      el.classList.toggle("warn", left >= 0 && left < 86400);
      el.classList.toggle("ok", left >= 86400);
    });
  }
  tick();
  setInterval(tick, 1000);
})();
